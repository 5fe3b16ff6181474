"""Driver of tools/bench/import-graphml: times edgesim and networkx on the same files.

Each measurement is a separate process: wall time with time.perf_counter,
peak resident memory from os.wait4's rusage (ru_maxrss). edgesim's time is
the whole command (parse, map, validate, write the canonical JSON to a new
file, fsync and rename it);
networkx's is the `read_graphml` call inside its process (interpreter start
and `import networkx` excluded, which favours networkx), plus its whole
process for reference. The best (lowest) of the runs counts.
"""
import argparse
import json
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
WORK = ROOT / ".build" / "bench"

FILES = {
    "30MB": (100_000, 300_000),
    "100MB": (330_000, 1_000_000),
}

NETWORKX_CHILD = """
import json, sys, time
import networkx
start = time.perf_counter()
graph = networkx.read_graphml(sys.argv[1])
elapsed = time.perf_counter() - start
with open(sys.argv[2], "w") as result:
    json.dump({"seconds": elapsed, "nodes": graph.number_of_nodes(), "edges": graph.number_of_edges()}, result)
"""


def run_child(command: list[str]) -> tuple[float, int]:
    """Runs `command` with its output discarded; returns wall seconds and peak RSS in bytes."""
    with open(os.devnull, "w") as sink:
        start = time.perf_counter()
        process = subprocess.Popen(command, stdout=sink, stderr=sink)
        _, status, usage = os.wait4(process.pid, 0)
        wall = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed with status {process.returncode}")
    return wall, usage.ru_maxrss * 1024


def generate(name: str) -> Path:
    nodes, edges = FILES[name]
    path = WORK / f"bench-{name}.graphml"
    if not path.exists():
        WORK.mkdir(parents=True, exist_ok=True)
        print(f"generating {path.name} ({nodes} nodes, {edges} edges)...", file=sys.stderr)
        subprocess.run([sys.executable, str(ROOT / "tools" / "bench" / "make_graphml.py"), str(nodes), str(edges), str(path)],
                       check=True)
    return path


def edgesim_runs(binary: str, path: Path, runs: int) -> dict:
    output = WORK / (path.stem + ".topology.json")
    summary = WORK / (path.stem + ".summary.json")
    best = None
    for _ in range(runs):
        # Each run writes a fresh file: replacing the previous run's output
        # would add the kernel's freeing of its blocks, which is not import work.
        output.unlink(missing_ok=True)
        wall, rss = run_child([binary, "import", "topology", str(path), "-o", str(output), "--summary-json", str(summary)])
        if best is None or wall < best["wall"]:
            best = {"wall": wall, "rss": rss}
    counts = json.loads(summary.read_text())
    best.update(nodes=counts["nodes"], edges=counts["edges"], output_bytes=output.stat().st_size)
    return best


def networkx_runs(path: Path, runs: int) -> dict:
    result_file = WORK / "networkx-result.json"
    best = None
    for _ in range(runs):
        wall, rss = run_child([sys.executable, "-c", NETWORKX_CHILD, str(path), str(result_file)])
        inner = json.loads(result_file.read_text())
        if best is None or inner["seconds"] < best["read"]:
            best = {"read": inner["seconds"], "wall": wall, "rss": rss, "nodes": inner["nodes"], "edges": inner["edges"]}
    return best


def megabytes(value: int) -> str:
    return f"{value / 1e6:.1f} MB"


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--edgesim", required=True)
    parser.add_argument("--runs", type=int, default=3, help="runs per measurement (best counts)")
    parser.add_argument("--networkx-runs", type=int, default=2)
    parser.add_argument("--networkx-large", action="store_true", help="also time networkx on the 100 MB file (slow, ~2 GB)")
    parser.add_argument("--keep", action="store_true", help="keep the canonical outputs")
    arguments = parser.parse_args()

    print(f"machine: {os.cpu_count()} cores, load average {os.getloadavg()[0]:.2f}; "
          f"networkx {__import__('networkx').__version__}, Python {sys.version.split()[0]}")
    rows = []
    verdicts = []
    for name in FILES:
        path = generate(name)
        size = path.stat().st_size
        edgesim = edgesim_runs(arguments.edgesim, path, arguments.runs)
        row = {"file": f"{path.name} ({megabytes(size)})", "edgesim": edgesim}
        if name == "30MB" or arguments.networkx_large:
            networkx = networkx_runs(path, arguments.networkx_runs)
            if (networkx["nodes"], networkx["edges"]) != (edgesim["nodes"], edgesim["edges"]):
                sys.exit(f"count mismatch on {path.name}: networkx {networkx['nodes']}/{networkx['edges']}, "
                         f"edgesim {edgesim['nodes']}/{edgesim['edges']}")
            row["networkx"] = networkx
        rows.append((name, size, row))

    print()
    print(f"{'file':<28} {'tool':<34} {'wall s':>8} {'MB/s':>8} {'peak RSS':>10}")
    for name, size, row in rows:
        edgesim = row["edgesim"]
        print(f"{row['file']:<28} {'edgesim import topology':<34} {edgesim['wall']:>8.3f} "
              f"{size / 1e6 / edgesim['wall']:>8.1f} {megabytes(edgesim['rss']):>10}")
        if "networkx" in row:
            networkx = row["networkx"]
            print(f"{'':<28} {'networkx.read_graphml (call)':<34} {networkx['read']:>8.3f} "
                  f"{size / 1e6 / networkx['read']:>8.1f} {'':>10}")
            print(f"{'':<28} {'networkx (whole process)':<34} {networkx['wall']:>8.3f} "
                  f"{size / 1e6 / networkx['wall']:>8.1f} {megabytes(networkx['rss']):>10}")
    print()
    for name, size, row in rows:
        edgesim = row["edgesim"]
        print(f"{row['file']}: {edgesim['nodes']} nodes, {edgesim['edges']} edges; "
              f"canonical output {megabytes(edgesim['output_bytes'])}")
        if "networkx" in row:
            networkx = row["networkx"]
            speed = networkx["read"] / edgesim["wall"]
            memory = networkx["rss"] / edgesim["rss"]
            print(f"  speed ratio (networkx read_graphml call / edgesim whole command): {speed:.1f}x"
                  f"   (whole processes: {networkx['wall'] / edgesim['wall']:.1f}x)")
            print(f"  memory ratio (networkx peak RSS / edgesim peak RSS): {memory:.1f}x")
            if name == "30MB":
                verdicts.append(("speed >= 25x networkx on 30 MB", speed >= 25))
                verdicts.append(("peak memory <= 1/15 of networkx on 30 MB", memory >= 15))
        if name == "100MB":
            verdicts.append(("throughput >= 60 MB/s on 100 MB", size / 1e6 / edgesim["wall"] >= 60))
    print()
    for label, met in verdicts:
        print(f"  [{'met' if met else 'NOT met'}] {label}")
    if not arguments.keep:
        for output in WORK.glob("*.topology.json"):
            output.unlink()


if __name__ == "__main__":
    main()
