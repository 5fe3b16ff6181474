#!/usr/bin/env python3
"""Measures `edgesim replay` for tools/bench/replay (see there): per run, wall time, CPU time and
peak RSS of the child process from os.wait4; best of N by CPU time; zcat of the same trace
workload as the reference."""
import json
import os
import subprocess
import sys
import time
from pathlib import Path


def measure(command):
    """(wall s, cpu s, peak RSS MB) of one run of `command`, output discarded."""
    start = time.perf_counter()
    process = subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(process.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"failed: {' '.join(command)}")
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1000


def best_of(runs, command):
    return min((measure(command) for _ in range(runs)), key=lambda figures: figures[1])


def label(size):
    return f"{size // 1_000_000}m" if size % 1_000_000 == 0 else str(size)


def main():
    edgesim, inputs, runs = sys.argv[1], Path(sys.argv[2]), int(sys.argv[3])
    sizes = [int(size) for size in sys.argv[4:]]
    rows = []
    for size in sizes:
        name = label(size)
        for kind in ("synthetic", "trace"):
            scenario = inputs / f"{kind}-{name}.scenario.json"
            output = inputs / f"out-{kind}-{name}"
            replay = [edgesim, "replay", str(scenario), "--policy", "least-queue", "-o", str(output),
                      "--no-task-records"]
            print(f"== {kind}, {name} tasks", file=sys.stderr)
            summary = json.loads(subprocess.run(replay + ["--summary-json", "-"], check=True, capture_output=True,
                                                text=True).stdout)
            assert summary["tasks"] == (summary["completed"] + summary["dropped_queue_full"]
                                        + summary["dropped_deadline"] + summary["unfinished"]), "invariant broken"
            wall, cpu, rss = best_of(runs, replay)
            reference = None
            if kind == "trace":
                workload = inputs / f"trace-{name}.workload.csv.gz"
                reference = best_of(runs, ["sh", "-c", f"zcat '{workload}' > /dev/null"])[1]
            rows.append((kind, name, summary, wall, cpu, rss, reference))

    print()
    print("Replay benchmark: 989-node edge topology (784 device agents, 20 candidate slots), least-queue, one thread")
    print(f"{'workload':<10} {'tasks':>11} {'events':>12} {'wall s':>7} {'cpu s':>7} {'M events/s':>10} "
          f"{'M tasks/s':>9} {'peak RSS MB':>11} {'zcat cpu s':>10} {'vs zcat':>7}")
    peaks = {}
    for kind, name, summary, wall, cpu, rss, reference in rows:
        peaks[(kind, name)] = rss
        events, tasks = summary["events"], summary["tasks"]
        zcat = f"{reference:.2f}" if reference else "-"
        versus = f"{cpu / reference:.1f}x" if reference else "-"
        print(f"{kind:<10} {tasks:>11,} {events:>12,} {wall:>7.2f} {cpu:>7.2f} {events / cpu / 1e6:>10.2f} "
              f"{tasks / cpu / 1e6:>9.2f} {rss:>11.1f} {zcat:>10} {versus:>7}")
    for kind in ("synthetic", "trace"):
        if (kind, "1m") in peaks and (kind, "10m") in peaks:
            print(f"peak RSS, {kind}: {peaks[(kind, '1m')]:.1f} MB at 1 M tasks, {peaks[(kind, '10m')]:.1f} MB at "
                  f"10 M tasks (x{peaks[(kind, '10m')] / peaks[(kind, '1m')]:.2f} for 10x the tasks)")
    print(f"Best of {runs} runs by CPU time (user + sys; the machine may be shared); rates = figure / CPU seconds, "
          "start-up included; 'vs zcat' = replay CPU time / CPU time of zcat on the same workload.")


if __name__ == "__main__":
    main()
