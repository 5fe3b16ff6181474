"""Environment options: Python keyword arguments -> the native options JSON."""
from __future__ import annotations

import json
import math
import numbers
from typing import Any

# Python keyword -> native JSON key.
_NATIVE_KEYS = {
    "horizon_seconds": "horizonSeconds",
    "arrival_rate_scale": "arrivalRateScale",
    "observation_time_scale_seconds": "observationTimeScaleSeconds",
    "observation_byte_scale": "observationByteScale",
    "max_cycles": "maxSteps",
    "seed": "seed",
    "observe_idle_agents": "observesIdleAgents",
    "threads": "threads",
}


def check_seed(seed: Any, name: str = "seed") -> int | None:
    """``seed`` as an int in [0, 2**64), or None; anything else is a ValueError."""
    if seed is None:
        return None
    if isinstance(seed, bool) or not isinstance(seed, numbers.Integral):
        raise ValueError(f"{name} must be a non-negative integer or None, got {seed!r}")
    value = int(seed)
    if not 0 <= value < 2**64:
        raise ValueError(f"{name} must be in [0, 2**64), got {value}")
    return value


def native_options(**options: Any) -> bytes:
    """The options JSON for es_env_create / es_batch_create (None values are left out)."""
    native: dict[str, Any] = {}
    for key, value in options.items():
        if value is None:
            continue
        if key not in _NATIVE_KEYS:
            raise TypeError(f"unknown option {key!r} (known: {', '.join(sorted(_NATIVE_KEYS))})")
        if key == "seed":
            value = check_seed(value)
            if value >= 2**63:
                raise ValueError(f"the default seed must be below 2**63, got {value}")
        elif key in ("max_cycles", "threads"):
            if isinstance(value, bool) or not isinstance(value, numbers.Integral) or value < 1:
                raise ValueError(f"{key} must be a positive integer or None, got {value!r}")
            value = int(value)
        elif key == "observe_idle_agents":
            value = bool(value)
        else:
            if isinstance(value, bool) or not isinstance(value, numbers.Real) or not math.isfinite(value) or value <= 0:
                raise ValueError(f"{key} must be a positive finite number, got {value!r}")
            value = float(value)
        native[_NATIVE_KEYS[key]] = value
    return json.dumps(native).encode()
