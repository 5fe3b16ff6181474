"""A Gymnasium ``VectorEnv`` stepping many native environments in one foreign call."""
from __future__ import annotations

import os
from typing import Any, Sequence

import numpy as np
from gymnasium import spaces
from gymnasium.vector import VectorEnv
from gymnasium.vector.utils import batch_space

from . import _native
from .errors import EpisodeStateError, InvalidActionError, ScenarioError
from .options import check_seed, native_options
from .scenario import Scenario, as_scenario

try:  # Gymnasium >= 1.1
    from gymnasium.vector import AutoresetMode

    _NEXT_STEP = AutoresetMode.NEXT_STEP
except ImportError:  # pragma: no cover - Gymnasium 1.0 names the mode by string
    _NEXT_STEP = "NextStep"


class EdgeSimVectorEnv(VectorEnv):
    """``num_envs`` replays of one scenario, with parameter sharing: every
    (environment, agent) pair is one sub-environment.

    With ``E`` environments of ``A`` agents, ``num_envs = E · A`` rows, ordered
    environment-major (row ``e · A + a`` is agent ``a`` of environment ``e``):
    observations ``float32[E·A, D]``, actions ``int[E·A]``, rewards ``float32``,
    terminations and truncations ``bool`` (all agents of an environment end
    together), and ``infos`` with arrays ``action_mask`` (int8 ``[E·A, K]``),
    ``has_decision`` and ``invalid_action`` (bool ``[E·A]``).

    One ``step`` is one native call for every environment. Autoreset follows
    Gymnasium's ``NEXT_STEP`` mode (``metadata["autoreset_mode"]``): an environment
    that ended at one step is reset at the next (its actions are ignored, its
    rewards and flags are 0). ``reset(seed=s)`` seeds environment ``e`` with
    ``s + e`` (or takes one seed per environment); each environment's later
    episodes continue its own seed sequence.

    ``copy=False`` returns the native buffers themselves (overwritten by the
    next step) instead of fresh arrays; ``threads`` steps the environments on
    that many native threads (the GIL is released during the call).
    """

    metadata = {"autoreset_mode": _NEXT_STEP, "render_modes": []}

    def __init__(self, scenario: str | os.PathLike | Scenario, num_envs: int, *, max_cycles: int | None = None,
                 copy: bool = True, threads: int | None = None, **options: Any):
        if isinstance(num_envs, bool) or not isinstance(num_envs, (int, np.integer)) or num_envs < 1:
            raise ValueError(f"num_envs must be a positive integer, got {num_envs!r}")
        self.scenario = as_scenario(scenario)
        self._options = dict(options, max_cycles=max_cycles, threads=threads)
        self.copy = copy
        self.environment_count = int(num_envs)
        self.agents_per_environment = len(self.scenario.agents)
        if self.agents_per_environment == 0:
            raise ScenarioError(f"scenario {self.scenario.name!r} has no agents")
        self.num_envs = self.environment_count * self.agents_per_environment
        length, slots = self.scenario.observation_length, self.scenario.slot_count
        self.single_observation_space = spaces.Box(low=0.0, high=1.0, shape=(length,), dtype=np.float32)
        self.single_action_space = spaces.Discrete(slots)
        self.observation_space = batch_space(self.single_observation_space, self.num_envs)
        self.action_space = batch_space(self.single_action_space, self.num_envs)
        self._slot_count = slots
        self._handle = None
        self._has_reset = False
        self._build()

    def _build(self) -> None:
        library = _native.lib()
        error = _native.error_buffer()
        handle = library.es_batch_create(self.scenario.handle, self.environment_count,
                                         native_options(**self._options), error, len(error))
        if not handle:
            raise ScenarioError(error.value.decode("utf-8", "replace"))
        self._handle = handle
        self._library = library
        rows, length, slots = self.num_envs, self.scenario.observation_length, self._slot_count
        self._actions = np.zeros(rows, dtype=np.int32)
        self._observations = np.zeros((rows, length), dtype=np.float32)
        self._masks = np.zeros((rows, slots), dtype=np.int8)
        self._rewards = np.zeros(rows, dtype=np.float32)
        self._terminations = np.zeros(rows, dtype=np.uint8)
        self._truncations = np.zeros(rows, dtype=np.uint8)
        self._decisions = np.zeros(rows, dtype=np.uint8)
        self._invalid = np.zeros(rows, dtype=np.uint8)
        arrays = (self._actions, self._observations, self._masks, self._rewards, self._terminations,
                  self._truncations, self._decisions, self._invalid)
        pointers, counts = _native.bind_arguments(arrays)
        _native.check(library.es_batch_bind(handle, pointers, counts, _native.BUFFER_COUNT),
                      library.es_batch_last_error, handle)
        self._step_function = library.es_batch_step
        self._last_error = library.es_batch_last_error
        self._seeds = np.zeros(self.environment_count, dtype=np.uint64)
        self._has_seed = np.zeros(self.environment_count, dtype=np.uint8)
        self._seed_pointers = (self._seeds.ctypes.data, self._has_seed.ctypes.data)

    def reset(self, *, seed: int | Sequence[int | None] | None = None, options: dict | None = None):
        """Resets every environment (``options`` is accepted and not used)."""
        if self._handle is None:
            raise EpisodeStateError("the vector environment is closed")
        if seed is None:
            seeds = [None] * self.environment_count
        elif isinstance(seed, (int, np.integer)) and not isinstance(seed, bool):
            seeds = [check_seed(seed) + index for index in range(self.environment_count)]
        else:
            seeds = list(seed)
            if len(seeds) != self.environment_count:
                raise ValueError(f"expected {self.environment_count} seeds (one per environment), got {len(seeds)}")
        for index, value in enumerate(seeds):
            value = check_seed(value, f"seed[{index}]")
            self._has_seed[index] = value is not None
            self._seeds[index] = 0 if value is None else value
        code = self._library.es_batch_reset(self._handle, self._seed_pointers[0], self._seed_pointers[1],
                                            self.environment_count)
        _native.check(code, self._last_error, self._handle)
        self._has_reset = True
        return self._output(), self._infos()

    def step(self, actions):
        """Steps every environment once (one native call); see the class for the arrays."""
        if not self._has_reset:
            raise EpisodeStateError("call reset() before step()")
        values = np.asarray(actions)
        if values.shape != (self.num_envs,) or values.dtype.kind not in "iu":
            raise InvalidActionError(
                f"actions must be an integer array of shape ({self.num_envs},), got {values.dtype} {values.shape}")
        if values.size and (values.min() < 0 or values.max() >= self._slot_count):
            raise InvalidActionError(f"actions must be in [0, {self._slot_count})")
        self._actions[:] = values
        code = self._step_function(self._handle)
        if code < 0:
            _native.check(code, self._last_error, self._handle)
        if self.copy:
            return (self._observations.copy(), self._rewards.copy(), self._terminations.astype(bool),
                    self._truncations.astype(bool), self._infos())
        return (self._observations, self._rewards, self._terminations.view(np.bool_),
                self._truncations.view(np.bool_),
                {"action_mask": self._masks, "has_decision": self._decisions.view(np.bool_),
                 "invalid_action": self._invalid.view(np.bool_)})

    def _output(self) -> np.ndarray:
        return self._observations.copy() if self.copy else self._observations

    def _infos(self) -> dict:
        if self.copy:
            return {"action_mask": self._masks.copy(), "has_decision": self._decisions.astype(bool),
                    "invalid_action": self._invalid.astype(bool)}
        return {"action_mask": self._masks, "has_decision": self._decisions.view(np.bool_),
                "invalid_action": self._invalid.view(np.bool_)}

    def close_extras(self, **kwargs) -> None:
        handle, self._handle = self._handle, None
        if handle:
            self._library.es_batch_destroy(handle)

    def __del__(self):
        if getattr(self, "_handle", None):
            self.close_extras()

    def __getstate__(self):
        state = self.__dict__.copy()
        for key in ("_handle", "_library", "_step_function", "_last_error", "_seed_pointers", "_actions",
                    "_observations", "_masks", "_rewards", "_terminations", "_truncations", "_decisions", "_invalid",
                    "_seeds", "_has_seed"):
            state.pop(key, None)
        state["_has_reset"] = False
        return state

    def __setstate__(self, state):
        self.__dict__.update(state)
        self._handle = None
        self._build()

