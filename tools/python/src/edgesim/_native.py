"""Loading libEdgeSimABI and declaring its C functions (Sources/EdgeSimABI/include/edgesim.h) for ctypes.

The library is found, in order, at ``$EDGESIM_LIBRARY`` (a prebuilt library),
then next to this file in ``_lib/`` (where ``pip install`` puts the release
build). Loading happens once per process; the library itself keeps no global
state, so any number of environments can live in one process.
"""
from __future__ import annotations

import ctypes
import os
from pathlib import Path

from .errors import EdgeSimError, error_for_code

ABI_VERSION = 1

# Buffer order of es_env_bind / es_batch_bind (ES_BUFFER_*).
BUFFER_ACTIONS = 0
BUFFER_OBSERVATIONS = 1
BUFFER_ACTION_MASKS = 2
BUFFER_REWARDS = 3
BUFFER_TERMINATIONS = 4
BUFFER_TRUNCATIONS = 5
BUFFER_DECISION_MASK = 6
BUFFER_INVALID_ACTIONS = 7
BUFFER_COUNT = 8

STATUS_RUNNING = 0
STATUS_TERMINATED = 1
STATUS_TRUNCATED = 2

_LIBRARY_NAMES = ("libEdgeSimABI.so", "libEdgeSimABI.dylib")

_c_void_p = ctypes.c_void_p
_c_char_p = ctypes.c_char_p
_int32 = ctypes.c_int32
_int64 = ctypes.c_int64
_uint64 = ctypes.c_uint64

_SIGNATURES = {
    "es_abi_version": (ctypes.c_uint32, []),
    "es_scenario_load": (_c_void_p, [_c_char_p, _c_char_p, _int64]),
    "es_scenario_release": (None, [_c_void_p]),
    "es_scenario_describe": (_int64, [_c_void_p, _c_char_p, _int64]),
    "es_scenario_agent_count": (_int32, [_c_void_p]),
    "es_scenario_slot_count": (_int32, [_c_void_p]),
    "es_scenario_observation_length": (_int32, [_c_void_p]),
    "es_env_create": (_c_void_p, [_c_void_p, _c_char_p, _c_char_p, _int64]),
    "es_env_destroy": (None, [_c_void_p]),
    "es_env_last_error": (_c_char_p, [_c_void_p]),
    "es_env_bind": (_int32, [_c_void_p, _c_void_p, _c_void_p, _int32]),
    "es_env_reset": (_int32, [_c_void_p, _uint64, _int32]),
    "es_env_step": (_int32, [_c_void_p]),
    "es_env_time_seconds": (ctypes.c_double, [_c_void_p]),
    "es_env_step_count": (_int64, [_c_void_p]),
    "es_env_episode_seed": (_uint64, [_c_void_p]),
    "es_env_summary_json": (_int64, [_c_void_p, _c_char_p, _int64]),
    "es_batch_create": (_c_void_p, [_c_void_p, _int32, _c_char_p, _c_char_p, _int64]),
    "es_batch_destroy": (None, [_c_void_p]),
    "es_batch_last_error": (_c_char_p, [_c_void_p]),
    "es_batch_size": (_int32, [_c_void_p]),
    "es_batch_bind": (_int32, [_c_void_p, _c_void_p, _c_void_p, _int32]),
    "es_batch_reset": (_int32, [_c_void_p, _c_void_p, _c_void_p, _int64]),
    "es_batch_step": (_int32, [_c_void_p]),
    "es_policy_create": (_c_void_p, [_c_char_p, _c_char_p, _int64]),
    "es_policy_destroy": (None, [_c_void_p]),
    "es_policy_last_error": (_c_char_p, [_c_void_p]),
    "es_policy_actions": (_int32, [_c_void_p, _c_void_p, _c_void_p, _int64]),
}

_library: ctypes.CDLL | None = None


def library_path() -> Path:
    """The library that will be loaded: ``$EDGESIM_LIBRARY``, else the packaged one."""
    override = os.environ.get("EDGESIM_LIBRARY")
    if override:
        path = Path(override)
        if not path.is_file():
            raise EdgeSimError(f"EDGESIM_LIBRARY points at {override}, which is not a file")
        return path
    folder = Path(__file__).resolve().parent / "_lib"
    for name in _LIBRARY_NAMES:
        if (folder / name).is_file():
            return folder / name
    raise EdgeSimError(
        f"libEdgeSimABI was not found in {folder}: install the package with `pip install ./tools/python` "
        "(it builds the Swift library), or set EDGESIM_LIBRARY to a library built with "
        "`swift build -c release --product EdgeSimABI`"
    )


def lib() -> ctypes.CDLL:
    """The loaded library with every function's argument and result types declared."""
    global _library
    if _library is None:
        path = library_path()
        try:
            loaded = ctypes.CDLL(str(path))
        except OSError as error:
            raise EdgeSimError(f"cannot load {path}: {error}") from error
        for name, (restype, argtypes) in _SIGNATURES.items():
            try:
                function = getattr(loaded, name)
            except AttributeError as error:
                raise EdgeSimError(f"{path} does not export {name}: rebuild it") from error
            function.restype = restype
            function.argtypes = argtypes
        version = loaded.es_abi_version()
        if version != ABI_VERSION:
            raise EdgeSimError(f"{path} has ABI version {version}, this package needs {ABI_VERSION}: rebuild it")
        _library = loaded
    return _library


def error_buffer() -> ctypes.Array:
    return ctypes.create_string_buffer(1024)


def read_json_text(function, handle) -> str:
    """Calls a ``(handle, buffer, capacity) -> full length`` function until the text fits."""
    capacity = 4096
    while True:
        buffer = ctypes.create_string_buffer(capacity)
        length = function(handle, buffer, capacity)
        if length < 0:
            raise EdgeSimError("the native handle is NULL")
        if length < capacity:
            return buffer.value.decode("utf-8")
        capacity = length + 1


def check(code: int, message_function, handle) -> int:
    """Raises the exception for a negative result code, with the handle's message."""
    if code < 0:
        message = message_function(handle)
        raise error_for_code(code, message.decode("utf-8", "replace") if message else "")
    return code


def bind_arguments(arrays) -> tuple[ctypes.Array, ctypes.Array]:
    """The pointer and count arrays of es_env_bind / es_batch_bind for numpy ``arrays`` (in ES_BUFFER_* order)."""
    pointers = (ctypes.c_void_p * BUFFER_COUNT)(*[array.ctypes.data for array in arrays])
    counts = (ctypes.c_int64 * BUFFER_COUNT)(*[array.size for array in arrays])
    return pointers, counts
