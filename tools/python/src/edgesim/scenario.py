"""A compiled scenario: loaded and validated once, shared by the environments made from it."""
from __future__ import annotations

import json
import os
from typing import Any

from . import _native
from .errors import ScenarioError


class Scenario:
    """A ``*.scenario.json`` file read, validated and compiled by the native library.

    Environments keep the native scenario alive, so a ``Scenario`` can be shared
    by many environments (``parallel_env(scenario)``, ``vector_env(scenario, ...)``)
    and compiled once. Pickling keeps only the path.

    Attributes (from the scenario's description): ``path``, ``name``, ``agents``
    (the controller nodes' ids, in agent order), ``slot_count`` (the action
    space size), ``observation_length``, ``feature_names``, ``candidates`` (per
    agent, the node id of each slot), ``horizon_seconds``, ``decision_epoch``,
    ``reward_kind``, ``utility``, ``seed``.
    """

    def __init__(self, path: str | os.PathLike):
        self.path = os.fspath(path)
        self._absolute_path = os.path.abspath(self.path)
        library = _native.lib()
        error = _native.error_buffer()
        handle = library.es_scenario_load(os.fsencode(self.path), error, len(error))
        if not handle:
            raise ScenarioError(error.value.decode("utf-8", "replace"))
        self._handle = handle
        self._release = library.es_scenario_release
        self.description: dict[str, Any] = json.loads(
            _native.read_json_text(library.es_scenario_describe, handle))
        description = self.description
        self.name: str = description["name"]
        self.agents: list[str] = list(description["agents"])
        self.slot_count: int = description["slotCount"]
        self.observation_length: int = description["observationLength"]
        self.feature_names: list[str] = list(description["featureNames"])
        self.candidates: list[list[str]] = [list(slots) for slots in description["candidates"]]
        self.horizon_seconds: float | None = description["horizonSeconds"]
        self.decision_epoch: str = description["decisionEpoch"]
        self.reward_kind: str = description["rewardKind"]
        self.utility: float = description["utility"]
        self.seed: int = description["seed"]

    @property
    def handle(self) -> int:
        """The native ``es_scenario *`` (valid while this object lives)."""
        return self._handle

    def __del__(self):
        handle = getattr(self, "_handle", None)
        if handle:
            self._handle = None
            self._release(handle)

    def __reduce__(self):
        return (Scenario, (self._absolute_path,))

    def __repr__(self) -> str:
        return (f"Scenario({self.path!r}: {len(self.agents)} agents, {self.slot_count} slots, "
                f"observations of {self.observation_length})")


def as_scenario(scenario: str | os.PathLike | Scenario) -> Scenario:
    """``scenario`` itself, or the scenario loaded from that path."""
    return scenario if isinstance(scenario, Scenario) else Scenario(scenario)
