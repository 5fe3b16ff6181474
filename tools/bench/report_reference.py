#!/usr/bin/env python3
"""The reference for tools/bench/report.sh: what a researcher's usual script does
with results.csv: pandas groupby, SciPy Student-t intervals, summary.csv, and the
same charts as the BenchReport folder drawn with matplotlib (Agg backend, SVG):
per scenario and sweep value a latency CDF (401 points per policy), drop-rate and
energy bars with CI whiskers and a queue-occupancy chart (2000 points per policy);
per scenario mean latency and drop rate against the swept parameter with CI bands.
CDF and occupancy series are drawn from arrays of the same size (drawing cost does
not depend on the values).

    python report_reference.py REPORT_FOLDER OUTPUT_FOLDER
"""
import sys
import time
from pathlib import Path

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy  # noqa: E402
import pandas as pd  # noqa: E402
from scipy import stats  # noqa: E402

METRICS = ["mean_latency_s", "p95_latency_s", "drop_rate", "deadline_miss_rate", "energy_j"]


def summarise(results: pd.DataFrame, keys: list[str]) -> pd.DataFrame:
    results = results.assign(
        drop_rate=(results.dropped_queue_full + results.dropped_deadline) / results.tasks,
        deadline_miss_rate=(results.dropped_deadline + results.late) / results.tasks)
    rows = []
    for key, group in results.groupby(keys, sort=False):
        row = dict(zip(keys, key))
        row["runs"] = len(group)
        for metric in METRICS:
            values = group[metric].dropna().to_numpy(dtype=float)
            mean, sd = values.mean(), values.std(ddof=1)
            if sd > 0:
                low, high = stats.t.interval(0.95, len(values) - 1, loc=mean, scale=sd / numpy.sqrt(len(values)))
            else:  # SciPy refuses a zero scale; a constant sample's interval is the point itself.
                low, high = mean, mean
            row.update({f"{metric}_mean": mean, f"{metric}_sd": sd, f"{metric}_ci95_low": low,
                        f"{metric}_ci95_high": high, f"{metric}_n": len(values)})
        rows.append(row)
    return pd.DataFrame(rows)


def main() -> None:
    report, output = Path(sys.argv[1]), Path(sys.argv[2])
    output.mkdir(parents=True, exist_ok=True)
    timings = []
    for _ in range(3):  # best of three, as the Swift side
        start = time.perf_counter()
        charts = write_report(report, output)
        timings.append(time.perf_counter() - start)
    print(f"reference_svg_charts {charts}")
    print(f"reference_s {min(timings):.3f}")


def write_report(report: Path, output: Path) -> int:
    results = pd.read_csv(report / "results.csv")
    sweep = results.columns[1]
    summary = summarise(results, ["scenario", sweep, "policy"])
    summary.to_csv(output / "summary.csv", index=False, float_format="%.6f")
    charts = 0
    x = numpy.linspace(0, 1, 401)
    for scenario, by_scenario in summary.groupby("scenario", sort=False):
        for metric in ["mean_latency_s", "drop_rate"]:
            figure, axes = plt.subplots(figsize=(7.2, 4.2))
            for policy, line in by_scenario.groupby("policy", sort=False):
                axes.plot(line[sweep], line[f"{metric}_mean"], marker="o", label=policy)
                axes.fill_between(line[sweep], line[f"{metric}_ci95_low"], line[f"{metric}_ci95_high"], alpha=0.16)
            axes.set_xlabel(sweep)
            axes.set_ylabel(metric)
            axes.legend()
            figure.savefig(output / f"{scenario}-{metric}-vs-sweep.svg")
            plt.close(figure)
            charts += 1
        for value, cell in by_scenario.groupby(sweep, sort=False):
            figure, axes = plt.subplots(figsize=(7.2, 4.2))
            for index, policy in enumerate(cell.policy):
                axes.plot(numpy.sort(numpy.random.default_rng(index).random(401)) * 10, x, label=policy)
            axes.legend()
            figure.savefig(output / f"{scenario}-{value}-latency-cdf.svg")
            plt.close(figure)
            for metric in ["drop_rate", "energy_j"]:
                figure, axes = plt.subplots(figsize=(7.2, 4.2))
                means = cell[f"{metric}_mean"].to_numpy()
                errors = [means - cell[f"{metric}_ci95_low"].to_numpy(), cell[f"{metric}_ci95_high"].to_numpy() - means]
                axes.bar(cell.policy, means, yerr=errors, capsize=6)
                figure.savefig(output / f"{scenario}-{value}-{metric}.svg")
                plt.close(figure)
            figure, axes = plt.subplots(figsize=(7.2, 4.2))
            for index, policy in enumerate(cell.policy):
                axes.plot(numpy.arange(2000) * 0.3, numpy.random.default_rng(index).random(2000), label=policy)
            axes.legend()
            figure.savefig(output / f"{scenario}-{value}-queue-occupancy.svg")
            plt.close(figure)
            charts += 4
    return charts


if __name__ == "__main__":
    main()
