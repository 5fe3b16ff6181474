"""The RLlib example configuration: runs only where ray[rllib] is installed."""
from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

EXAMPLES = Path(__file__).resolve().parents[1] / "examples"


def test_rllib_environment_and_short_training(scenarios):
    pytest.importorskip("ray.rllib",
                        reason="ray[rllib] is not installed (optional: pip install './tools/python[rllib]')")
    spec = importlib.util.spec_from_file_location("rllib_config", EXAMPLES / "rllib_config.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    env = module.make_env({"scenario": str(scenarios["synthetic"]), "max_cycles": 50})
    observations, infos = env.reset(seed=0)
    assert set(observations) == {"rpi3_0", "rpi3_1", "rpi3_2"}
    result = module.train(str(scenarios["synthetic"]), iterations=1, max_cycles=50, num_env_runners=0)
    assert result["iterations"] == 1
