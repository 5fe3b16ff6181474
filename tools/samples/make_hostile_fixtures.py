#!/usr/bin/env python3
"""Writes the small hostile and broken inputs of Tests/Fixtures/hostile/.

Each file breaks (or stresses) exactly one thing the reliability tests check
(Tests/ReliabilityTests/Hostile*Tests.swift): NaN, infinities, negative sizes
and times, integers beyond 64 bits, wrong column counts and types, byte-order
marks, CRLF line ends, unknown versions, dangling references, DAG cycles,
GraphML values that do not fit. Large and binary inputs (10 MB lines, truncated
or corrupt gzip, random bytes) are made by the tests themselves at run time.

    python3 tools/samples/make_hostile_fixtures.py

The script is deterministic: running it again rewrites the same bytes.
"""
from pathlib import Path

FOLDER = Path(__file__).resolve().parents[2] / "Tests" / "Fixtures" / "hostile"
MARKER = "# edgesim-workload version 1"
HEADER = ("taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,"
          "relativeDeadlineSeconds,dependencies")


def write(name: str, text: str, *, bom: bool = False, newline: str = "\n") -> None:
    data = text.replace("\n", newline).encode("utf-8")
    (FOLDER / name).write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def workload(name: str, *rows: str, bom: bool = False, newline: str = "\n") -> None:
    write(name, "\n".join([MARKER, HEADER, *rows]) + "\n", bom=bom, newline=newline)


def topology(name: str, node_fields: str = "", link_fields: str = "", version: str = "1", target: str = "s0",
             latency: str = "1.0", second_id: str = "s0", bom: bool = False, newline: str = "\n") -> None:
    write(name, f"""{{
  "format": "edgesim-topology",
  "version": {version},
  "name": "hostile",
  "nodes": [
    {{"id": "d0", "kind": "device", "cores": 2, "coreSpeedMips": 1000.0{node_fields}}},
    {{"id": "{second_id}", "kind": "switch"}}
  ],
  "links": [
    {{"source": "d0", "target": "{target}", "bandwidthMbps": 100.0, "latencyMs": {latency}{link_fields}}}
  ]
}}
""", bom=bom, newline=newline)


def scenario(name: str, tasks: str, version: str = "1", topology_path: str = "../valid/tiny.topology.json",
             settings: str = "{}") -> None:
    write(name, f"""{{
  "format": "edgesim-scenario",
  "version": {version},
  "name": "hostile",
  "topology": {{"path": "{topology_path}"}},
  "workload": {{"tasks": [
{tasks}
  ]}},
  "settings": {settings}
}}
""")


def task(task_id: str, arrival: str = "0.0", extra: str = "") -> str:
    return f'    {{"taskId": "{task_id}", "jobId": "j1", "arrivalSeconds": {arrival}, "instructions": 1000{extra}}}'


def graphml(name: str, cores: str = "4", bandwidth: str = "100", bom: bool = False, newline: str = "\n") -> None:
    write(name, f"""<?xml version="1.0" encoding="UTF-8"?>
<graphml xmlns="http://graphml.graphdrawing.org/xmlns">
  <key id="c" for="node" attr.name="cores" attr.type="long"/>
  <key id="bw" for="edge" attr.name="bandwidthMbps" attr.type="double"/>
  <graph edgedefault="undirected">
    <node id="a"><data key="c">{cores}</data></node>
    <node id="b"/>
    <edge source="a" target="b"><data key="bw">{bandwidth}</data></edge>
  </graph>
</graphml>
""", bom=bom, newline=newline)


def main() -> None:
    FOLDER.mkdir(parents=True, exist_ok=True)
    for old in FOLDER.glob("*"):
        if old.name != "README.md":
            old.unlink()
    good = ["t1,j1,0.5,rpi3_0,1000,0,0,0,,", "t2,j2,0.7,rpi3_0,1000,0,0,0,,"]

    # Workloads (origins are nodes of topologies/sample-edge.topology.json).
    workload("wrong-column-count.workload.csv", "t1,j1,0.5,rpi3_0,1000,0,0,0")
    workload("nan-arrival.workload.csv", "t1,j1,NaN,rpi3_0,1000,0,0,0,,")
    workload("infinite-arrival.workload.csv", "t1,j1,inf,rpi3_0,1000,0,0,0,,")
    workload("negative-arrival.workload.csv", "t1,j1,-0.5,rpi3_0,1000,0,0,0,,")
    workload("negative-input-bytes.workload.csv", "t1,j1,0.5,rpi3_0,1000,-200000,0,0,,")
    workload("negative-infinite-deadline.workload.csv", "t1,j1,0.5,rpi3_0,1000,0,0,0,-inf,")
    workload("integer-beyond-64-bits.workload.csv", "t1,j1,0.5,rpi3_0,18446744073709551616,0,0,0,,")
    workload("number-beyond-double.workload.csv", "t1,j1,1e400,rpi3_0,1000,0,0,0,,")
    workload("dependency-cycle.workload.csv", "t1,j1,0.5,rpi3_0,1000,0,0,0,,t2", "t2,j1,0.6,rpi3_0,1000,0,0,0,,t1")
    workload("newline-in-quoted-number.workload.csv", 't1,j1,0.5,rpi3_0,"12\n34",0,0,0,,')
    workload("terminal-escape-in-origin.workload.csv", "t1,j1,0.5,\x1b[31mred,1000,0,0,0,,")
    workload("bom.workload.csv", *good, bom=True)
    workload("bom-unsorted.workload.csv", good[1], good[0], bom=True)
    workload("crlf.workload.csv", *good, newline="\r\n")
    workload("crlf-unsorted.workload.csv", good[1], good[0], newline="\r\n")
    write("empty.workload.csv", "")

    # Topologies.
    topology("nan-token.topology.json", latency="NaN")
    topology("number-beyond-double.topology.json", link_fields=', "latencyDistribution": '
             '{"kind": "lognormal", "shape": 1e400, "locationMs": 0.0, "scaleMs": 1.0}')
    topology("negative-latency.topology.json", latency="-1.0")
    topology("integer-beyond-64-bits.topology.json", node_fields=', "memoryBytes": 18446744073709551616')
    topology("wrong-type.topology.json", node_fields=', "queueCapacity": "eight"')
    topology("unknown-version.topology.json", version="2")
    topology("dangling-link.topology.json", target="ghost")
    topology("bom.topology.json", bom=True)
    topology("crlf.topology.json", newline="\r\n")
    topology("crlf-dangling-link.topology.json", target="ghost", newline="\r\n")
    topology("duplicate-node-id.topology.json", second_id="d0", target="d0")
    write("empty.topology.json", "")

    # Scenarios (their topology is Tests/Fixtures/valid/tiny.topology.json).
    scenario("wrong-type.scenario.json", task("t1", arrival='"soon"'))
    scenario("unknown-version.scenario.json", task("t1"), version="7")
    scenario("dangling-topology.scenario.json", task("t1"), topology_path="no-such.topology.json")
    scenario("dangling-origin.scenario.json", task("t1", extra=', "origin": "ghost"'))
    scenario("dangling-dependency.scenario.json", task("t1", extra=', "dependencies": ["t0"]'))
    scenario("dag-cycle.scenario.json", ",\n".join([
        task("t1", extra=', "dependencies": ["t3"]'), task("t2", extra=', "dependencies": ["t1"]'),
        task("t3", extra=', "dependencies": ["t2"]')]))
    scenario("negative-horizon.scenario.json", task("t1"), settings='{"horizonSeconds": -5}')

    # GraphML values that do not fit (the security fixtures are in Tests/Fixtures/graphml/security/).
    graphml("nan-bandwidth.graphml", bandwidth="NaN")
    graphml("infinite-bandwidth.graphml", bandwidth="INF")
    graphml("negative-bandwidth.graphml", bandwidth="-100")
    graphml("negative-cores.graphml", cores="-4")
    graphml("integer-beyond-64-bits.graphml", cores="18446744073709551616")
    graphml("bom.graphml", bom=True)
    graphml("crlf.graphml", newline="\r\n")


if __name__ == "__main__":
    main()
