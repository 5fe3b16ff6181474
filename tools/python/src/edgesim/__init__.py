"""edgesim: task-offloading simulation in edge clusters, for RL agents.

The simulator is edgesim's Swift discrete-event replay, loaded in-process through
its C ABI (``libEdgeSimABI``). Environments:

- ``parallel_env(scenario, **options)``: a PettingZoo ``ParallelEnv`` whose agents are
  the scenario's controller nodes;
- ``env(scenario, **options)``: the same as an AEC environment;
- ``vector_env(scenario, num_envs, **options)``: a Gymnasium ``VectorEnv`` stepping
  ``num_envs`` replays in one native call (parameter sharing over all agents);
- ``policies.BaselinePolicy(name)``: the Swift baselines (``local``, ``random``,
  ``round-robin``, ``least-queue``, ``earliest-finish``, ``cloud``).

``scenario`` is a ``*.scenario.json`` path or a ``Scenario`` (compiled once, shareable).
"""
from __future__ import annotations

import os
from typing import Any

from . import policies
from .errors import EdgeSimError, EpisodeStateError, InvalidActionError, ScenarioError
from .parallel import EdgeSimParallelEnv
from .scenario import Scenario
from .vector import EdgeSimVectorEnv

__version__ = "0.1.0"

__all__ = [
    "EdgeSimError", "EdgeSimParallelEnv", "EdgeSimVectorEnv", "EpisodeStateError", "InvalidActionError", "Scenario",
    "ScenarioError", "env", "library_path", "parallel_env", "policies", "vector_env",
]


def parallel_env(scenario: str | os.PathLike | Scenario, **options: Any) -> EdgeSimParallelEnv:
    """A PettingZoo ``ParallelEnv`` over ``scenario`` (options: see ``EdgeSimParallelEnv``)."""
    return EdgeSimParallelEnv(scenario, **options)


def env(scenario: str | os.PathLike | Scenario, **options: Any):
    """The ``parallel_env`` as a PettingZoo AEC environment (``parallel_to_aec``)."""
    from pettingzoo.utils.conversions import parallel_to_aec

    return parallel_to_aec(parallel_env(scenario, **options))


def vector_env(scenario: str | os.PathLike | Scenario, num_envs: int, **options: Any) -> EdgeSimVectorEnv:
    """A Gymnasium ``VectorEnv`` of ``num_envs`` replays stepped in one native call."""
    return EdgeSimVectorEnv(scenario, num_envs, **options)


def library_path() -> str:
    """The native library in use (``$EDGESIM_LIBRARY`` or the packaged one)."""
    from . import _native

    return str(_native.library_path())
