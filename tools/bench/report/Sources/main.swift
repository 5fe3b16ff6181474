// Measures the BenchReport stage on a synthetic bench (no simulator needed):
//   1. the matrix runner with 1 and 2 workers on CPU-bound jobs (speedup, identical results);
//   2. summarising and writing the whole report folder (CSV, Markdown, HTML, SVG charts).
// Each figure is the best of three runs. Prints one `name value` line per figure;
// tools/bench/report.sh compares them with pandas + SciPy + matplotlib doing the
// same tables and charts.
//
//   report-benchmark OUTPUT_FOLDER

import BenchReport
import ScenarioModel

#if canImport(Glibc)
import Glibc
#endif

/// A CPU-bound stand-in for replays: draws lognormal latencies, sorts them for
/// percentiles, and samples an occupancy series; everything follows from the job.
struct SyntheticRunner: BenchRunner {
    let tasks = 20_000
    let samples = 2_000

    func run(_ job: BenchJob) throws -> BenchRunResult {
        var generator = SeededGenerator(seed: job.seed, stream: UInt64(job.scenarioIndex * 1000 + job.policyIndex))
        let load = job.sweepPoint?.value ?? 1
        let scale = 0.05 * Double(job.policyIndex + 1) * load
        var latencies = (0..<tasks).map { _ in generator.lognormal(shape: 0.6, location: 0, scale: scale) }
        latencies.sort()
        let dropped = Int(Double(tasks) * min(0.5, 0.01 * load * Double(job.policyIndex)))
        let completed = Array(latencies.prefix(tasks - dropped))
        let distribution = EmpiricalCDF(completed)
        let occupancy = (0..<samples).map { index in
            max(0, 3 * load * Double(job.policyIndex + 1) + 2 * sin(Double(index) / 40) + generator.standardNormal())
        }
        let summary = ReplaySummary(
            tasks: tasks, completed: completed.count, droppedQueueFull: dropped, droppedDeadline: 0,
            late: completed.count / 50, unfinished: 0, meanLatencySeconds: completed.reduce(0, +) / Double(completed.count),
            p50LatencySeconds: distribution.quantile(0.5), p95LatencySeconds: distribution.quantile(0.95),
            p99LatencySeconds: distribution.quantile(0.99), energyJoules: 1000 * load * Double(job.policyIndex + 2),
            events: 3 * tasks, simulatedTimeSeconds: 600)
        return BenchRunResult(
            summary: summary, completionLatenciesSeconds: completed,
            queueOccupancy: QueueOccupancySeries(intervalSeconds: 0.3, queueLengths: occupancy))
    }
}

func seconds() -> Double { TerminalProgressBar.monotonicSeconds() }

func main() throws {
    let arguments = CommandLine.arguments
    guard arguments.count == 2 else {
        print("usage: report-benchmark OUTPUT_FOLDER")
        exit(64)
    }
    let spec = BenchSpec(
        name: "synthetic benchmark",
        scenarios: ["edge", "campus"].map { BenchScenario(name: $0, path: "\($0).scenario.json") },
        policies: ["local", "random", "least-queue", "earliest-finish", "cloud"], seeds: Array(1...10),
        sweep: ParameterSweep(parameter: "arrivalRateScale", from: 0.5, to: 1.25, steps: 4))
    let plan = try BenchPlan(spec: spec)
    var figures: [(String, String)] = [("jobs", String(plan.jobs.count)), ("tasks_per_job", "20000")]

    // Best of three: the machine may be shared, and the minimum is the least disturbed run.
    func bestOfThree<Result>(_ body: () throws -> Result) rethrows -> (Result, Double) {
        var start = seconds()
        let result = try body()
        var best = seconds() - start
        for _ in 0..<2 {
            start = seconds()
            _ = try body()
            best = min(best, seconds() - start)
        }
        return (result, best)
    }
    let (sequential, sequentialSeconds) = try bestOfThree {
        try MatrixRunner(runner: SyntheticRunner(), workerCount: 1).run(plan)
    }
    let (parallel, parallelSeconds) = try bestOfThree {
        try MatrixRunner(runner: SyntheticRunner(), workerCount: 2).run(plan)
    }
    figures += [
        ("matrix_jobs1_s", DecimalFormat.three(sequentialSeconds)), ("matrix_jobs2_s", DecimalFormat.three(parallelSeconds)),
        ("matrix_speedup", DecimalFormat.three(sequentialSeconds / parallelSeconds)),
        ("identical_results", String(sequential.records == parallel.records)),
    ]

    let (written, reportSeconds) = try bestOfThree {
        try ReportFolderWriter(summary: BenchSummary(results: parallel), generator: "report-benchmark")
            .write(toFolder: arguments[1])
    }
    figures += [
        ("report_files", String(written.count)),
        ("report_svg_charts", String(written.filter { $0.hasSuffix(".svg") }.count)),
        ("report_s", DecimalFormat.three(reportSeconds)),
    ]
    for (name, value) in figures { print("\(name) \(value)") }
}

enum DecimalFormat {
    static func three(_ value: Double) -> String {
        let thousandths = Int((value * 1000).rounded())
        let fraction = String(thousandths % 1000)
        return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
    }
}

do {
    try main()
} catch {
    print("report-benchmark: error: \(error)")
    exit(1)
}
