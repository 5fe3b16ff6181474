"""Hostile scenarios through the Python package (issue 9): the in-process binding raises
edgesim.ScenarioError naming the file and location, exactly as the CLI reports it; nothing
crashes the interpreter. The CLI side is in Tests/ReliabilityTests."""
import subprocess
from pathlib import Path

import pytest

from conftest import ROOT

HOSTILE = ROOT / "Tests" / "Fixtures" / "hostile"
SCENARIOS = sorted(HOSTILE.glob("*.scenario.json"))


def cli_error(edgesim: Path, scenario: Path, tmp_path: Path) -> str:
    result = subprocess.run(
        [str(edgesim), "replay", str(scenario), "--policy", "local", "-o", str(tmp_path / "results")],
        capture_output=True, text=True)
    assert result.returncode == 1
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("edgesim: error: ")
    return lines[0][len("edgesim: error: "):]


@pytest.mark.parametrize("scenario", SCENARIOS, ids=lambda path: path.name)
def test_python_binding_raises_the_cli_message(edgesim: Path, scenario: Path, tmp_path: Path) -> None:
    package = pytest.importorskip("edgesim", reason="the edgesim Python package is not installed (tools/test installs it)")
    expected = cli_error(edgesim, scenario, tmp_path)
    with pytest.raises(package.ScenarioError) as raised:
        environment = package.parallel_env(str(scenario))
        environment.reset(seed=1)
    assert str(raised.value) == expected
    assert str(raised.value).startswith(f"{scenario}:")


def test_hostile_fixtures_are_present() -> None:
    assert len(SCENARIOS) >= 7, "run python3 tools/samples/make_hostile_fixtures.py"
