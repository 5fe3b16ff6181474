"""`edgesim generate` from the outside: JSON Schemas, determinism across processes, spec files."""
import json

import pytest

from conftest import ROOT, run
from test_canonical_format import schema_validator

SPECS = sorted((ROOT / "topologies" / "specs").glob("*.spec.json"))
SCENARIOS = [
    ["urban-sensing", "--cells", "12"],
    ["industrial-iot", "--premises", "2"],
    ["cloudlet", "--racks", "3"],
    ["cloud-regions", "--regions", "us-east-1,eu-central-1,ap-northeast-1"],
    ["mec", "--base-stations", "4", "--devices-per-station", "8"],
]


@pytest.mark.parametrize("arguments", SCENARIOS + [["--spec", str(path)] for path in SPECS],
                         ids=lambda arguments: arguments[0] if arguments[0] != "--spec" else arguments[1].split("/")[-1])
def test_generated_topologies_match_the_schema_and_repeat_exactly(edgesim, tmp_path, arguments):
    outputs = []
    for name in ("a", "b"):
        output = tmp_path / f"{name}.topology.json"
        summary = tmp_path / f"{name}.summary.json"
        run(edgesim, "generate", *arguments, "--seed", "21", "-o", str(output), "--summary-json", str(summary))
        outputs.append(output.read_bytes())
    assert outputs[0] == outputs[1]
    topology = json.loads(outputs[0])
    errors = list(schema_validator("topology.schema.json").iter_errors(topology))
    assert not errors, [error.message for error in errors[:5]]
    counts = json.loads(summary.read_text())
    assert counts["nodes"] == len(topology["nodes"]) and counts["links"] == len(topology["links"])
    assert counts["seed"] == 21 and topology["provenance"]["seed"] == 21
    kinds = {kind: sum(node["kind"] == kind for node in topology["nodes"]) for kind in counts["nodes_by_kind"]}
    assert kinds == counts["nodes_by_kind"]
    # Every link joins existing nodes; every compute node carries Ether's model label.
    ids = {node["id"] for node in topology["nodes"]}
    assert all(link["source"] in ids and link["target"] in ids for link in topology["links"])
    compute = [node for node in topology["nodes"] if node["kind"] in ("device", "edge", "cloud")]
    assert compute and all("ether.edgerun.io/model" in node["labels"] for node in compute)


@pytest.mark.parametrize("path", SPECS, ids=lambda path: path.name)
def test_bundled_specs_match_the_spec_schema(path):
    errors = list(schema_validator("cluster-spec.schema.json").iter_errors(json.loads(path.read_text())))
    assert not errors, [error.message for error in errors]


@pytest.mark.parametrize("broken", [
    {"type": "hosts"},
    {"type": "hosts", "archetype": "rpi3", "members": []},
    {"type": "lan"},
    {"type": "repeat", "block": {"type": "cloudlet"}},
    {"type": "shared", "members": [], "uplink": "satellite"},
    {"type": "hosts", "archetype": "rpi3", "count": -1},
    {"type": "tower"},
])
def test_schema_and_edgesim_reject_the_same_broken_specs(edgesim, tmp_path, broken):
    spec = {"format": "edgesim-cluster-spec", "version": 1, "sites": [{"block": broken}]}
    assert list(schema_validator("cluster-spec.schema.json").iter_errors(spec))
    path = tmp_path / "broken.spec.json"
    path.write_text(json.dumps(spec))
    result = run(edgesim, "generate", "--spec", str(path), "-o", str(tmp_path / "out.json"), check=False)
    assert result.returncode == 1
    assert result.stderr.startswith(f"edgesim: error: {path}:1:")
    assert not (tmp_path / "out.json").exists()
