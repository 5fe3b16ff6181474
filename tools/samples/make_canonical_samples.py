#!/usr/bin/env python3
"""Regenerate the canonical-format samples in topologies/ and traces/.

    python3 tools/samples/make_canonical_samples.py

Writes, deterministically (fixed seed, no timestamps):
  topologies/sample-edge.topology.json   a small Ether-style industrial premises
  traces/sample.workload.csv.gz          240 tasks in 60 jobs, with DAGs

The layout follows FORMAT.md exactly (key order, one element per line, shortest
round-trip numbers), so `edgesim` re-encodes both files byte for byte; a Swift
test checks that. The gzip stream is made with zlib at level 6 and window bits
15 + 16, the same parameters edgesim's writer uses.
"""
import json
import math
import random
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]

# Ether's lan latency distribution (ether/qos/latency.py): lognorm(s=0.25, loc=0.35, scale=0.16), ms.
LAN = {"kind": "lognormal", "shape": 0.25, "locationMs": 0.35, "scaleMs": 0.16}
BUSINESS_ISP = {"kind": "lognormal", "shape": 0.87, "locationMs": 5.95, "scaleMs": 1.21}


def mode(dist):
    return round(dist["scaleMs"] * math.exp(-dist["shape"] ** 2) + dist["locationMs"], 3)


def number(value):
    """Shortest round-trip form, as Swift's Double.description prints it."""
    text = repr(float(value))
    if "e" in text:
        mantissa, exponent = text.split("e")
        sign = exponent[0] if exponent[0] in "+-" else "+"
        digits = exponent.lstrip("+-").lstrip("0") or "0"
        if len(digits) == 1:
            digits = "0" + digits
        text = f"{mantissa}e{sign}{digits}"
    return text


def encode(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return number(value)
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(encode(item) for item in value) + "]"
    if isinstance(value, dict):
        return "{" + ", ".join(f"{json.dumps(k)}: {encode(v)}" for k, v in value.items()) + "}"
    raise TypeError(value)


def labels(mapping):
    return dict(sorted(mapping.items()))


def node(node_id, kind, tier, cores, mips, memory, queue, idle, busy, transmit, position, node_labels):
    return {
        "id": node_id, "kind": kind, "tier": tier, "cores": cores, "coreSpeedMips": float(mips),
        "memoryBytes": memory, "queueCapacity": queue, "idlePowerWatts": float(idle),
        "busyPowerWatts": float(busy), "transmitPowerWatts": float(transmit), "position": position,
        "labels": labels(node_labels),
    }


def network(node_id, kind, tier, position=None, node_labels=None):
    return node(node_id, kind, tier, 0, 0, 0, None, 0, 0, 0, position, node_labels or {})


def link(source, target, bandwidth, latency, dist=None, directed=False, medium=None, link_labels=None):
    return {
        "id": None, "source": source, "target": target, "directed": directed,
        "bandwidthMbps": float(bandwidth), "latencyMs": float(latency), "latencyDistribution": dist,
        "sharedMedium": medium, "labels": labels(link_labels or {}),
    }


def ether(model, kind_label):
    return {"ether.edgerun.io/model": model, "ether.edgerun.io/type": kind_label}


def make_topology():
    nodes, links = [], []
    # Devices on a shared 300 Mbit/s factory-floor medium (Ether SharedLinkCell default).
    for index in range(3):
        nodes.append(node(f"rpi3_{index}", "device", 0, 4, 1100, 1023012864, 8, 1.9, 5.1, 1.0,
                          {"xMeters": 10.0 + 5 * index, "yMeters": 4.0}, ether("rpi3b+", "sbc") | {"ether.edgerun.io/arch": "arm32"}))
    nodes.append(node("nuc_0", "edge", 1, 4, 2600, 17179869184, 32, 6.0, 28.0, 2.0,
                      {"xMeters": 30.0, "yMeters": 12.0}, ether("nuci5", "sffc") | {"ether.edgerun.io/arch": "x86"}))
    nodes.append(node("tx2_0", "edge", 1, 4, 2000, 8240386048, 16, 5.0, 15.0, 1.5,
                      {"xMeters": 32.0, "yMeters": 12.0},
                      ether("nvidia_jetson_tx2", "embai") | {"ether.edgerun.io/arch": "aarch64",
                                                             "ether.edgerun.io/capabilities/cuda": "10",
                                                             "ether.edgerun.io/capabilities/gpu": "pascal"}))
    for index in range(3):
        nodes.append(node(f"server_{index}", "edge", 1, 88, 3000, 188000000000, 256, 120.0, 450.0, 5.0,
                          {"xMeters": 60.0, "yMeters": 2.0 * index}, ether("server", "server") | {"ether.edgerun.io/arch": "x86"}))
    nodes.append(node("cloud_0", "cloud", 2, 512, 3200, 2048000000000, None, 1500.0, 6000.0, 10.0,
                      {"latitudeDegrees": 50.11, "longitudeDegrees": 8.68}, {"region": "eu-central-1"}))
    nodes.append(network("switch_factory", "switch", 1, None, {"ether.block": "LANCell"}))
    nodes.append(network("shared_0", "switch", 0, None, {"ether.block": "SharedLinkCell"}))
    nodes.append(network("switch_box_0", "switch", 1, None, {"ether.block": "IoTComputeBox"}))
    nodes.append(network("switch_cloudlet_0", "switch", 1, None, {"ether.block": "Cloudlet"}))
    nodes.append(network("internet", "router", 2, None, {}))

    lan_mode = mode(LAN)
    for index in range(3):
        links.append(link(f"rpi3_{index}", "shared_0", 1000, lan_mode, LAN, medium="factory_floor",
                          link_labels={"class": "lan"}))
    links.append(link("shared_0", "switch_factory", 300, 0.0, link_labels={"class": "shared-backhaul"}))
    links.append(link("nuc_0", "switch_box_0", 1000, lan_mode, LAN, link_labels={"class": "lan"}))
    links.append(link("tx2_0", "switch_box_0", 1000, lan_mode, LAN, link_labels={"class": "lan"}))
    links.append(link("switch_box_0", "switch_factory", 1000, lan_mode, LAN, link_labels={"class": "lan"}))
    for index in range(3):
        links.append(link(f"server_{index}", "switch_cloudlet_0", 10000, lan_mode, LAN, link_labels={"class": "lan"}))
    links.append(link("switch_cloudlet_0", "switch_factory", 10000, 0.0, link_labels={"class": "cloudlet-uplink"}))
    # Ether's BusinessIsp: 500 Mbit/s down, 50 up, business_isp latency; as two directed links.
    isp_mode = mode(BUSINESS_ISP)
    links.append(link("switch_factory", "internet", 50, isp_mode, BUSINESS_ISP, directed=True,
                      link_labels={"class": "business_isp", "direction": "up"}))
    links.append(link("internet", "switch_factory", 500, isp_mode, BUSINESS_ISP, directed=True,
                      link_labels={"class": "business_isp", "direction": "down"}))
    links.append(link("internet", "cloud_0", 10000, 12.0, link_labels={"class": "wan"}))

    topology = {
        "format": "edgesim-topology",
        "version": 1,
        "name": "sample-edge",
        "provenance": {"source": None, "importer": None, "generator": "tools/samples/make_canonical_samples.py",
                       "seed": None, "parameters": {"premises": "1", "style": "ether-iiot"}},
        "nodes": nodes,
        "links": links,
        "media": [{"id": "factory_floor", "bandwidthMbps": 300.0, "labels": {"class": "wlan"}}],
    }
    return topology


def write_topology(topology, path):
    lines = ["{"]
    scalars = ["format", "version", "name", "provenance"]
    for key in scalars:
        lines.append(f"  {json.dumps(key)}: {encode(topology[key])},")
    for key in ["nodes", "links", "media"]:
        items = topology[key]
        lines.append(f"  {json.dumps(key)}: [")
        for index, item in enumerate(items):
            comma = "," if index < len(items) - 1 else ""
            lines.append(f"    {encode(item)}{comma}")
        closing = "]," if key != "media" else "]"
        lines.append(f"  {closing}")
    lines.append("}")
    path.write_text("\n".join(lines) + "\n")


def make_workload():
    rng = random.Random(7)
    devices = ["rpi3_0", "rpi3_1", "rpi3_2"]
    rows = []
    time = 0.0
    task_count = 0
    for job in range(60):
        time += rng.expovariate(0.5)
        arrival = round(time, 3)
        job_id = f"j_{job}"
        origin = devices[job % 3] if job % 4 != 3 else ""
        shape = job % 5
        if shape == 0:   # a diamond DAG: 1 -> (2, 3) -> 4
            names = [("M1", []), ("M2", ["M1"]), ("M3", ["M1"]), ("R4", ["M2", "M3"])]
        elif shape == 1:  # a chain
            names = [("M1", []), ("R2", ["M1"]), ("J3", ["R2"])]
        else:            # independent tasks
            names = [(f"task_{k}", []) for k in range(1 + rng.randrange(4))]
        for name, deps in names:
            instructions = int(rng.lognormvariate(math.log(4e8), 0.6))
            input_bytes = int(rng.choice([2e5, 1e6, 4e6]))
            output_bytes = int(input_bytes // 10)
            memory = int(rng.choice([64, 128, 256])) * 1048576
            deadline = number(float(rng.choice([2, 5, 10]))) if job % 2 == 0 else ""
            dependencies = ";".join(f"{job_id}/{d}" for d in deps)
            rows.append([f"{job_id}/{name}", job_id, number(arrival), origin, str(instructions),
                         str(input_bytes), str(output_bytes), str(memory), deadline, dependencies])
            task_count += 1
    return rows


def write_workload(rows, path):
    text = "# edgesim-workload version 1\n"
    text += "taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,relativeDeadlineSeconds,dependencies\n"
    text += "".join(",".join(row) + "\n" for row in rows)
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    path.write_bytes(compressor.compress(text.encode()) + compressor.flush())


def main():
    write_topology(make_topology(), ROOT / "topologies" / "sample-edge.topology.json")
    write_workload(make_workload(), ROOT / "traces" / "sample.workload.csv.gz")


if __name__ == "__main__":
    main()
