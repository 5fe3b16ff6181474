import BenchReport
import ScenarioModel
import Simulator

/// Runs the jobs of a bench matrix through the simulator: each job replays its
/// scenario with a baseline policy, the job's seed and the job's sweep value.
///
/// ```swift
/// let plan = try BenchPlan(spec: spec)
/// let results = try MatrixRunner(runner: ReplayRunner(), workerCount: 2).run(plan)
/// try ReportFolderWriter(summary: BenchSummary(results: results)).write(toFolder: "report")
/// ```
///
/// Each scenario file is read and compiled once (once per value when the sweep
/// changes a scenario setting), in `validate(_:)`, before any job runs, so a
/// broken scenario fails at once; the compiled scenarios are shared by every
/// worker thread. Each run collects its completion latencies (for the latency
/// CDF) and samples queue occupancy (for the occupancy plot): by default 500
/// samples over the arrivals (the horizon, when there is one), continuing
/// while the replay drains.
///
/// `events` in the summary excludes the queue samples the runner adds, so the
/// figures equal those of `edgesim replay` without `--queue-sample-seconds`.
///
/// Thread safety: a value of this type may run jobs on any number of threads at once.
public struct ReplayRunner: BenchRunner {
    /// Every baseline policy, the default policies of a bench.
    public static var baselinePolicies: [String] { BaselinePolicy.Kind.allCases.map(\.rawValue) }

    /// Queue samples per run over the arrival span, when no interval is given.
    public static let queueSamplesPerArrivalSpan = 500

    /// The sampling interval when the arrivals take no time (every task at 0), in seconds.
    public static let fallbackQueueSampleIntervalSeconds = 1.0

    /// The queue-sampling interval in simulated seconds, or nil to derive it from each scenario.
    public let queueSampleIntervalSeconds: Double?

    private let cache = ScenarioCache()

    /// Creates a runner.
    ///
    /// - Parameter queueSampleIntervalSeconds: Sample queue occupancy this often (simulated
    ///   seconds); nil divides each run's arrival span (or horizon) into `queueSamplesPerArrivalSpan`.
    public init(queueSampleIntervalSeconds: Double? = nil) {
        self.queueSampleIntervalSeconds = queueSampleIntervalSeconds
    }

    // MARK: - BenchRunner

    /// Checks the policies, the sweep and the sampling interval, then reads and
    /// compiles every scenario (and measures its arrival span when needed).
    ///
    /// - Throws: `ReplayBenchError` naming the unknown policy or parameter, the
    ///   bad value, or the scenario file and line that cannot be replayed.
    public func validate(_ plan: BenchPlan) throws(ReplayBenchError) {
        if let interval = queueSampleIntervalSeconds, !(interval > 0 && interval.isFinite) {
            throw .invalidQueueSampleInterval(interval)
        }
        for name in plan.spec.policies { _ = try Self.policy(named: name) }
        var overrides: [ScenarioCache.SettingsOverride?] = [nil]
        var parameter: ReplaySweepParameter?
        if let sweep = plan.spec.sweep {
            let swept = try ReplaySweepParameter(named: sweep.parameter)
            for value in sweep.values { try swept.check(value) }
            if swept.changesSettings {
                overrides = sweep.values.map { ScenarioCache.SettingsOverride(parameter: swept, value: $0) }
            }
            parameter = swept
        }
        for scenario in plan.spec.scenarios {
            for override in overrides {
                try entry(path: scenario.path, override: override, parameter: parameter)
            }
        }
    }

    /// Replays one job.
    ///
    /// - Throws: `ReplayBenchError` for an unknown policy or sweep parameter, or
    ///   `.replay` when the scenario cannot be read or the replay fails (with the file and line).
    public func run(_ job: BenchJob) throws(ReplayBenchError) -> BenchRunResult {
        var policy = try Self.policy(named: job.policy)
        var options = ReplayOptions(seed: job.seed, collectLatencies: true)
        var parameter: ReplaySweepParameter?
        var override: ScenarioCache.SettingsOverride?
        if let point = job.sweepPoint {
            let swept = try ReplaySweepParameter(named: point.parameter)
            try swept.check(point.value)
            swept.apply(point.value, to: &options)
            if swept.changesSettings { override = ScenarioCache.SettingsOverride(parameter: swept, value: point.value) }
            parameter = swept
        }
        let entry = try entry(path: job.scenario.path, override: override, parameter: parameter)
        let interval = queueSampleIntervalSeconds ?? Self.defaultQueueSampleInterval(entry, options: options)
        options.queueSampleIntervalSeconds = interval
        do {
            let result = try Replay.run(entry.compiled, policy: &policy, options: options)
            return BenchRunResult(replay: result, queueSampleIntervalSeconds: interval)
        } catch {
            throw .replay(error)
        }
    }

    // MARK: - Helpers

    @discardableResult
    private func entry(
        path: String, override: ScenarioCache.SettingsOverride?, parameter: ReplaySweepParameter?
    ) throws(ReplayBenchError) -> ScenarioCache.Entry {
        let needsArrivalSpan = queueSampleIntervalSeconds == nil && parameter != .horizonSeconds
        do {
            let key = ScenarioCache.Key(path: path, override: override)
            return try cache.entry(for: key, needsArrivalSpan: needsArrivalSpan)
        } catch {
            throw .replay(error)
        }
    }

    static func policy(named name: String) throws(ReplayBenchError) -> BaselinePolicy {
        guard let kind = BaselinePolicy.Kind(rawValue: name) else {
            throw .unknownPolicy(name, known: baselinePolicies)
        }
        return BaselinePolicy(kind)
    }

    /// The horizon, or the arrival span at the run's load, divided into `queueSamplesPerArrivalSpan`.
    static func defaultQueueSampleInterval(
        _ entry: ScenarioCache.Entry, options: ReplayOptions
    ) -> Double {
        let span: Double
        if let horizon = options.horizonSeconds ?? entry.compiled.settings.horizonSeconds {
            span = horizon
        } else if case .synthetic = entry.compiled.scenario.workload {
            // The synthetic duration does not scale with the load (the rate does).
            span = entry.arrivalSpanSeconds ?? 0
        } else {
            span = (entry.arrivalSpanSeconds ?? 0) / options.arrivalRateScale
        }
        let interval = span / Double(queueSamplesPerArrivalSpan)
        return interval > 0 && interval.isFinite ? interval : fallbackQueueSampleIntervalSeconds
    }
}
