"""Fixtures of the edgesim Python package's tests: small scenarios over the bundled samples.

The tests import the *installed* package (tools/test installs it into .venv with
`pip install ./tools/python`, which builds the Swift library); EDGESIM_LIBRARY may
point at another build of libEdgeSimABI.
"""
from __future__ import annotations

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
TOPOLOGY = ROOT / "topologies" / "sample-edge.topology.json"
WORKLOAD = ROOT / "traces" / "sample.workload.csv.gz"

# A synthetic load on the sample topology heavy enough that decisions matter (devices
# congest when they keep everything local): 3 origins x 1.5 tasks/s over 200 s.
SYNTHETIC_SETTINGS = {
    "seed": 3,
    "syntheticArrivals": {
        "ratePerSecondPerOrigin": 1.5, "durationSeconds": 200,
        "taskTypes": [{"name": "inference", "instructions": 800000000, "inputBytes": 500000, "outputBytes": 50000,
                       "relativeDeadlineSeconds": 3.0, "instructionsDistribution": "exponential"}],
    },
}


def write_scenario(folder: Path, name: str, *, workload=True, settings=None) -> Path:
    scenario = {
        "format": "edgesim-scenario", "version": 1, "name": name,
        "topology": {"path": str(TOPOLOGY)},
        "workload": {"path": str(WORKLOAD)} if workload else None,
        "settings": settings or {},
    }
    path = folder / f"{name}.scenario.json"
    path.write_text(json.dumps(scenario, indent=1))
    return path


@pytest.fixture(scope="session")
def scenarios(tmp_path_factory) -> dict:
    folder = tmp_path_factory.mktemp("scenarios")
    return {
        # 176 trace-like tasks with DAGs on 3 device agents; 4 slots each.
        "sample": write_scenario(folder, "sample"),
        # The same, decided every 0.5 s (interval epochs), cut at 60 s.
        "interval": write_scenario(folder, "interval", settings={
            "horizonSeconds": 60, "decisions": {"epoch": "interval", "intervalSeconds": 0.5}}),
        # Poisson arrivals for 200 s: ~900 decisions per episode.
        "synthetic": write_scenario(folder, "synthetic", workload=False, settings=SYNTHETIC_SETTINGS),
        # Long: 10k+ steps per episode.
        "long": write_scenario(folder, "long", workload=False, settings={
            **SYNTHETIC_SETTINGS, "syntheticArrivals": {**SYNTHETIC_SETTINGS["syntheticArrivals"],
                                                        "durationSeconds": 3000}}),
    }


@pytest.fixture(scope="session")
def scenario_writer():
    """``write_scenario(folder, name, workload=..., settings=...)`` and the synthetic settings."""
    return write_scenario, SYNTHETIC_SETTINGS


@pytest.fixture(scope="session")
def edgesim_binary() -> Path:
    """The edgesim executable ($EDGESIM_BIN, as tools/test sets it, or the debug build)."""
    path = Path(os.environ.get("EDGESIM_BIN", ROOT / ".build" / "debug" / "edgesim"))
    if not path.exists():
        subprocess.run(["swift", "build", "--product", "edgesim"], cwd=ROOT, check=True)
    return path
