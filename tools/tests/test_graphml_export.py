"""`edgesim export graphml` read back by networkx: same nodes, edges and attribute values."""
import json
from collections import Counter
from pathlib import Path

import networkx as nx
import pytest

from conftest import ROOT, run

FIXTURES = ROOT / "Tests" / "Fixtures" / "graphml"
NODE_FIELDS = ("kind", "tier", "cores", "coreSpeedMips", "memoryBytes", "idlePowerWatts", "busyPowerWatts",
               "transmitPowerWatts")


def canonical_from(edgesim, tmp_path: Path, source: Path) -> Path:
    """The canonical topology of `source` (imported first unless it already is one)."""
    if source.name.endswith(".topology.json"):
        return source
    target = tmp_path / (source.stem + ".topology.json")
    run(edgesim, "import", "topology", str(source), "-o", str(target))
    return target


def expected_node(node: dict) -> dict:
    attributes = {field: node[field] for field in NODE_FIELDS}
    if node["queueCapacity"] is not None:
        attributes["queueCapacity"] = node["queueCapacity"]
    position = node["position"] or {}
    attributes.update(position)
    attributes.update({"labels." + key: value for key, value in node["labels"].items()})
    return attributes


def expected_edge(link: dict) -> dict:
    attributes = {"directed": link["directed"], "bandwidthMbps": link["bandwidthMbps"], "latencyMs": link["latencyMs"]}
    distribution = link["latencyDistribution"]
    if distribution:
        attributes.update({
            "latencyDistribution": distribution["kind"], "latencyDistributionShape": distribution["shape"],
            "latencyDistributionLocationMs": distribution["locationMs"],
            "latencyDistributionScaleMs": distribution["scaleMs"],
        })
    if link["sharedMedium"] is not None:
        attributes["sharedMedium"] = link["sharedMedium"]
    attributes.update({"labels." + key: value for key, value in link["labels"].items()})
    return attributes


def frozen(attributes: dict) -> tuple:
    return tuple(sorted((key, repr(value)) for key, value in attributes.items()))


@pytest.mark.parametrize("source", [
    ROOT / "topologies" / "sample-edge.topology.json",
    FIXTURES / "zoo-mini.graphml",
    FIXTURES / "ether-mini.json",
    FIXTURES / "peersimgym-mini.json",
    FIXTURES / "order-and-text.graphml",
    FIXTURES / "parallel-edges.graphml",
], ids=lambda path: path.name)
def test_networkx_reads_the_export(edgesim, tmp_path, source):
    canonical_path = canonical_from(edgesim, tmp_path, source)
    canonical = json.loads(canonical_path.read_text())
    exported = tmp_path / "export.graphml"
    run(edgesim, "export", "graphml", str(canonical_path), "-o", str(exported))

    graph = nx.read_graphml(exported)

    all_directed = bool(canonical["links"]) and all(link["directed"] for link in canonical["links"])
    assert graph.is_directed() == all_directed
    assert graph.graph["name"] == canonical["name"]
    assert graph.graph["format"] == "edgesim-topology"
    assert graph.graph["version"] == 1
    assert json.loads(graph.graph["provenance"])["importer"] == canonical["provenance"]["importer"]
    if canonical["media"]:
        assert json.loads(graph.graph["media"]) == canonical["media"]

    # Nodes: the same ids, each with exactly the canonical values (types included).
    assert sorted(graph.nodes) == sorted(node["id"] for node in canonical["nodes"])
    for node in canonical["nodes"]:
        assert graph.nodes[node["id"]] == expected_node(node), node["id"]

    # Edges: the same multiset of (ends, attributes); edge ids become keys
    # (multigraphs) or an 'id' attribute (simple graphs), as networkx does.
    def ends(source_id, target_id):
        return (source_id, target_id) if graph.is_directed() else tuple(sorted((source_id, target_id)))

    found = Counter()
    for source_id, target_id, key, attributes in (graph.edges(keys=True, data=True) if graph.is_multigraph()
                                                  else ((u, v, None, d) for u, v, d in graph.edges(data=True))):
        attributes = dict(attributes)
        identifier = attributes.pop("id", None)
        if graph.is_multigraph() and key is not None and not str(key).isdigit():
            identifier = key
        found[(ends(source_id, target_id), identifier, frozen(attributes))] += 1
    wanted = Counter((ends(link["source"], link["target"]), link["id"], frozen(expected_edge(link)))
                     for link in canonical["links"])
    # networkx numbers unnamed parallel edges 0, 1, ...: compare ids only where the canonical link has one.
    def strip_numbers(counter):
        return Counter({(ends_, identifier if identifier is not None and not str(identifier).isdigit() else None, attrs): n
                        for (ends_, identifier, attrs), n in counter.items()})
    assert strip_numbers(found) == strip_numbers(wanted)
    assert graph.number_of_edges() == len(canonical["links"])
