import ArgumentParser
import BenchReport
import ReplayBench

#if canImport(Glibc)
import Glibc
#endif

/// `edgesim bench`: replays scenarios x policies x seeds (x sweep values) in
/// parallel and writes a report folder with tables and SVG plots.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract:
            "Replay scenarios under several policies and seeds; write tables with confidence intervals and plots.",
        usage: """
            edgesim bench SCENARIO... [--policies P1,P2,...] [--seeds 1..10] -o REPORT_DIR [--jobs N]
            edgesim bench --spec STUDY.bench.json -o REPORT_DIR [options that replace the spec's]
            """,
        discussion: """
            Runs every scenario x sweep value x policy x seed (a replay each, as \
            `edgesim replay` does it) on --jobs worker threads; the outputs are \
            byte-identical whatever the number of workers. A progress bar shows on \
            standard error when it is a terminal; the summary table (mean ± 95 % \
            confidence half-width over seeds, Student's t) prints to standard output.

            REPORT_DIR gets, each file written atomically: results.csv (one row per \
            run: scenario, the sweep parameter, policy, seed, then every summary figure \
            of `edgesim replay`), summary.csv (per scenario x sweep value x policy: mean, \
            sd, 95 % CI and n of mean_latency_s, p95_latency_s, drop_rate, \
            deadline_miss_rate, energy_j), summary.md, report.html (tables and every \
            chart, self-contained) and plots/*.svg: latency CDF, drop rate and energy \
            per policy (bars with CI whiskers), queue occupancy over time (first seed), \
            and with a sweep, mean latency and drop rate against the swept parameter.

            Policies: local, random, round-robin, least-queue, earliest-finish, cloud \
            (default: all). A spec file (JSON, format edgesim-bench, schema in \
            tools/schemas/bench.schema.json) names scenarios, policies, seeds and a \
            sweep, so a study is one command; options given next to --spec replace its \
            values. Scenario paths are relative to the spec file:

              {"format": "edgesim-bench", "version": 1, "name": "load study",
               "scenarios": ["edge.scenario.json"], "policies": ["local", "cloud"],
               "seeds": "1..10", "sweep": {"parameter": "arrivalRateScale",
               "from": 0.5, "to": 1.5, "steps": 5}}

            Sweepable parameters: arrivalRateScale, horizonSeconds, \
            queueGraceSeconds, candidates.hops, candidates.maxCandidates, \
            decisions.intervalSeconds, syntheticArrivals.ratePerSecondPerOrigin, \
            syntheticArrivals.durationSeconds (settings are overridden per value), e.g. \
            --sweep arrivalRateScale=0.5..1.5:5 gives a latency-vs-load plot.

            Summary keys: name, scenarios, policies, seeds, sweep_parameter, \
            sweep_values, runs, tasks, completed, dropped, events, report, files, cells \
            (per scenario x sweep value x policy: scenario, the sweep parameter, policy, \
            runs, and for each of mean_latency_s, p95_latency_s, drop_rate, \
            deadline_miss_rate, energy_j the mean and its 95 % half-width as NAME and \
            NAME_ci95; null when undefined).
            """
    )

    @OptionGroup var arguments: BenchArguments

    @Option(help: """
        Sample queue occupancy every this many simulated seconds (default: 500 samples over each run's arrivals, \
        or its horizon).
        """)
    var queueSampleSeconds: Double?

    @Option(
        name: .customLong("summary-json"),
        help: "Write a JSON summary to this path (`-` for standard output; the table then goes to standard error).")
    var summaryPath: String?

    func validate() throws {
        if let queueSampleSeconds, !(queueSampleSeconds > 0 && queueSampleSeconds.isFinite) {
            throw ValidationError("--queue-sample-seconds must be a positive number, found \(queueSampleSeconds)")
        }
        if arguments.output == "-" {
            throw ValidationError("-o: the report is a folder of files; standard output cannot hold it")
        }
        // Lists typed on the command line are checked here, so their errors print this verb's usage.
        if let policies = arguments.policies {
            let names = try Self.parsed(BenchListSyntax.names(policies, what: "policy"), option: "--policies")
            for name in names { try Self.checkPolicy(name).map { throw ValidationError("--policies: " + $0) } }
        }
        if let seeds = arguments.seeds { _ = try Self.parsed(BenchListSyntax.seeds(seeds), option: "--seeds") }
        if let sweep = arguments.sweep {
            let parsed = try Self.parsed(BenchListSyntax.sweep(sweep), option: "--sweep")
            try Self.checkSweep(parsed).map { throw ValidationError("--sweep: " + $0) }
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            let started = TerminalProgressBar.monotonicSeconds()
            var spec = try arguments.makeSpec(defaultPolicies: ReplayRunner.baselinePolicies)
            try checkAgainstSimulator(&spec)
            let plan = try BenchPlan(spec: spec)
            let workers = min(try arguments.workerCount(), plan.jobs.count)
            let replays = ReplayRunner(queueSampleIntervalSeconds: queueSampleSeconds)
            let runner = MatrixRunner(runner: replays, workerCount: workers)
            let bar = TerminalProgressBar()
            let results: BenchResults
            do {
                results = try runner.run(plan) { bar.update($0) }
                bar.finish()
            } catch {
                bar.finish()
                throw error
            }
            let summary = BenchSummary(results: results)
            let written = try ReportFolderWriter(summary: summary, generator: "edgesim \(EdgeSimVersion.current)")
                .write(toFolder: arguments.output)
            let table = TerminalTable.text(summary)
            if summaryPath == "-" { StandardError.write(table) } else { StandardOutput.write(table) }
            if let summaryPath {
                try SummaryReport(bench: summary, reportFolder: arguments.output, files: written).write(to: summaryPath)
            }
            let seconds = TerminalProgressBar.monotonicSeconds() - started
            let plots = written.filter { $0.hasPrefix("plots/") }.count
            StandardError.write(
                "bench: \(plan.jobs.count) runs on \(workers) \(workers == 1 ? "worker" : "workers") in "
                    + "\(DurationText.seconds(seconds)) -> \(arguments.output)/ (results.csv, summary.csv, summary.md, "
                    + "report.html, \(plots) plots)")
        }
    }

    /// Rejects policies and sweep parameters of a spec file that the simulator
    /// does not know (data errors naming the file; the command line's were
    /// checked in `validate()`), and gives an unlabelled sweep its axis title.
    private func checkAgainstSimulator(_ spec: inout BenchSpec) throws {
        let source = arguments.spec ?? "bench"
        for policy in spec.policies {
            if let problem = Self.checkPolicy(policy) { throw CommandFailure.fail("\(source): $.policies: \(problem)") }
        }
        guard let sweep = spec.sweep else { return }
        if let problem = Self.checkSweep(sweep) { throw CommandFailure.fail("\(source): $.sweep: \(problem)") }
        if sweep.label == nil, let parameter = try? ReplaySweepParameter(named: sweep.parameter) {
            spec.sweep?.label = parameter.label
        }
    }

    /// Why the simulator cannot run `policy`, or nil.
    private static func checkPolicy(_ policy: String) -> String? {
        guard !ReplayRunner.baselinePolicies.contains(policy) else { return nil }
        return "unknown policy '\(policy)' (known: \(ReplayRunner.baselinePolicies.joined(separator: ", ")))"
    }

    /// Why the simulator cannot sweep `sweep`, or nil.
    private static func checkSweep(_ sweep: ParameterSweep) -> String? {
        do {
            let parameter = try ReplaySweepParameter(named: sweep.parameter)
            for value in sweep.values { try parameter.check(value) }
            return nil
        } catch {
            return error.description
        }
    }

    private static func parsed<Value>(_ result: Result<Value, SyntaxProblem>, option: String) throws -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let problem): throw ValidationError("\(option): \(problem.message)")
        }
    }
}
