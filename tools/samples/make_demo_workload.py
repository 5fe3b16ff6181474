#!/usr/bin/env python3
"""Regenerate traces/demo.workload.csv.gz, the busy workload of `bash tools/demo`.

    python3 tools/samples/make_demo_workload.py [--out traces/demo.workload.csv.gz]

Deterministic (random.Random(2024), no timestamps in the gzip stream): re-running it
rewrites the file byte for byte. What it models, for topologies/sample-edge.topology.json
(three 4-core Raspberry Pi devices on a shared factory floor, an IoT box, a 3-server
cloudlet, one cloud region behind a 50 Mbit/s business-ISP uplink):

- Jobs arrive as a Poisson process whose rate steps up for a surge: 12 jobs/s from 0 to
  40 s, 30 jobs/s from 40 to 70 s, 12 jobs/s again until 100 s (1,796 jobs, 2,306 tasks). At the
  surge the devices alone cannot keep up (their 12 cores run about 20 tasks/s), so running
  everything locally queues, misses deadlines and drops tasks.
- Nine jobs in ten are one task; one in ten is a small fork-join DAG (split -> two
  workers -> merge, each depending on the earlier lines), in Alibaba-2018 naming
  (M1, M2, M3, R4).
- Work: log-normal instructions with median 4.5e8 (about 0.4 s on a device core, 0.15 s
  on a cloudlet core), sigma 0.6. Inputs 20 kB, 100 kB or 400 kB (camera crops,
  sensor windows, small frames), outputs a tenth of that; 64-256 MiB of memory.
- Deadlines of 1, 2 or 4 s on every task, so deadline misses are a figure of merit.
- No origins: the scenario's origin rule assigns each job a device at replay, from the
  replay's seed, so every seed of a bench is a different spread of the same trace.

It is synthetic (no real trace); it exists so the demo's policies differ visibly.
"""
import argparse
import random
import zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
HEADER = ("# edgesim-workload version 1\n"
          "taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,"
          "relativeDeadlineSeconds,dependencies\n")
# (start s, end s, jobs per second)
PHASES = [(0.0, 40.0, 12.0), (40.0, 70.0, 30.0), (70.0, 100.0, 12.0)]
INPUT_BYTES = [20_000, 100_000, 400_000]
MEMORY_BYTES = [64 << 20, 128 << 20, 256 << 20]
DEADLINES_S = [1.0, 2.0, 4.0]


def arrivals(rng):
    """Job arrival times of a piecewise-constant Poisson process (memoryless, so each phase restarts cleanly)."""
    for start, end, rate in PHASES:
        time = start
        while True:
            time += rng.expovariate(rate)
            if time >= end:
                break
            yield time


def task(rng, task_id, job_id, arrival, dependencies=()):
    instructions = int(round(rng.lognormvariate(0.0, 0.6) * 4.5e8))
    input_bytes = rng.choice(INPUT_BYTES)
    return ",".join([
        task_id, job_id, f"{arrival:.3f}", "", str(instructions), str(input_bytes), str(input_bytes // 10),
        str(rng.choice(MEMORY_BYTES)), repr(rng.choice(DEADLINES_S)), ";".join(dependencies),
    ])


def rows(rng):
    for index, arrival in enumerate(arrivals(rng)):
        job = f"j_{index}"
        if rng.random() < 0.1:
            yield task(rng, f"{job}/M1", job, arrival)
            yield task(rng, f"{job}/M2", job, arrival, [f"{job}/M1"])
            yield task(rng, f"{job}/M3", job, arrival, [f"{job}/M1"])
            yield task(rng, f"{job}/R4", job, arrival, [f"{job}/M2", f"{job}/M3"])
        else:
            yield task(rng, f"{job}/task_0", job, arrival)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=ROOT / "traces" / "demo.workload.csv.gz")
    arguments = parser.parse_args()
    text = HEADER + "".join(row + "\n" for row in rows(random.Random(2024)))
    compressor = zlib.compressobj(6, zlib.DEFLATED, 31)
    arguments.out.write_bytes(compressor.compress(text.encode()) + compressor.flush())
    print(f"wrote {arguments.out} ({text.count(chr(10)) - 2} tasks)")


if __name__ == "__main__":
    main()
