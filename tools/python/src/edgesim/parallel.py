"""The PettingZoo ``ParallelEnv`` over one native environment."""
from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

import numpy as np
from gymnasium import spaces
from pettingzoo import ParallelEnv

from . import _native
from .errors import EpisodeStateError, InvalidActionError
from .native_env import NativeEnvironment
from .options import check_seed, native_options
from .scenario import Scenario, as_scenario

_INVALID_ACTION_MODES = ("penalize", "raise")


class EdgeSimParallelEnv(ParallelEnv):
    """Task offloading in an edge cluster as a PettingZoo ``ParallelEnv``.

    Agents are the scenario's controller nodes (``possible_agents`` are their
    node ids, fixed for the environment's lifetime). Each ``step`` is one
    decision epoch of the discrete-event replay: agents whose ``has_decision``
    feature is 1 (``infos[agent]["has_decision"]``) send their pending task to
    the candidate slot they choose; the others' actions are ignored. Every agent
    stays alive until the episode ends, then all are terminated (the workload
    drained) or truncated (the horizon or ``max_cycles`` steps) together.

    - Observations: ``Box(0, 1, (D,), float32)``, ``D = 10 + 8 · slots``, a fresh
      array every step; the features are named in ``feature_names``.
    - Actions: ``Discrete(slots)``; ``infos[agent]["action_mask"]`` (int8) marks the
      real candidates of an agent that must decide (slot 0 only otherwise). With
      ``mask_in_observation=True`` observations are instead dicts
      ``{"observation": ..., "action_mask": ...}`` (PettingZoo's convention; the
      space is a ``Dict`` of the two), and the infos keep the mask too.
      An action outside the space, or a missing action of an agent that must
      decide, raises ``InvalidActionError``. A masked action inside the space is
      penalised by the simulator (reward ``-utility``, the task runs locally)
      with ``invalid_action="penalize"`` (default; ``infos[agent]["invalid_action"]``
      reports it) and raises with ``invalid_action="raise"``.
    - Seeding: ``reset(seed=s)`` replays with seed ``s`` (as ``edgesim replay --seed s``)
      and restarts the seed sequence; unseeded resets continue it, so a run of
      episodes is reproducible from its first seed. The very first unseeded
      reset uses ``seed`` (default: the scenario's ``settings.seed``).
    - The native environment is created lazily (at the first reset), and the
      environment pickles as its configuration (no live episode is carried).

    Options (keyword arguments): ``max_cycles`` (truncate after so many steps),
    ``horizon_seconds``, ``arrival_rate_scale``, ``observation_time_scale_seconds``,
    ``observation_byte_scale``, ``seed``, ``observe_idle_agents``,
    ``invalid_action``, ``render_mode`` (``"human"`` prints a state line,
    ``"ansi"`` returns it).
    """

    metadata = {"name": "edgesim_offloading_v0", "render_modes": ["human", "ansi"], "is_parallelizable": True,
                "render_fps": 10}

    def __init__(self, scenario: str | os.PathLike | Scenario, *, max_cycles: int | None = None,
                 render_mode: str | None = None, invalid_action: str = "penalize", mask_in_observation: bool = False,
                 **options: Any):
        if render_mode is not None and render_mode not in self.metadata["render_modes"]:
            raise ValueError(f"render_mode must be one of {self.metadata['render_modes']} or None, got {render_mode!r}")
        if "threads" in options:
            raise TypeError("threads applies to vector_env only (one environment steps on the calling thread)")
        if invalid_action not in _INVALID_ACTION_MODES:
            raise ValueError(f"invalid_action must be one of {_INVALID_ACTION_MODES}, got {invalid_action!r}")
        self.scenario = as_scenario(scenario)
        self.render_mode = render_mode
        self.invalid_action = invalid_action
        self._options = dict(options)
        self._max_cycles = max_cycles
        self._options_json = native_options(max_cycles=max_cycles, **options)
        self.possible_agents = list(self.scenario.agents)
        self.agents: list[str] = []
        self.feature_names = list(self.scenario.feature_names)
        self._agent_index = {agent: index for index, agent in enumerate(self.possible_agents)}
        slots, length = self.scenario.slot_count, self.scenario.observation_length
        self._slot_count = slots
        self.mask_in_observation = bool(mask_in_observation)
        if self.mask_in_observation:
            self.observation_spaces = {agent: spaces.Dict({
                "observation": spaces.Box(low=0.0, high=1.0, shape=(length,), dtype=np.float32),
                "action_mask": spaces.Box(low=0, high=1, shape=(slots,), dtype=np.int8),
            }) for agent in self.possible_agents}
        else:
            self.observation_spaces = {agent: spaces.Box(low=0.0, high=1.0, shape=(length,), dtype=np.float32)
                                       for agent in self.possible_agents}
        self.action_spaces = {agent: spaces.Discrete(slots) for agent in self.possible_agents}
        self.state_space = spaces.Box(low=0.0, high=1.0, shape=(len(self.possible_agents) * length,),
                                      dtype=np.float32)
        self._native: NativeEnvironment | None = None
        self._status = _native.STATUS_RUNNING
        self._episode_reward = 0.0

    # MARK: - Spaces and properties

    def observation_space(self, agent: str) -> spaces.Space:
        return self.observation_spaces[agent]

    def action_space(self, agent: str) -> spaces.Discrete:
        return self.action_spaces[agent]

    @property
    def max_cycles(self) -> int | None:
        """Steps after which an episode is truncated (None: only the horizon)."""
        return self._max_cycles

    @max_cycles.setter
    def max_cycles(self, value: int | None) -> None:
        self._options_json = native_options(max_cycles=value, **self._options)
        self._max_cycles = value
        self._discard_native()

    @property
    def native(self) -> NativeEnvironment:
        """The native environment (created on first use)."""
        if self._native is None:
            self._native = NativeEnvironment(self.scenario, self._options_json)
        return self._native

    # MARK: - Episodes

    def reset(self, seed: int | None = None, options: dict | None = None):
        """Starts an episode: seeded with ``seed``, or the next seed of the sequence.

        ``options`` is accepted for API compatibility and not used.
        """
        seed = check_seed(seed)
        native = self.native
        self._status = native.reset(seed)
        self._episode_reward = 0.0
        self.agents = self.possible_agents[:]
        observations = native.observations.copy()
        masks = native.action_masks.copy()
        decisions = native.decision_mask.tolist()
        agents = self.agents
        infos = {agent: {"action_mask": mask, "has_decision": bool(decision), "invalid_action": False}
                 for agent, mask, decision in zip(agents, masks, decisions)}
        return self._observations(agents, observations, masks), infos

    def _observations(self, agents: list, observations: np.ndarray, masks: np.ndarray) -> dict:
        if self.mask_in_observation:
            return {agent: {"observation": observation, "action_mask": mask}
                    for agent, observation, mask in zip(agents, observations, masks)}
        return dict(zip(agents, observations))

    def step(self, actions: dict):
        """Applies one action per agent (agents without a decision may be left out)."""
        agents = self.agents
        native = self._native
        if not agents or native is None:
            raise EpisodeStateError("the episode is over (or never started): call reset()")
        if self._status != _native.STATUS_RUNNING:
            return self._finish_without_step()
        if type(actions) is not dict and not isinstance(actions, Mapping):
            raise InvalidActionError(f"actions must be a dict {{agent: slot}}, got {type(actions).__name__}")
        try:
            if len(actions) != len(agents):
                raise KeyError  # some agents left out, or unknown ones given
            values = [actions[agent] for agent in agents]
        except KeyError:
            values = self._actions_with_defaults(actions)
        buffer = native.actions
        try:
            buffer[:] = values
        except (TypeError, ValueError, OverflowError) as error:
            raise InvalidActionError(f"actions must be integers in [0, {self._slot_count}): {error}") from None
        if buffer.tolist() != values or min(values) < 0 or max(values) >= self._slot_count:
            self._reject(values)
        if self.invalid_action == "raise":
            self._check_masks()
        status = native.step()
        self._status = status
        observations = native.observations.copy()
        masks = native.action_masks.copy()
        decisions = native.decision_mask.tolist()
        invalid = native.invalid_actions.tolist()
        reward_list = native.rewards.tolist()
        self._episode_reward += sum(reward_list)
        terminated = status == _native.STATUS_TERMINATED
        truncated = status == _native.STATUS_TRUNCATED
        infos = {agent: {"action_mask": mask, "has_decision": decision == 1, "invalid_action": flag == 1}
                 for agent, mask, decision, flag in zip(agents, masks, decisions, invalid)}
        result = (self._observations(agents, observations, masks), dict(zip(agents, reward_list)),
                  dict.fromkeys(agents, terminated), dict.fromkeys(agents, truncated), infos)
        if terminated or truncated:
            self.agents = []
        if self.render_mode == "human":
            self.render()
        return result

    def _actions_with_defaults(self, actions: dict) -> list:
        """Actions with 0 for agents without a decision; a missing action of a deciding agent is an error."""
        decisions = self._native.decision_mask
        values = []
        for agent in self.agents:
            if agent in actions:
                values.append(actions[agent])
            elif decisions[self._agent_index[agent]]:
                raise InvalidActionError(f"no action for agent {agent!r}, which must decide this step")
            else:
                values.append(0)
        unknown = set(actions) - set(self.agents)
        if unknown:
            raise InvalidActionError(f"actions for unknown or finished agents: {sorted(map(str, unknown))}")
        return values

    def _reject(self, values: list) -> None:
        for agent, value in zip(self.agents, values):
            if not (_is_integer(value) and self.action_spaces[agent].contains(value)):
                raise InvalidActionError(
                    f"action {value!r} of agent {agent!r} is outside its action space Discrete({self._slot_count})")
        raise InvalidActionError(f"actions must be integers in [0, {self._slot_count}): {values!r}")

    def _check_masks(self) -> None:
        native = self._native
        chosen = native.action_masks[np.arange(len(native.actions)), native.actions]
        offending = np.flatnonzero((chosen == 0) & (native.decision_mask == 1))
        if offending.size:
            index = int(offending[0])
            raise InvalidActionError(
                f"action {int(native.actions[index])} of agent {self.possible_agents[index]!r} is masked out "
                f"(allowed: {np.flatnonzero(native.action_masks[index]).tolist()})")

    def _finish_without_step(self):
        """The reset already ended the episode (an empty workload): report the end once."""
        agents = self.agents
        native = self._native
        terminated = self._status == _native.STATUS_TERMINATED
        self.agents = []
        masks = native.action_masks.copy()
        return (self._observations(agents, native.observations.copy(), masks), dict.fromkeys(agents, 0.0),
                dict.fromkeys(agents, terminated), dict.fromkeys(agents, not terminated),
                {agent: {"action_mask": mask, "has_decision": False, "invalid_action": False}
                 for agent, mask in zip(agents, masks)})

    # MARK: - State, results, rendering

    def state(self) -> np.ndarray:
        """Every agent's observation, concatenated (for centralised critics)."""
        return self.native.observations.reshape(-1).copy()

    def summary(self) -> dict:
        """The episode's results so far (``edgesim replay``'s summary.json keys: completed, dropped, latency, ...)."""
        return self.native.summary()

    @property
    def time_seconds(self) -> float:
        """Simulated time of the current episode."""
        return self.native.time_seconds

    @property
    def episode_seed(self) -> int:
        """The seed of the current episode."""
        return self.native.episode_seed

    def render(self) -> str | None:
        """A compact state line; printed with ``render_mode="human"``, returned with ``"ansi"``."""
        if self.render_mode is None:
            return None
        native = self._native
        if native is None:
            line = f"{self.scenario.name}: not started"
        else:
            summary = native.summary()
            deciding = int(native.decision_mask.sum())
            line = (f"{self.scenario.name} t={native.time_seconds:.3f}s step={native.step_count} "
                    f"deciding={deciding}/{len(self.possible_agents)} tasks={summary['tasks']} "
                    f"completed={summary['completed']} "
                    f"dropped={summary['dropped_queue_full'] + summary['dropped_deadline']} "
                    f"reward={self._episode_reward:.3f}")
        if self.render_mode == "human":
            print(line)
            return None
        return line

    def close(self) -> None:
        self._discard_native()

    def _discard_native(self) -> None:
        native, self._native = self._native, None
        if native is not None:
            native.close()
        self.agents = []

    # MARK: - Pickling (configuration only; the native environment is rebuilt lazily)

    def __getstate__(self):
        state = self.__dict__.copy()
        state["_native"] = None
        state["agents"] = []
        state["_status"] = _native.STATUS_RUNNING
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)


def _is_integer(value) -> bool:
    return isinstance(value, (int, np.integer)) and not isinstance(value, bool)
