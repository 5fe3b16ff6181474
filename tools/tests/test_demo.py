"""The README's main job, `bash tools/demo`, run with the test build of edgesim: it succeeds on
bundled data, the README shows exactly the table it prints and the plots it draws, and the
policies come out as the README says."""
import json
import subprocess
import xml.etree.ElementTree as ElementTree

import pytest

from conftest import ROOT

REFRESH = "run `bash tools/report/refresh-readme-figures` and commit the result"


@pytest.fixture(scope="module")
def demo(edgesim, tmp_path_factory):
    output = tmp_path_factory.mktemp("demo")
    result = subprocess.run(["bash", str(ROOT / "tools" / "demo"), "--binary", str(edgesim), "--output", str(output)],
                            capture_output=True, text=True, cwd=ROOT)
    assert result.returncode == 0, result.stderr
    return output, result.stdout


def cells(output):
    """`{policy: cell}` of the demo bench's --summary-json."""
    document = json.loads((output / "bench-summary.json").read_text())
    assert document["runs"] == 25 and document["dropped"] > 0
    return {cell["policy"]: cell for cell in document["cells"]}


def test_the_readme_shows_the_table_the_demo_prints(demo):
    _, table = demo
    readme = (ROOT / "README.md").read_text()
    shown = readme.split("<!-- demo-table:begin -->\n", 1)[1].split("<!-- demo-table:end -->", 1)[0]
    assert shown == "```text\n" + table.rstrip("\n") + "\n```\n", f"the README's demo table is stale: {REFRESH}"


@pytest.mark.parametrize("committed, produced", [
    ("demo-latency-cdf.svg", "report/plots/factory-surge-latency-cdf.svg"),
    ("demo-latency-vs-load.svg", "load-study/plots/factory-surge-latency-vs-arrivalratescale.svg"),
])
def test_the_readme_plots_are_the_demo_plots(demo, committed, produced):
    output, _ = demo
    path = ROOT / "tools" / "report" / committed
    assert f"]({path.relative_to(ROOT)})" in (ROOT / "README.md").read_text()
    assert ElementTree.parse(path).getroot().tag == "{http://www.w3.org/2000/svg}svg"
    assert path.read_bytes() == (output / produced).read_bytes(), f"{committed} is stale: {REFRESH}"


def test_policies_differ_as_the_readme_says(demo):
    output, _ = demo
    by_policy = cells(output)
    assert list(by_policy) == ["local", "random", "least-queue", "earliest-finish", "cloud"]
    latency = {policy: cell["mean_latency_s"] for policy, cell in by_policy.items()}
    # Load-aware policies beat running locally and picking at random, on mean and tail latency.
    for good in ["least-queue", "earliest-finish"]:
        for naive in ["local", "random"]:
            assert latency[good] < latency[naive], (good, naive, latency)
            assert by_policy[good]["p95_latency_s"] < by_policy[naive]["p95_latency_s"]
            assert by_policy[good]["deadline_miss_rate"] < by_policy[naive]["deadline_miss_rate"]
    # The surge overloads the devices: running locally drops tasks.
    assert by_policy["local"]["drop_rate"] > 0.05
    # The cloud pays its WAN latency and the saturated uplink.
    assert latency["cloud"] > latency["local"] and by_policy["cloud"]["p95_latency_s"] > 2
    # Seeds spread the jobs differently: the figures vary between seeds.
    assert by_policy["random"]["mean_latency_s_ci95"] > 0


def test_the_report_folders_are_complete(demo):
    output, _ = demo
    report = output / "report"
    for name in ["results.csv", "summary.csv", "summary.md", "report.html"]:
        assert (report / name).stat().st_size > 0, name
    plots = sorted(path.name for path in (report / "plots").glob("*.svg"))
    assert plots == [f"factory-surge-{kind}.svg" for kind in ["drop-rate", "energy", "latency-cdf", "queue-occupancy"]]
    html = (report / "report.html").read_text()
    assert html.count("<svg ") == 4 and "Scenario factory-surge" in html
    load = json.loads((output / "load-study-summary.json").read_text())
    assert load["sweep_parameter"] == "arrivalRateScale" and load["runs"] == 60
    by_load = {(cell["arrivalRateScale"], cell["policy"]): cell["mean_latency_s"] for cell in load["cells"]}
    # The crossover the README describes: the cloud is best at half the load, worst at twice the load.
    assert by_load[(0.5, "cloud")] < by_load[(0.5, "local")]
    assert by_load[(2.0, "cloud")] > max(by_load[(2.0, policy)] for policy in ["local", "random", "least-queue"])
