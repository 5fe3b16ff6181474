"""The BenchReport outputs from the outside: the bench spec against its JSON Schema,
and the golden CSVs (Tests/Fixtures/report/golden-*.csv, written by the Swift
writers from a tiny fixed bench) read with pandas and recomputed with SciPy."""
import copy
import json

import jsonschema
import numpy
import pandas as pd
import pytest
from scipy import stats

from conftest import ROOT

REPORT_FIXTURES = ROOT / "Tests" / "Fixtures" / "report"
SCHEMA = ROOT / "tools" / "schemas" / "bench.schema.json"
SUMMARY_KEYS = ["tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished",
                "mean_latency_s", "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "events",
                "sim_time_s"]


def bench_validator() -> jsonschema.Draft202012Validator:
    schema = json.loads(SCHEMA.read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def test_sample_spec_matches_the_schema():
    errors = list(bench_validator().iter_errors(json.loads((REPORT_FIXTURES / "sample.bench.json").read_text())))
    assert not errors, [error.message for error in errors]


@pytest.mark.parametrize("change", [
    lambda spec: spec.update(colour="blue"),
    lambda spec: spec.update(seeds="1..x"),
    lambda spec: spec.update(seeds=[1, 1]),
    lambda spec: spec.update(policies=[]),
    lambda spec: spec["sweep"].update(values=[1, 2]),
    lambda spec: spec["sweep"].pop("steps"),
    lambda spec: spec["sweep"].update(parameter="9lives"),
    lambda spec: spec.pop("format"),
])
def test_schema_rejects_what_the_reader_rejects(change):
    spec = json.loads((REPORT_FIXTURES / "sample.bench.json").read_text())
    broken = copy.deepcopy(spec)
    change(broken)
    assert list(bench_validator().iter_errors(broken)), f"schema accepted {broken}"


def test_string_scenarios_and_seed_lists_are_valid():
    spec = {"format": "edgesim-bench", "version": 1, "scenarios": ["a.scenario.json"], "policies": ["local"],
            "seeds": [1, 2, 3], "sweep": {"parameter": "arrivalRateScale", "values": [0.5, 1.0]}}
    assert not list(bench_validator().iter_errors(spec))


@pytest.mark.parametrize("fixture", ["plain", "sweep"])
def test_results_csv_reads_into_pandas(fixture):
    results = pd.read_csv(REPORT_FIXTURES / f"golden-{fixture}-results.csv")
    sweep = ["arrivalRateScale"] if fixture == "sweep" else []
    assert list(results.columns) == ["scenario", *sweep, "policy", "seed", *SUMMARY_KEYS]
    conservation = results.completed + results.dropped_queue_full + results.dropped_deadline + results.unfinished
    assert (conservation == results.tasks).all()


@pytest.mark.parametrize("fixture", ["plain", "sweep"])
def test_summary_csv_agrees_with_scipy(fixture):
    """Every mean, sd and 95 % t interval in summary.csv, recomputed from results.csv."""
    results = pd.read_csv(REPORT_FIXTURES / f"golden-{fixture}-results.csv")
    summary = pd.read_csv(REPORT_FIXTURES / f"golden-{fixture}-summary.csv")
    results["drop_rate"] = (results.dropped_queue_full + results.dropped_deadline) / results.tasks
    results["deadline_miss_rate"] = (results.dropped_deadline + results.late) / results.tasks
    keys = ["scenario", "arrivalRateScale", "policy"] if fixture == "sweep" else ["scenario", "policy"]
    assert len(summary) == results.groupby(keys, sort=False).ngroups
    checked = 0
    for _, row in summary.iterrows():
        mask = numpy.logical_and.reduce([results[key] == row[key] for key in keys])
        runs = results[mask]
        assert row.runs == len(runs)
        for metric in ["mean_latency_s", "p95_latency_s", "drop_rate", "deadline_miss_rate", "energy_j"]:
            values = runs[metric].dropna().to_numpy(dtype=float)
            assert row[f"{metric}_n"] == len(values)
            assert row[f"{metric}_mean"] == pytest.approx(values.mean(), abs=1e-6)
            if len(values) > 1:
                sd = values.std(ddof=1)
                low, high = (values.mean(), values.mean()) if sd == 0 else stats.t.interval(
                    0.95, len(values) - 1, loc=values.mean(), scale=sd / numpy.sqrt(len(values)))
                assert row[f"{metric}_sd"] == pytest.approx(sd, abs=1e-6)
                assert row[f"{metric}_ci95_low"] == pytest.approx(low, abs=1e-6)
                assert row[f"{metric}_ci95_high"] == pytest.approx(high, abs=1e-6)
                checked += 1
    assert checked > 0
