#!/usr/bin/env bash
# Benchmarks the BenchReport stage (release build) on a synthetic bench of 400 runs
# of 20,000 tasks each, and compares writing the report folder with the usual
# pandas + SciPy + matplotlib script producing the same summary and charts.
#
#   bash tools/bench/report.sh
#
# Prints the matrix runner's time with 1 and 2 workers (and whether the results are
# identical), the report stage's time, the reference's time, and their ratio.
set -euo pipefail
cd "$(dirname "$0")/../.."
root="$(pwd)"

bash tools/setup --python
.venv/bin/python -c "import matplotlib" 2>/dev/null || .venv/bin/python -m pip install -q "matplotlib>=3.8"

package=tools/bench/report
mkdir -p "$package/.deps"
ln -sfn "$root" "$package/.deps/edgesim"
echo "== Building report-benchmark (release)" >&2
swift build -c release --package-path "$package" --product report-benchmark >&2
binary="$(swift build -c release --package-path "$package" --show-bin-path)/report-benchmark"

work="$(mktemp -d)"
trap 'rm -rf "$work"; rm -f "$package/.deps/edgesim"' EXIT
"$binary" "$work/report" | tee "$work/swift.txt"
.venv/bin/python tools/bench/report_reference.py "$work/report" "$work/reference" | tee "$work/python.txt"
swift_seconds=$(awk '$1 == "report_s" {print $2}' "$work/swift.txt")
python_seconds=$(awk '$1 == "reference_s" {print $2}' "$work/python.txt")
awk -v s="$swift_seconds" -v p="$python_seconds" 'BEGIN { printf "report_speedup_vs_pandas_matplotlib %.1fx\n", p / s }'
