/// Runs whole replays with a Swift policy.
///
/// ```swift
/// let compiled = try CompiledScenario.load(path: "demo.scenario.json")
/// var policy = BaselinePolicy(.earliestFinish)
/// let result = try Replay.run(compiled, policy: &policy, options: ReplayOptions(seed: 7))
/// print(result.summary.completed)
/// ```
///
/// Thread safety: `run` keeps all mutable state local to the call; any number
/// of replays of the same `CompiledScenario` may run concurrently on
/// different threads, each with its own policy and observer.
public enum Replay {
    /// Replays `scenario` with `policy` deciding for every agent.
    ///
    /// At each decision epoch every due agent's choice is taken from the same
    /// state, then the choices are applied in agent order (the stepping
    /// API's simultaneous-move semantics, so a policy replayed here and the
    /// same policy driven through `ReplayEnvironment` give identical results).
    ///
    /// - Parameters:
    ///   - scenario: The compiled scenario.
    ///   - policy: The decision rule; reset with the replay's seed first.
    ///   - options: Seed and horizon overrides, load scale, what to collect.
    ///   - observer: Receives per-task records and queue samples as they happen.
    /// - Returns: The summary, details, per-node statistics and what `options` asked to collect.
    /// - Throws: `ReplayError` for invalid options or a workload that fails mid-stream.
    /// - Complexity: O(events · log(events in flight)); memory grows with the
    ///   tasks in flight, not with the workload (unless latencies are collected).
    public static func run<P: Policy>(
        _ scenario: CompiledScenario, policy: inout P, options: ReplayOptions = ReplayOptions(),
        observer: (any ReplayObserver)? = nil
    ) throws(ReplayError) -> ReplayResult {
        try options.validate()
        let engine = ReplayEngine(scenario: scenario, options: options, observer: observer)
        let seed = options.seed ?? scenario.settings.seed
        try engine.reset(seed: seed)
        policy.reset(seed: seed, agentCount: scenario.agentCount)
        var choices: [Int32] = []
        while case .decisions = try engine.advance() {
            choices.removeAll(keepingCapacity: true)
            for position in 0..<engine.dueAgents.count {
                let agent = engine.dueAgents[position]
                let view = DecisionView(engine: engine, agent: Int(agent), task: Int(engine.inboxHead[Int(agent)]))
                choices.append(Int32(clamping: policy.decide(view)))
            }
            var position = 0
            engine.applyDueActions { _ in
                defer { position += 1 }
                return choices[position]
            }
        }
        return engine.result(policyName: policy.name)
    }
}

extension ReplayEngine {
    /// The result of a finished (or interrupted) replay.
    func result(policyName: String) -> ReplayResult {
        ReplayResult(
            summary: summary(), details: details(), nodes: nodeStatistics(), latencies: collectedLatencies,
            queueSamples: queueSamples, seed: seed, policyName: policyName)
    }
}
