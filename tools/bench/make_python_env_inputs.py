#!/usr/bin/env python3
"""Deterministic inputs for tools/bench/python-env: a generated MEC cluster with 10 device
agents and a trace-like workload on it.

    python3 tools/bench/make_python_env_inputs.py EDGESIM_BINARY OUT_DIR [--tasks 200000]

Topology: `edgesim generate mec --base-stations 2 --devices-per-station 5 --seed 7`
(2 base stations with 5 devices each on a shared 1 Gbit/s radio cell: Raspberry Pi 4,
Jetson Nano and Coral boards; an 88-core MEC server per station; a metro core; 5 cloud
servers behind the internet): 10 device agents, each with its cell, its MEC server and
the cloud as candidates.

Workload ("trace-like", Alibaba-2018 job shapes, as tools/bench/make_replay_inputs.py):
jobs arrive as a Poisson process of 8 jobs/s; 60 % are one task, 20 % a chain
M1 -> R2 -> J3, 20 % a diamond M1 -> (M2, M3) -> R4; instructions log-normal around 1.5e9,
inputs from {200 kB, 1 MB, 4 MB} with output = input / 10, deadlines (2-10 s) on half the
jobs; origins on the 10 devices, every fourth job without one (assigned at replay).
Drawn from random.Random(11): the files are reproducible. Existing files are kept.
"""
import argparse
import gzip
import json
import math
import random
import subprocess
from pathlib import Path

HEADER = ("taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,"
          "relativeDeadlineSeconds,dependencies")


def workload(path: Path, devices: list[str], tasks: int) -> None:
    generator = random.Random(11)
    time = 0.0
    written = 0
    job = 0
    with gzip.open(path, "wt", compresslevel=6) as output:
        output.write("# edgesim-workload version 1\n" + HEADER + "\n")
        while written < tasks:
            time += generator.expovariate(8.0)
            origin = "" if job % 4 == 3 else generator.choice(devices)
            shape = generator.random()
            names = ["M1"] if shape < 0.6 else (["M1", "R2", "J3"] if shape < 0.8 else ["M1", "M2", "M3", "R4"])
            deadline = generator.choice(["2.0", "5.0", "10.0"]) if job % 2 == 0 else ""
            for position, name in enumerate(names):
                if len(names) == 3:
                    dependencies = [] if position == 0 else [f"j_{job}/{names[position - 1]}"]
                elif len(names) == 4:
                    dependencies = [] if position == 0 else ([f"j_{job}/M1"] if position < 3 else
                                                             [f"j_{job}/M2", f"j_{job}/M3"])
                else:
                    dependencies = []
                instructions = int(math.exp(generator.gauss(math.log(1.5e9), 0.6)))
                input_bytes = generator.choice([200_000, 1_000_000, 4_000_000])
                output.write(f"j_{job}/{name},j_{job},{time:.6f},{origin},{instructions},{input_bytes},"
                             f"{input_bytes // 10},{generator.choice([64, 128, 256]) << 20},{deadline},"
                             f"{';'.join(dependencies)}\n")
                written += 1
            job += 1


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("edgesim")
    parser.add_argument("folder", type=Path)
    parser.add_argument("--tasks", type=int, default=200_000)
    arguments = parser.parse_args()
    folder = arguments.folder
    folder.mkdir(parents=True, exist_ok=True)
    topology = folder / "mec-10.topology.json"
    if not topology.exists():
        subprocess.run([arguments.edgesim, "generate", "mec", "--base-stations", "2", "--devices-per-station", "5",
                        "--seed", "7", "-o", str(topology)], check=True)
    devices = [node["id"] for node in json.loads(topology.read_text())["nodes"] if node["kind"] == "device"]
    assert len(devices) == 10, devices
    trace = folder / f"mec-10-{arguments.tasks}.workload.csv.gz"
    if not trace.exists():
        workload(trace, devices, arguments.tasks)
    scenario = folder / "mec-10.scenario.json"
    scenario.write_text(json.dumps({
        "format": "edgesim-scenario", "version": 1, "name": "mec-10",
        "topology": {"path": topology.name}, "workload": {"path": trace.name}, "settings": {"seed": 1},
    }, indent=1) + "\n")
    subprocess.run([arguments.edgesim, "validate", str(scenario)], check=True, stdout=subprocess.DEVNULL)
    print(scenario)


if __name__ == "__main__":
    main()
