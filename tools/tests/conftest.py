"""Shared fixtures for the Python tests: repository paths and the edgesim binary."""
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SHARED_DATA = ROOT.parent / "shared" / "data"


@pytest.fixture(scope="session")
def root() -> Path:
    return ROOT


@pytest.fixture(scope="session")
def edgesim() -> Path:
    """The edgesim executable: $EDGESIM_BIN, or the debug build."""
    path = Path(os.environ.get("EDGESIM_BIN", ROOT / ".build" / "debug" / "edgesim"))
    if not path.exists():
        subprocess.run(["swift", "build", "--product", "edgesim"], cwd=ROOT, check=True)
    return path


def run(edgesim: Path, *arguments: str, check: bool = True) -> subprocess.CompletedProcess:
    result = subprocess.run([str(edgesim), *arguments], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"edgesim {' '.join(arguments)} failed ({result.returncode}):\n{result.stderr}")
    return result
