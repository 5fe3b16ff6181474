"""One native environment (es_env) with its bound numpy buffers: the layer both
the PettingZoo environment and the policies use."""
from __future__ import annotations

import json

import numpy as np

from . import _native
from .errors import ScenarioError
from .scenario import Scenario


class NativeEnvironment:
    """An ``es_env`` handle and the numpy arrays bound to it.

    The arrays are reused every step (the native side writes into them); the
    Python environments copy what they hand out. ``actions`` is read by
    ``step()``. Shapes: A agents, K slots, D observation values:
    ``actions`` int32[A], ``observations`` float32[A, D], ``action_masks``
    int8[A, K], ``rewards`` float32[A], uint8[A] flags ``terminations``,
    ``truncations``, ``decision_mask``, ``invalid_actions``.
    """

    def __init__(self, scenario: Scenario, options_json: bytes):
        library = _native.lib()
        self.scenario = scenario
        error = _native.error_buffer()
        handle = library.es_env_create(scenario.handle, options_json, error, len(error))
        if not handle:
            raise ScenarioError(error.value.decode("utf-8", "replace"))
        self._handle = handle
        self._destroy = library.es_env_destroy
        agents, slots, length = len(scenario.agents), scenario.slot_count, scenario.observation_length
        self.actions = np.zeros(agents, dtype=np.int32)
        self.observations = np.zeros((agents, length), dtype=np.float32)
        self.action_masks = np.zeros((agents, slots), dtype=np.int8)
        self.rewards = np.zeros(agents, dtype=np.float32)
        self.terminations = np.zeros(agents, dtype=np.uint8)
        self.truncations = np.zeros(agents, dtype=np.uint8)
        self.decision_mask = np.zeros(agents, dtype=np.uint8)
        self.invalid_actions = np.zeros(agents, dtype=np.uint8)
        arrays = (self.actions, self.observations, self.action_masks, self.rewards, self.terminations,
                  self.truncations, self.decision_mask, self.invalid_actions)
        pointers, counts = _native.bind_arguments(arrays)
        _native.check(library.es_env_bind(handle, pointers, counts, _native.BUFFER_COUNT),
                      library.es_env_last_error, handle)
        # Bound functions and the handle as plain attributes: attribute lookups
        # and ctypes pointer conversions cost more than the native step itself.
        self._step = library.es_env_step
        self._reset = library.es_env_reset
        self._last_error = library.es_env_last_error
        self._library = library

    @property
    def handle(self) -> int:
        return self._handle

    def reset(self, seed: int | None) -> int:
        """Starts an episode; returns the status (0 running, 1 terminated, 2 truncated)."""
        code = self._reset(self._handle, 0 if seed is None else seed, 0 if seed is None else 1)
        return _native.check(code, self._last_error, self._handle) if code < 0 else code

    def step(self) -> int:
        """Applies ``actions``; returns the status."""
        code = self._step(self._handle)
        return _native.check(code, self._last_error, self._handle) if code < 0 else code

    @property
    def time_seconds(self) -> float:
        return self._library.es_env_time_seconds(self._handle)

    @property
    def step_count(self) -> int:
        return self._library.es_env_step_count(self._handle)

    @property
    def episode_seed(self) -> int:
        return self._library.es_env_episode_seed(self._handle)

    def summary(self) -> dict:
        """The episode's results so far, as ``edgesim replay``'s summary.json."""
        return json.loads(_native.read_json_text(self._library.es_env_summary_json, self._handle))

    def close(self) -> None:
        handle, self._handle = self._handle, None
        if handle:
            self._destroy(handle)

    def __del__(self):
        if getattr(self, "_handle", None):
            self.close()
