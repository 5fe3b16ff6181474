#!/usr/bin/env python3
"""Writes Tests/Fixtures/report/statistics-oracle.json: reference values for the
BenchReport statistics, computed independently with SciPy and NumPy.

    python3 tools/report/make_statistics_oracle.py   # needs numpy and scipy

The Swift tests (Tests/BenchReportTests/StatisticsOracleTests.swift) compare
StudentT, SampleStatistics and EmpiricalCDF against this file. The file is
committed; rerun the script only to extend the cases.
"""
import json
from pathlib import Path

import numpy
import scipy
from scipy import stats

ROOT = Path(__file__).resolve().parents[2]
OUTPUT = ROOT / "Tests" / "Fixtures" / "report" / "statistics-oracle.json"

DEGREES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25,
           26, 27, 28, 29, 30, 40, 50, 60, 80, 100, 120, 200, 500, 1000, 2.5, 7.5]
PROBABILITIES = [0.6, 0.75, 0.9, 0.95, 0.975, 0.99, 0.995, 0.9995, 0.025, 0.001]
CDF_POINTS = [-30.0, -4.0, -1.5, -0.1, 0.3, 1.0, 2.0, 3.5, 8.0, 50.0]

SAMPLES = [
    [0.25, 0.31, 0.29, 0.4, 0.22],
    [12.5, 12.5, 12.5],
    [1e6 + 0.1, 1e6 + 0.2, 1e6 + 0.3, 1e6 + 0.4],
    [3.0, 1.0, 4.0, 1.0, 5.0, 9.0, 2.0, 6.0, 5.0, 3.0, 5.0],
    [0.0021, 0.0019, 0.0035, 0.0018, 0.0024, 0.0020, 0.0031, 0.0022, 0.0027, 0.0025, 0.0019, 0.0030],
    [7.0, 9.0],
]
QUANTILE_PROBABILITIES = [0.0, 0.05, 0.25, 0.5, 0.9, 0.95, 0.99, 1.0]


def main() -> None:
    t_quantiles = [
        {"df": df, "p": p, "value": float(stats.t.ppf(p, df))} for df in DEGREES for p in PROBABILITIES
    ]
    t_cdf = [{"df": df, "t": t, "value": float(stats.t.cdf(t, df))} for df in DEGREES for t in CDF_POINTS]
    samples = []
    for values in SAMPLES:
        array = numpy.array(values, dtype=float)
        mean = float(array.mean())
        sd = float(array.std(ddof=1))
        if sd > 0:
            low, high = stats.t.interval(0.95, len(values) - 1, loc=mean, scale=sd / numpy.sqrt(len(values)))
        else:  # SciPy refuses a zero scale; the interval of a constant sample is the point itself.
            low, high = mean, mean
        sorted_values = numpy.sort(array)
        samples.append({
            "values": values,
            "mean": mean,
            "sd": sd,
            "ci95_low": float(low),
            "ci95_high": float(high),
            # NumPy's default "linear" method is Hyndman and Fan's definition 7.
            "quantiles": [{"p": p, "value": float(numpy.quantile(array, p))} for p in QUANTILE_PROBABILITIES],
            "ecdf": [
                {"x": float(x), "value": float(numpy.searchsorted(sorted_values, x, side="right") / len(values))}
                for x in sorted(set(values)) + [min(values) - 1.0, max(values) + 1.0]
            ],
        })
    document = {
        "generator": f"tools/report/make_statistics_oracle.py with numpy {numpy.__version__}, scipy {scipy.__version__}",
        "t_quantiles": t_quantiles,
        "t_cdf": t_cdf,
        "samples": samples,
    }
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(json.dumps(document, indent=1, allow_nan=False) + "\n")
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(t_quantiles)} quantiles, {len(t_cdf)} cdf values, {len(samples)} samples")


if __name__ == "__main__":
    main()
