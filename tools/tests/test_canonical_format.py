"""The canonical format from the outside: JSON Schemas, pandas, and edgesim agreeing."""
import csv
import gzip
import json
from pathlib import Path

import jsonschema
import pandas as pd
import pytest
from referencing import Registry, Resource

from conftest import ROOT, run

SCHEMAS = ROOT / "tools" / "schemas"


def schema_validator(name: str) -> jsonschema.Draft202012Validator:
    registry = Registry()
    for path in SCHEMAS.glob("*.schema.json"):
        resource = Resource.from_contents(json.loads(path.read_text()))
        registry = registry.with_resource(path.name, resource).with_resource(resource.id(), resource)
    schema = json.loads((SCHEMAS / name).read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, registry=registry)


def test_bundled_topologies_match_the_schema():
    validator = schema_validator("topology.schema.json")
    paths = sorted((ROOT / "topologies").glob("*.topology.json"))
    assert paths, "no bundled topology"
    for path in paths:
        errors = list(validator.iter_errors(json.loads(path.read_text())))
        assert not errors, f"{path}: {[error.message for error in errors]}"


def test_composed_scenarios_match_the_schema(edgesim, tmp_path):
    validator = schema_validator("scenario.schema.json")
    for embed in ([], ["--embed"]):
        output = tmp_path / f"s{len(embed)}.scenario.json"
        run(edgesim, "compose", "--topology", str(ROOT / "topologies" / "sample-edge.topology.json"),
            "--workload", str(ROOT / "traces" / "sample.workload.csv.gz"), *embed, "-o", str(output))
        errors = list(validator.iter_errors(json.loads(output.read_text())))
        assert not errors, [error.message for error in errors]


@pytest.mark.parametrize("fixture", [
    "topology-wrong-version.topology.json", "topology-unknown-key.topology.json",
    "topology-negative-bandwidth.topology.json", "topology-unknown-kind.topology.json",
    "topology-compute-without-cores.topology.json",
])
def test_schema_and_edgesim_reject_the_same_broken_topologies(edgesim, fixture):
    path = ROOT / "Tests" / "Fixtures" / "invalid" / fixture
    assert list(schema_validator("topology.schema.json").iter_errors(json.loads(path.read_text())))
    assert run(edgesim, "validate", str(path), check=False).returncode == 1


def test_pandas_reads_a_workload_in_one_line():
    path = ROOT / "traces" / "sample.workload.csv.gz"
    frame = pd.read_csv(path, skiprows=1)  # the documented one-line read
    columns = json.loads((SCHEMAS / "workload-columns.json").read_text())["columns"]
    assert list(frame.columns) == [column["name"] for column in columns]
    assert len(frame) == 176
    assert frame["instructions"].dtype == "int64"
    assert frame["arrivalSeconds"].is_monotonic_increasing
    with gzip.open(path, "rt", newline="") as handle:
        rows = list(csv.reader(handle))[2:]
    assert frame["origin"].isna().sum() == sum(1 for row in rows if row[3] == "")  # empty = assigned at replay
    dependencies = frame["dependencies"].dropna().str.split(";").explode()
    assert len(dependencies) == 72
    assert set(dependencies) <= set(frame["taskId"])


def test_validate_summary_json_is_machine_readable(edgesim):
    result = run(edgesim, "validate", str(ROOT / "traces" / "sample.workload.csv.gz"), "--summary-json", "-")
    summary = json.loads(result.stdout)
    assert summary["files"] == 1 and summary["invalid"] == 0
    assert summary["results"][0]["tasks"] == 176
    assert summary["results"][0]["jobs"] == 60
