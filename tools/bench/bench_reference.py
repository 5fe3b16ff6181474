#!/usr/bin/env python3
"""The reference for tools/bench/bench: the usual one-off study script around a simulator CLI.
It runs `edgesim replay` once per policy x seed (a pool of WORKERS processes, each run
writing tasks.csv, queue.csv and summary.json), then reads every summary.json and tasks.csv
with pandas, computes per-policy means and Student-t 95 % intervals with SciPy (summary.csv),
and draws the same charts as `edgesim bench` with matplotlib (Agg, SVG): latency CDF per
policy, drop-rate and energy bars with CI whiskers, queue occupancy of the first seed.

    python bench_reference.py EDGESIM SCENARIO OUTPUT POLICIES SEEDS WORKERS QUEUE_SAMPLE_SECONDS

Prints `reference_s SECONDS` (wall time of the whole study).
"""
import json
import subprocess
import sys
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402


def replay(edgesim, scenario, output, queue_sample_seconds, job):
    policy, seed = job
    folder = output / "runs" / f"{policy}-{seed}"
    subprocess.run([edgesim, "replay", scenario, "--policy", policy, "--seed", str(seed), "-o", str(folder),
                    "--queue-sample-seconds", str(queue_sample_seconds)], check=True, capture_output=True)
    return policy, seed, folder


def interval(values):
    values = numpy.asarray(values, dtype=float)
    mean, sd = values.mean(), values.std(ddof=1)
    if not sd > 0:
        return mean, mean, mean
    low, high = stats.t.interval(0.95, len(values) - 1, loc=mean, scale=sd / numpy.sqrt(len(values)))
    return mean, low, high


def main():
    edgesim, scenario, output = sys.argv[1], sys.argv[2], Path(sys.argv[3])
    policies, seeds = sys.argv[4].split(","), [int(seed) for seed in sys.argv[5].split(",")]
    workers, queue_sample_seconds = int(sys.argv[6]), float(sys.argv[7])
    started = time.perf_counter()
    jobs = [(policy, seed) for policy in policies for seed in seeds]
    with ThreadPoolExecutor(workers) as pool:
        runs = list(pool.map(lambda job: replay(edgesim, scenario, output, queue_sample_seconds, job), jobs))

    rows, latencies = [], {policy: [] for policy in policies}
    for policy, seed, folder in runs:
        row = json.loads((folder / "summary.json").read_text())
        rows.append(row)
        tasks = pd.read_csv(folder / "tasks.csv")
        done = tasks[tasks.status.isin(["completed", "late"])]
        latencies[policy].append((done.finish_s - done.arrival_s).to_numpy())
    results = pd.DataFrame(rows)
    results["drop_rate"] = (results.dropped_queue_full + results.dropped_deadline) / results.tasks
    results["deadline_miss_rate"] = (results.dropped_deadline + results.late) / results.tasks
    summary = []
    for policy, group in results.groupby("policy", sort=False):
        row = {"policy": policy, "runs": len(group)}
        for metric in ["mean_latency_s", "p95_latency_s", "drop_rate", "deadline_miss_rate", "energy_j"]:
            row[f"{metric}_mean"], row[f"{metric}_ci95_low"], row[f"{metric}_ci95_high"] = interval(group[metric])
        summary.append(row)
    summary = pd.DataFrame(summary)
    summary.to_csv(output / "summary.csv", index=False)
    results.to_csv(output / "results.csv", index=False)

    figure, axes = plt.subplots(figsize=(7.2, 4.2))
    for policy in policies:
        values = numpy.sort(numpy.concatenate(latencies[policy]))
        axes.plot(values, numpy.arange(1, len(values) + 1) / len(values), label=policy)
    axes.set(xlabel="Completion latency (s)", ylabel="Fraction of completed tasks", title="Latency CDF")
    axes.legend()
    figure.savefig(output / "latency-cdf.svg")
    plt.close(figure)
    for metric, label in [("drop_rate", "Drop rate"), ("energy_j", "Energy (J)")]:
        figure, axes = plt.subplots(figsize=(7.2, 4.2))
        means = summary[f"{metric}_mean"]
        errors = [means - summary[f"{metric}_ci95_low"], summary[f"{metric}_ci95_high"] - means]
        axes.bar(summary.policy, means, yerr=errors, capsize=6)
        axes.set(ylabel=label, title=f"{label} per policy")
        figure.savefig(output / f"{metric}.svg")
        plt.close(figure)
    figure, axes = plt.subplots(figsize=(7.2, 4.2))
    for policy, seed, folder in runs:
        if seed == seeds[0]:
            queue = pd.read_csv(folder / "queue.csv")
            axes.plot(queue.time_s, queue.mean_queue_length, label=policy)
    axes.set(xlabel="Simulated time (s)", ylabel="Mean queue length (tasks)", title="Queue occupancy")
    axes.legend()
    figure.savefig(output / "queue-occupancy.svg")
    plt.close(figure)
    print(f"reference_s {time.perf_counter() - started:.3f}")


if __name__ == "__main__":
    main()
