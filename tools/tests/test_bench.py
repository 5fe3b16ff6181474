"""`edgesim bench` from the outside, on real replays: every SVG parses as XML and draws the
expected series (the latency-vs-load points sit at the summary's means), results.csv agrees
with `edgesim replay` run by hand, and summary.csv / --summary-json agree with pandas + SciPy."""
import json
import xml.etree.ElementTree as ElementTree

import numpy
import pandas as pd
import pytest
from scipy import stats

from conftest import ROOT, run

PAIR = ROOT / "Tests" / "Fixtures" / "bench" / "pair.scenario.json"
SAMPLE = ROOT / "Tests" / "Fixtures" / "bench" / "sample.scenario.json"
POLICIES = ["local", "random", "round-robin", "least-queue", "earliest-finish", "cloud"]
LOADS = [0.5, 1.0, 2.0]
SVG = "{http://www.w3.org/2000/svg}"
METRICS = ["mean_latency_s", "p95_latency_s", "drop_rate", "deadline_miss_rate", "energy_j"]


@pytest.fixture(scope="module")
def report(edgesim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("bench")
    run(edgesim, "bench", str(PAIR), str(SAMPLE), "--seeds", "1..3", "--sweep", "arrivalRateScale=0.5,1,2",
        "-o", str(folder / "report"), "--summary-json", str(folder / "summary.json"))
    return folder


def series(root):
    """`{name: element}` of the chart's `<g class="series" data-series=NAME>` groups, in order."""
    return {g.get("data-series"): g for g in root.iter(SVG + "g") if g.get("class") == "series"}


def axis(root, name, coordinate):
    """The linear map from pixels to values of an axis, from its first and last tick."""
    group = next(g for g in root.iter(SVG + "g") if g.get("class") == name)
    ticks = [(float(text.get(coordinate)), float(text.text)) for text in group.iter(SVG + "text")
             if text.get("class") == "tick"]
    (pixel0, value0), (pixel1, value1) = ticks[0], ticks[-1]
    # Tick labels sit 4 px below their grid line on the y axis, 14 px below the plot on the x axis.
    offset = 4.0 if name == "y-axis" else 0.0
    return lambda pixel: value0 + (pixel + offset - pixel0) * (value1 - value0) / (pixel1 - pixel0)


def test_every_plot_is_well_formed_svg_with_one_series_per_policy(report):
    plots = sorted((report / "report" / "plots").glob("*.svg"))
    # Per scenario: latency and drop rate against the load, and at each load 4 charts.
    assert len(plots) == 2 * (2 + 4 * len(LOADS))
    for path in plots:
        root = ElementTree.parse(path).getroot()
        assert root.tag == SVG + "svg", path.name
        assert root.get("viewBox") and root.find(SVG + "title").text.strip(), path.name
        names = list(series(root))
        assert names == POLICIES, f"{path.name}: {names}"
        for name, group in series(root).items():
            shapes = [child.get("class") for child in group]
            if path.name.endswith(("-drop-rate.svg", "-energy.svg")):
                assert shapes[0] == "bar" and "value" in shapes, (path.name, name, shapes)
            elif "-vs-" in path.name:
                assert shapes[:2] == ["band", "line"] and len(group.findall(SVG + "circle")) == len(LOADS)
            else:
                assert shapes == ["line"], (path.name, name, shapes)
                points = group.find(SVG + "path").get("d").count("L")
                assert points >= 10, (path.name, name, points)
        if "-vs-" not in path.name and not path.name.endswith(("-drop-rate.svg", "-energy.svg")):
            legend = [g.get("data-series") for g in root.iter(SVG + "g") if g.get("class") == "legend-entry"]
            assert legend == POLICIES, path.name


def test_latency_vs_load_points_are_the_summary_means(report):
    summary = pd.read_csv(report / "report" / "summary.csv")
    for scenario in ["pair", "sample"]:
        root = ElementTree.parse(report / "report" / "plots" / f"{scenario}-latency-vs-arrivalratescale.svg").getroot()
        to_value, to_load = axis(root, "y-axis", "y"), axis(root, "x-axis", "x")
        span = abs(to_value(0) - to_value(1))  # one pixel, in seconds
        for policy, group in series(root).items():
            for circle, load in zip(group.findall(SVG + "circle"), LOADS):
                row = summary[(summary.scenario == scenario) & (summary.policy == policy)
                              & (summary.arrivalRateScale == load)].iloc[0]
                assert to_load(float(circle.get("cx"))) == pytest.approx(load, abs=0.01)
                assert to_value(float(circle.get("cy"))) == pytest.approx(row.mean_latency_s_mean, abs=span)


def test_results_agree_with_edgesim_replay(report, edgesim, tmp_path):
    results = pd.read_csv(report / "report" / "results.csv")
    assert len(results) == 2 * len(LOADS) * len(POLICIES) * 3
    for scenario, path in [("pair", PAIR), ("sample", SAMPLE)]:
        for policy, seed, load in [("random", 2, 2.0), ("earliest-finish", 3, 0.5), ("cloud", 1, 1.0)]:
            row = results[(results.scenario == scenario) & (results.policy == policy) & (results.seed == seed)
                          & (results.arrivalRateScale == load)].iloc[0]
            replay = json.loads(run(edgesim, "replay", str(path), "--policy", policy, "--seed", str(seed),
                                    "--arrival-rate-scale", str(load), "--no-task-records",
                                    "-o", str(tmp_path / f"{scenario}-{policy}"), "--summary-json", "-").stdout)
            for key in ["tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished", "events"]:
                assert row[key] == replay[key], (scenario, policy, key)
            for key in ["mean_latency_s", "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "sim_time_s"]:
                assert row[key] == pytest.approx(replay[key], abs=5e-7), (scenario, policy, key)


def recompute(results, keys):
    """The summary statistics of results.csv per cell, as SciPy computes them."""
    results = results.assign(
        drop_rate=(results.dropped_queue_full + results.dropped_deadline) / results.tasks,
        deadline_miss_rate=(results.dropped_deadline + results.late) / results.tasks)
    cells = {}
    for cell, runs in results.groupby(keys, sort=False):
        figures = {"runs": len(runs)}
        for metric in METRICS:
            values = runs[metric].dropna().to_numpy(dtype=float)
            mean = values.mean()
            figures[metric] = (mean, None, None)
            if len(values) > 1:
                sd = values.std(ddof=1)
                low, high = (mean, mean) if sd == 0 else stats.t.interval(
                    0.95, len(values) - 1, loc=mean, scale=sd / numpy.sqrt(len(values)))
                figures[metric] = (mean, low, high)
        cells[cell] = figures
    return cells


@pytest.mark.parametrize("source", ["report", "golden-plain", "golden-sweep"])
def test_summary_csv_agrees_with_scipy(report, source):
    if source == "report":
        results = pd.read_csv(report / "report" / "results.csv")
        summary = pd.read_csv(report / "report" / "summary.csv")
    else:
        fixtures = ROOT / "Tests" / "Fixtures" / "bench"
        results = pd.read_csv(fixtures / f"{source}-results.csv")
        summary = pd.read_csv(fixtures / f"{source}-summary.csv")
    keys = ["scenario", "arrivalRateScale", "policy"] if "arrivalRateScale" in results else ["scenario", "policy"]
    cells = recompute(results, keys)
    assert len(summary) == len(cells)
    for _, row in summary.iterrows():
        figures = cells[tuple(row[key] for key in keys)]
        assert row.runs == figures["runs"]
        for metric in METRICS:
            mean, low, high = figures[metric]
            assert row[f"{metric}_mean"] == pytest.approx(mean, abs=1e-6)
            if low is not None:
                # results.csv rounds to 6 decimals; the t factor (up to 12.7 for 2 seeds) magnifies that.
                assert row[f"{metric}_ci95_low"] == pytest.approx(low, abs=2e-5)
                assert row[f"{metric}_ci95_high"] == pytest.approx(high, abs=2e-5)


def test_summary_json_cells_are_the_summary_means(report):
    document = json.loads((report / "summary.json").read_text())
    summary = pd.read_csv(report / "report" / "summary.csv")
    assert document["runs"] == 2 * len(LOADS) * len(POLICIES) * 3
    assert document["sweep_parameter"] == "arrivalRateScale" and document["sweep_values"] == len(LOADS)
    assert len(document["cells"]) == len(summary)
    for cell, (_, row) in zip(document["cells"], summary.iterrows()):
        assert (cell["scenario"], cell["arrivalRateScale"], cell["policy"]) == (
            row.scenario, row.arrivalRateScale, row.policy)
        for metric in METRICS:
            assert cell[metric] == pytest.approx(row[f"{metric}_mean"], abs=1e-6)
            assert cell[metric + "_ci95"] == pytest.approx((row[f"{metric}_ci95_high"] - row[f"{metric}_ci95_low"]) / 2,
                                                           abs=2e-6)
    assert "report.html" in document["files"] and "results.csv" in document["files"]
