"""`edgesim replay` from the outside: pandas reads the results and recomputes the summary."""
import json

import numpy as np
import pandas as pd
import pytest

from conftest import ROOT, run

SUMMARY_KEYS = [
    "tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished", "mean_latency_s",
    "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "events", "sim_time_s",
]


@pytest.fixture(scope="module")
def scenario(edgesim, tmp_path_factory):
    folder = tmp_path_factory.mktemp("replay")
    path = folder / "sample.scenario.json"
    run(edgesim, "compose", "--topology", str(ROOT / "topologies" / "sample-edge.topology.json"),
        "--workload", str(ROOT / "traces" / "sample.workload.csv.gz"), "--horizon-seconds", "100", "-o", str(path))
    return path


@pytest.mark.parametrize("policy", ["local", "random", "round-robin", "least-queue", "earliest-finish", "cloud"])
def test_summary_agrees_with_the_task_records(edgesim, scenario, tmp_path, policy):
    results = tmp_path / policy
    run(edgesim, "replay", str(scenario), "--policy", policy, "--seed", "5", "-o", str(results))
    summary = json.loads((results / "summary.json").read_text())
    assert list(summary)[:13] == SUMMARY_KEYS
    tasks = pd.read_csv(results / "tasks.csv")
    assert len(tasks) == summary["tasks"]
    counts = tasks["status"].value_counts().to_dict()
    completed = tasks[tasks["status"].isin(["completed", "late"])]
    assert len(completed) == summary["completed"]
    assert counts.get("late", 0) == summary["late"]
    assert counts.get("dropped_queue_full", 0) == summary["dropped_queue_full"]
    assert counts.get("dropped_deadline", 0) == summary["dropped_deadline"]
    assert counts.get("unfinished", 0) == summary["unfinished"]
    assert summary["tasks"] == (summary["completed"] + summary["dropped_queue_full"] + summary["dropped_deadline"]
                                + summary["unfinished"])
    # Latencies from the records (times written with 9 decimals) match the summary's exact figures.
    latency = (completed["finish_s"] - completed["arrival_s"]).to_numpy()
    assert summary["mean_latency_s"] == pytest.approx(latency.mean(), abs=1e-8)
    for key, level in [("p50_latency_s", 0.5), ("p95_latency_s", 0.95), ("p99_latency_s", 0.99)]:
        assert summary[key] == pytest.approx(np.quantile(latency, level), abs=1e-8)
    # Each completed latency covers its transfer, queueing and execution time.
    assert (latency + 1e-8 >= (completed["wait_s"] + completed["transfer_s"] + completed["execution_s"])).all()
    decided = tasks.dropna(subset=["target"])  # tasks still waiting for predecessors have no target
    if policy == "local":
        assert (decided["target"] == decided["origin"]).all()
    if policy == "cloud":
        assert (decided["target"] == "cloud_0").all()
    nodes = pd.read_csv(results / "nodes.csv")
    assert nodes["energy_j"].sum() == pytest.approx(summary["energy_j"], rel=1e-9)
    assert nodes["tasks_executed"].sum() <= summary["tasks"]
    assert summary["sim_time_s"] == 100.0


def test_queue_samples_are_regular(edgesim, scenario, tmp_path):
    results = tmp_path / "q"
    run(edgesim, "replay", str(scenario), "--policy", "least-queue", "--queue-sample-seconds", "2.5", "-o", str(results))
    queue = pd.read_csv(results / "queue.csv")
    assert np.allclose(queue["time_s"], np.arange(len(queue)) * 2.5)
    assert queue["time_s"].iloc[-1] == 100.0
    assert (queue["max_queue_length"] >= queue["mean_queue_length"]).all()
    assert queue["busy_core_fraction"].between(0, 1).all()
