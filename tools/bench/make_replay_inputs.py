#!/usr/bin/env python3
"""Deterministic inputs for tools/bench/replay: a ~1,000-node edge topology,
a trace-like workload and the scenarios that use them.

    python3 tools/bench/make_replay_inputs.py OUT_DIR --tasks 1000000 [--tasks 10000000 ...]

Topology (Ether-style premises, built here on purpose so the benchmark does not
depend on the cluster generator): 49 premises, each a switch with 16 Raspberry
Pi 3 devices (4 cores x 1100 MIPS, queue 8) on a shared 300 Mbit/s Wi-Fi
medium, two small-form-factor edge boxes (4 x 2600 MIPS, queue 32) and one
edge server (16 x 3000 MIPS, queue 128); premises hang off 7 metro routers
(10 Gbit/s, 2 ms), which reach an internet router over asymmetric uplinks
(1 Gbit/s up, 10 Gbit/s down, 6.5 ms) and one cloud region (512 x 3200 MIPS,
unbounded queue, 12 ms). 49 x 20 + 7 + 1 + 1 = 989 nodes; 784 device agents.

Workload ("trace-like", Alibaba-2018 shapes): jobs arrive as a Poisson process;
60 % are one independent task, 20 % a chain M1 -> R2 -> J3, 20 % a diamond
M1 -> (M2, M3) -> R4; instructions log-normal around 2e8, inputs from
{200 kB, 1 MB, 4 MB} with output = input / 10, deadlines on half the jobs;
origins on devices, every fourth job without an origin (assigned at replay).
Everything is drawn from random.Random(seed), so the files are reproducible.
"""
import argparse
import gzip
import json
import math
import random
from pathlib import Path

PREMISES = 49
DEVICES_PER_PREMISES = 16
METROS = 7


def node(id_, kind, tier, cores, mips, queue, idle, busy, tx, x, y):
    return {"id": id_, "kind": kind, "tier": tier, "cores": cores, "coreSpeedMips": float(mips),
            "memoryBytes": 1 << 30, "queueCapacity": queue, "idlePowerWatts": idle, "busyPowerWatts": busy,
            "transmitPowerWatts": tx, "position": {"xMeters": float(x), "yMeters": float(y)}, "labels": {}}


def link(source, target, mbps, ms, directed=False, medium=None):
    return {"id": None, "source": source, "target": target, "directed": directed, "bandwidthMbps": float(mbps),
            "latencyMs": ms, "latencyDistribution": None, "sharedMedium": medium, "labels": {}}


def topology():
    nodes, links, media = [], [], []
    devices = []
    for p in range(PREMISES):
        switch = f"switch_{p}"
        nodes.append({"id": switch, "kind": "switch", "tier": 0, "cores": 0, "coreSpeedMips": 0.0, "memoryBytes": 0,
                      "queueCapacity": None, "idlePowerWatts": 0.0, "busyPowerWatts": 0.0,
                      "transmitPowerWatts": 0.0, "position": None, "labels": {}})
        medium = f"wifi_{p}"
        media.append({"id": medium, "bandwidthMbps": 300.0, "labels": {"class": "wlan"}})
        for d in range(DEVICES_PER_PREMISES):
            name = f"rpi_{p}_{d}"
            devices.append(name)
            nodes.append(node(name, "device", 0, 4, 1100, 8, 1.9, 5.1, 1.0, 100 * p + d, 0))
            links.append(link(name, switch, 1000, 0.5, medium=medium))
        for e in range(2):
            name = f"nuc_{p}_{e}"
            nodes.append(node(name, "edge", 1, 4, 2600, 32, 6.0, 28.0, 2.0, 100 * p + e, 10))
            links.append(link(name, switch, 1000, 0.5))
        server = f"server_{p}"
        nodes.append(node(server, "edge", 1, 16, 3000, 128, 60.0, 200.0, 5.0, 100 * p, 20))
        links.append(link(server, switch, 10000, 0.2))
        links.append(link(switch, f"metro_{p % METROS}", 10000, 2.0))
    for m in range(METROS):
        nodes.append({"id": f"metro_{m}", "kind": "router", "tier": 1, "cores": 0, "coreSpeedMips": 0.0,
                      "memoryBytes": 0, "queueCapacity": None, "idlePowerWatts": 0.0, "busyPowerWatts": 0.0,
                      "transmitPowerWatts": 0.0, "position": None, "labels": {}})
        links.append(link(f"metro_{m}", "internet", 1000, 6.5, directed=True))
        links.append(link("internet", f"metro_{m}", 10000, 6.5, directed=True))
    nodes.append({"id": "internet", "kind": "router", "tier": 2, "cores": 0, "coreSpeedMips": 0.0, "memoryBytes": 0,
                  "queueCapacity": None, "idlePowerWatts": 0.0, "busyPowerWatts": 0.0, "transmitPowerWatts": 0.0,
                  "position": None, "labels": {}})
    nodes.append(node("cloud_0", "cloud", 2, 512, 3200, None, 2000.0, 9000.0, 10.0, 0, 1000))
    links.append(link("internet", "cloud_0", 10000, 12.0))
    return {"format": "edgesim-topology", "version": 1, "name": "bench-989",
            "provenance": {"source": None, "importer": None, "generator": "tools/bench/make_replay_inputs.py",
                           "seed": None, "parameters": {}},
            "nodes": nodes, "links": links, "media": media}, devices


def write_workload(path, tasks, devices, seed, jobs_per_second):
    rng = random.Random(seed)
    time = 0.0
    written = 0
    job = 0
    with gzip.open(path, "wt", compresslevel=1, newline="") as out:
        out.write("# edgesim-workload version 1\n")
        out.write("taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,"
                  "relativeDeadlineSeconds,dependencies\n")
        lines = []
        while written < tasks:
            time += rng.expovariate(jobs_per_second)
            shape = rng.random()
            names = ["task_0"] if shape < 0.6 else (["M1", "R2", "J3"] if shape < 0.8 else ["M1", "M2", "M3", "R4"])
            deps = {"R2": ["M1"], "J3": ["R2"], "M2": ["M1"], "M3": ["M1"], "R4": ["M2", "M3"]}
            origin = "" if job % 4 == 3 else devices[rng.randrange(len(devices))]
            deadline = f"{rng.choice((2.0, 5.0, 10.0))}" if job % 2 == 0 else ""
            jid = f"j_{job}"
            arrival = f"{time:.6f}"
            for name in names:
                if written >= tasks:
                    break
                instructions = int(2e8 * math.exp(0.6 * rng.gauss(0, 1)))
                size = rng.choice((200_000, 1_000_000, 4_000_000))
                dependency = ";".join(f"{jid}/{d}" for d in deps.get(name, []) if name != "task_0")
                lines.append(f"{jid}/{name},{jid},{arrival},{origin},{instructions},{size},{size // 10},"
                             f"134217728,{deadline},{dependency}\n")
                written += 1
            job += 1
            if len(lines) >= 20000:
                out.write("".join(lines))
                lines.clear()
        out.write("".join(lines))
    return time


def scenario(name, topology_path, workload_path, devices, tasks):
    # Synthetic: each device is an origin at rate 1/s; the duration gives `tasks` tasks on average.
    rate = 1.0
    duration = tasks / (rate * len(devices))
    settings = {
        "seed": 1,
        "syntheticArrivals": {
            "ratePerSecondPerOrigin": rate, "durationSeconds": duration,
            "taskTypes": [
                {"name": "small", "weight": 3.0, "instructions": 150000000, "inputBytes": 200000,
                 "outputBytes": 20000, "relativeDeadlineSeconds": 2.0},
                {"name": "large", "weight": 1.0, "instructions": 600000000, "inputBytes": 2000000,
                 "outputBytes": 200000, "relativeDeadlineSeconds": 5.0},
            ],
        },
    }
    body = {"format": "edgesim-scenario", "version": 1, "name": name, "topology": {"path": topology_path},
            "workload": {"path": workload_path} if workload_path else None, "settings": settings}
    return body


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("out", type=Path)
    parser.add_argument("--tasks", type=int, action="append", required=True)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--no-trace", action="store_true", help="only synthetic scenarios")
    arguments = parser.parse_args()
    out = arguments.out
    out.mkdir(parents=True, exist_ok=True)
    body, devices = topology()
    (out / "bench.topology.json").write_text(json.dumps(body, indent=1) + "\n")
    for tasks in arguments.tasks:
        label = f"{tasks // 1_000_000}m" if tasks % 1_000_000 == 0 else str(tasks)
        synthetic = scenario(f"synthetic-{label}", "bench.topology.json", None, devices, tasks)
        (out / f"synthetic-{label}.scenario.json").write_text(json.dumps(synthetic, indent=1) + "\n")
        if arguments.no_trace:
            continue
        workload = out / f"trace-{label}.workload.csv.gz"
        if not workload.exists():
            # ~2.2 tasks per job; keep the task rate near the synthetic one (784 tasks/s).
            write_workload(workload, tasks, devices, arguments.seed, 784 / 2.2)
        traced = scenario(f"trace-{label}", "bench.topology.json", workload.name, devices, tasks)
        (out / f"trace-{label}.scenario.json").write_text(json.dumps(traced, indent=1) + "\n")


if __name__ == "__main__":
    main()
