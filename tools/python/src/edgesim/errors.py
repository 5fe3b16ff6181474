"""The exceptions of the edgesim package."""
from __future__ import annotations


class EdgeSimError(RuntimeError):
    """A failure reported by the native simulator (or the library cannot be loaded)."""

    def __init__(self, message: str, code: int | None = None):
        super().__init__(message)
        self.code = code


class ScenarioError(EdgeSimError):
    """The scenario, topology or workload is unreadable, invalid or cannot be replayed."""


class InvalidActionError(EdgeSimError, ValueError):
    """An action outside the action space, a missing action, or (with ``invalid_action="raise"``) a masked one."""


class EpisodeStateError(EdgeSimError):
    """A call in the wrong state: step before reset or after the episode ended."""


def error_for_code(code: int, message: str) -> EdgeSimError:
    """The exception for a native result code (ES_ERROR_*)."""
    if code in (-3, -4):
        return ScenarioError(message, code)
    if code == -2:
        return EpisodeStateError(message, code)
    if code == -1:
        return EdgeSimError(f"invalid argument: {message}", code)
    return EdgeSimError(message, code)
