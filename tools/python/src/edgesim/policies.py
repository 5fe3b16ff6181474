"""The Swift baseline policies, callable from Python for comparison with learned agents.

>>> env = edgesim.parallel_env("demo.scenario.json")
>>> policy = edgesim.policies.BaselinePolicy("least-queue")
>>> observations, infos = env.reset(seed=7)
>>> while env.agents:
...     observations, rewards, terminations, truncations, infos = env.step(policy.actions(env))

Driving an environment with a baseline reproduces ``edgesim replay --policy NAME
--seed S`` exactly (the policy resets with each episode's seed).
"""
from __future__ import annotations

import numpy as np

from . import _native
from .errors import EdgeSimError

#: The baseline names, as ``edgesim replay --policy`` spells them.
NAMES = ("local", "random", "round-robin", "least-queue", "earliest-finish", "cloud")


class BaselinePolicy:
    """One of the Swift baselines (``NAMES``), deciding for every agent of an environment.

    ``actions(env)`` returns ``{agent: slot}`` for a ``ParallelEnv`` from
    ``edgesim.parallel_env`` (0 for agents without a decision); ``action_array(env)``
    returns the int32 array in agent order.
    """

    def __init__(self, name: str):
        library = _native.lib()
        error = _native.error_buffer()
        handle = library.es_policy_create(name.encode(), error, len(error))
        if not handle:
            raise ValueError(error.value.decode("utf-8", "replace"))
        self.name = name
        self._handle = handle
        self._library = library
        self._buffer: np.ndarray | None = None

    def action_array(self, env) -> np.ndarray:
        """The policy's slot for each agent of ``env`` (an ``EdgeSimParallelEnv``), in agent order."""
        native = env.unwrapped.native
        count = len(native.actions)
        if self._buffer is None or len(self._buffer) != count:
            self._buffer = np.zeros(count, dtype=np.int32)
        code = self._library.es_policy_actions(self._handle, native.handle, self._buffer.ctypes.data, count)
        if code < 0:
            message = self._library.es_policy_last_error(self._handle)
            raise EdgeSimError(message.decode("utf-8", "replace"), code)
        return self._buffer.copy()

    def actions(self, env) -> dict:
        """``{agent: slot}`` for every live agent of ``env``."""
        slots = self.action_array(env).tolist()
        unwrapped = env.unwrapped
        live = set(unwrapped.agents)
        return {agent: slots[index] for index, agent in enumerate(unwrapped.possible_agents) if agent in live}

    def __call__(self, env) -> dict:
        return self.actions(env)

    def __reduce__(self):
        return (BaselinePolicy, (self.name,))

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._handle = None
            self._library.es_policy_destroy(handle)

    def __repr__(self) -> str:
        return f"BaselinePolicy({self.name!r})"


def evaluate(env, policy, *, episodes: int = 1, seed: int | None = None) -> dict:
    """Runs ``episodes`` episodes of ``env`` with ``policy`` (a ``BaselinePolicy`` or any
    callable ``env -> {agent: action}``) and returns the mean episode reward and summary.

    Returns ``{"mean_episode_reward", "mean_reward_per_decision", "summaries"}``: the
    reward summed over agents and steps, averaged over episodes; the same per decision
    taken; ``edgesim replay``-style summaries per episode.
    """
    totals, decisions, summaries = [], 0, []
    for episode in range(episodes):
        observations, infos = env.reset(seed=None if seed is None else seed + episode)
        total = 0.0
        while env.agents:
            decisions += sum(1 for info in infos.values() if info["has_decision"])
            observations, rewards, terminations, truncations, infos = env.step(policy(env))
            total += sum(rewards.values())
        totals.append(total)
        summaries.append(env.unwrapped.summary())
    return {"mean_episode_reward": float(np.mean(totals)),
            "mean_reward_per_decision": float(np.sum(totals) / max(decisions, 1)),
            "summaries": summaries}
