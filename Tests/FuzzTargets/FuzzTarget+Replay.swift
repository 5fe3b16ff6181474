import ScenarioModel
import Simulator
import StreamingIO

extension FuzzTarget {
    // MARK: - Replay

    /// Tasks a fuzzed scenario may generate: enough to exercise the engine, few enough for 1 s per input.
    static let maximumReplayTasks = 5_000.0

    /// Replays a valid scenario (embedded topology and workload, or synthetic arrivals) with a
    /// baseline policy picked by the input's length; the summary must conserve tasks and every
    /// figure must be finite or absent.
    static func replay(_ bytes: [UInt8], _ scratch: FuzzScratch) -> String? {
        let path = scratch.write(bytes, suffix: ".scenario.json")
        let report = ScenarioValidator(maximumIssues: 5).validate(path: path)
        for issue in report.issues { if let finding = oneLine(issue.description) { return finding } }
        guard report.isValid, let (scenario, _) = try? Scenario.decode(path: path),
            case .embedded(let topology) = scenario.topology
        else { return nil }
        if case .synthetic = scenario.workload {
            let synthetic = scenario.settings.syntheticArrivals
            let origins = Double(topology.nodes.filter { scenario.settings.origins.kinds.contains($0.kind) }.count)
            let horizon = scenario.settings.horizonSeconds ?? synthetic.durationSeconds
            let expected = synthetic.ratePerSecondPerOrigin * min(synthetic.durationSeconds, horizon) * max(origins, 1)
            guard expected <= maximumReplayTasks else { return nil }
        }
        let compiled: CompiledScenario
        do {
            compiled = try CompiledScenario(scenario: scenario)
        } catch {
            return oneLine(error.description)
        }
        let kinds = BaselinePolicy.Kind.allCases
        var policy = BaselinePolicy(kinds[bytes.count % kinds.count])
        let result: ReplayResult
        do {
            result = try Replay.run(compiled, policy: &policy, options: ReplayOptions(seed: UInt64(bytes.count)))
        } catch {
            return oneLine(error.description)
        }
        let summary = result.summary
        guard summary.isConserved else { return "a replay lost tasks: \(summary)" }
        for value in [summary.meanLatencySeconds, summary.p50LatencySeconds, summary.p95LatencySeconds,
                      summary.p99LatencySeconds, summary.energyJoules, summary.simulatedTimeSeconds]
        where value.map({ !$0.isFinite }) ?? false {
            return "a replay reported a non-finite figure: \(summary)"
        }
        return nil
    }
}
