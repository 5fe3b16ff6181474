/// A replay driven step by step by external agents (the Python binding's
/// PettingZoo environment is built on it).
///
/// `reset(seed:)` starts an episode and runs to the first decision epoch;
/// `step(actions:)` applies one action per agent (ignored for agents without
/// a pending decision), runs to the next epoch and reports the outcome.
/// Between calls, observations, action masks, rewards and flags are read
/// without side effects.
///
/// - Epochs: in `arrival` mode, a step happens whenever tasks become ready
///   at agents (all agents with a task ready at the same simulated time
///   decide together, one task each; further tasks of an agent at that time
///   come in the following steps, at the same time). In `interval` mode,
///   every `intervalSeconds`, even when no agent has a task (PeersimGym's
///   ticks), and as many steps at an epoch as the longest inbox needs.
/// - Actions are candidate slots. An action outside the agent's candidates
///   is invalid: counted, flagged for the agent, rewarded exactly `-utility`,
///   and the task runs at the local slot (or slot 0) without earning any
///   further reward.
/// - Rewards (per agent, for the last call): dense rewards are credited at
///   the step whose action decided the task; sparse rewards when tasks the
///   agent decided complete or are dropped during the step.
/// - The episode ends `terminated` when every task drained before a
///   horizon, `truncated` at the horizon or after `stepLimit` steps; then
///   only `reset` is accepted.
///
/// For a C ABI, `bind(_:)` caller-owned buffers once, then call
/// `resetBound(seed:)` / `stepBound()`: nothing is allocated per step (the
/// event queue and task table grow to their high-water marks and stay).
///
/// Not thread-safe: one thread at a time per environment; separate
/// environments are independent.
public final class ReplayEnvironment {
    /// The scenario being replayed.
    public let scenario: CompiledScenario
    /// The observation layout (length, feature names, bounds).
    public let layout: ObservationLayout
    /// Whether every agent's observation row is rewritten each step (default
    /// true). When false, only agents with a pending decision get fresh rows,
    /// which saves time on large topologies; the decision mask says which.
    public var observesIdleAgents = true
    /// Truncates an episode after this many steps (nil: no step limit, only
    /// the horizon). The step that reaches the limit reports `truncated`,
    /// like the horizon does (PettingZoo's `max_cycles`). Values below 1 act
    /// as 1.
    public var stepLimit: Int?

    let engine: ReplayEngine
    private var hasReset = false
    private var failed = false
    /// Whether each agent's last action was invalid (a column: no exclusivity
    /// checks or reference counting on the stepping path).
    let invalidFlags: UnsafeColumn<Bool>
    var boundBuffers: StepBuffers?
    /// Steps taken since the last reset.
    public private(set) var stepCount = 0
    /// The seed of the current episode (the last `reset(seed:)`).
    public private(set) var episodeSeed: UInt64 = 0
    /// Resets so far (1 during the first episode); lets callers notice a new episode.
    public private(set) var episodeNumber = 0
    /// The state after the last reset or step.
    public private(set) var lastOutcome = StepOutcome(status: .running, decisions: 0, invalidActions: 0, timeSeconds: 0)

    /// Creates an environment; call `reset(seed:)` before stepping.
    ///
    /// - Parameters:
    ///   - scenario: The compiled scenario.
    ///   - options: Horizon override, load scale, observation scales, what to
    ///     collect (`seed` is ignored: `reset(seed:)` gives it).
    ///   - observer: Receives per-task records and queue samples.
    /// - Throws: `ReplayError.invalidOption` for bad options.
    public init(
        scenario: CompiledScenario, options: ReplayOptions = ReplayOptions(), observer: (any ReplayObserver)? = nil
    ) throws(ReplayError) {
        try options.validate()
        self.scenario = scenario
        engine = ReplayEngine(scenario: scenario, options: options, observer: observer)
        engine.computesRewards = true
        engine.stopsAtEveryEpoch = scenario.settings.decisions.mode == .interval
        layout = ObservationLayout(slotCount: scenario.slotCount)
        invalidFlags = UnsafeColumn(repeating: false, count: scenario.agentCount)
    }

    deinit {
        invalidFlags.deallocate()
    }

    // MARK: - Shape

    /// The number of agents (rows of every per-agent buffer).
    public var agentCount: Int { engine.agentCount }
    /// Candidate slots per agent (the action space is `0 ..< slotCount`).
    public var slotCount: Int { engine.slotCount }
    /// Values per observation row.
    public var observationLength: Int { layout.length }
    /// The agents' node ids, in agent order.
    public var agentNodeIds: [String] { scenario.agentNodeIds }

    // MARK: - Episodes

    /// Starts an episode seeded with `seed` and runs to the first decision epoch.
    ///
    /// - Throws: `ReplayError` when the workload cannot be opened or read.
    @discardableResult
    public func reset(seed: UInt64) throws(ReplayError) -> StepOutcome {
        hasReset = true
        failed = false
        stepCount = 0
        episodeSeed = seed
        episodeNumber += 1
        invalidFlags.fill(with: false)
        do {
            try engine.reset(seed: seed)
            engine.rewards.fill(with: 0)
            lastOutcome = outcome(after: try engine.advance(), invalid: 0)
        } catch {
            failed = true
            throw error
        }
        return lastOutcome
    }

    /// Applies one action per agent and runs to the next decision epoch.
    ///
    /// - Parameter actions: `agentCount` slot indices; entries of agents
    ///   without a pending decision are ignored.
    /// - Throws: `ReplayError.invalidState` before `reset` or after the
    ///   episode ended, `.bufferSize` for a wrong count, or a workload error.
    @discardableResult
    public func step(actions: UnsafeBufferPointer<Int32>) throws(ReplayError) -> StepOutcome {
        guard hasReset, !failed else {
            throw .invalidState(failed ? "the episode failed; call reset(seed:)" : "call reset(seed:) before step")
        }
        guard !lastOutcome.isOver else {
            throw .invalidState("the episode is over (\(lastOutcome.status)); call reset(seed:)")
        }
        guard actions.count == agentCount else {
            throw .bufferSize(name: "actions", expected: agentCount, found: actions.count)
        }
        engine.rewards.fill(with: 0)
        invalidFlags.fill(with: false)
        let flags = invalidFlags
        let invalid = engine.applyDueActions({ actions[Int($0)] }, invalid: { flags[Int($0)] = true })
        stepCount += 1
        do {
            lastOutcome = outcome(after: try engine.advance(), invalid: invalid)
            if lastOutcome.status == .running, let stepLimit, stepCount >= stepLimit {
                lastOutcome.status = .truncated
            }
        } catch {
            failed = true
            throw error
        }
        return lastOutcome
    }

    /// Applies `actions` (one per agent); see `step(actions:)` for buffers.
    @discardableResult
    public func step(actions: [Int32]) throws(ReplayError) -> StepOutcome {
        let result: Result<StepOutcome, ReplayError> = actions.withUnsafeBufferPointer { buffer in
            do throws(ReplayError) {
                return .success(try step(actions: buffer))
            } catch {
                return .failure(error)
            }
        }
        return try result.get()
    }

    private func outcome(after result: AdvanceResult, invalid: Int) -> StepOutcome {
        let status: StepOutcome.Status
        switch result {
        case .decisions, .epoch: status = .running
        case .finished: status = engine.stoppedAtHorizon ? .truncated : .terminated
        }
        return StepOutcome(status: status, decisions: engine.dueAgents.count, invalidActions: invalid,
                           timeSeconds: engine.now)
    }

    // MARK: - Reading the state

    /// Simulated time in seconds.
    public var timeSeconds: Double { engine.now }

    /// Whether `agent` must decide this step.
    public func hasDecision(agent: Int) -> Bool { engine.pendingTask(of: agent) >= 0 }

    /// The agents with a pending decision, ascending.
    public var pendingAgents: [Int] { (0..<agentCount).filter { hasDecision(agent: $0) } }

    /// Each agent's reward for the last reset or step.
    public var rewards: [Double] { (0..<agentCount).map { engine.rewards[$0] } }

    /// Whether each agent's last action was invalid.
    public var invalidActions: [Bool] { (0..<agentCount).map { invalidFlags[$0] } }

    /// Writes every agent's observation (`agentCount · observationLength` values).
    ///
    /// - Throws: `ReplayError.bufferSize` for a wrong size.
    public func writeObservations(into buffer: UnsafeMutableBufferPointer<Float>) throws(ReplayError) {
        let length = observationLength
        guard buffer.count == agentCount * length else {
            throw .bufferSize(name: "observations", expected: agentCount * length, found: buffer.count)
        }
        engine.beginObservationPass()
        for agent in 0..<agentCount where observesIdleAgents || hasDecision(agent: agent) {
            engine.writeObservation(
                agent: agent, into: UnsafeMutableBufferPointer(rebasing: buffer[(agent * length)..<((agent + 1) * length)]))
        }
    }

    /// The observation of one agent.
    public func observation(agent: Int) -> [Float] {
        var row = [Float](repeating: 0, count: observationLength)
        engine.beginObservationPass()
        row.withUnsafeMutableBufferPointer { engine.writeObservation(agent: agent, into: $0) }
        return row
    }

    /// Writes every agent's action mask (`agentCount · slotCount` values).
    ///
    /// - Throws: `ReplayError.bufferSize` for a wrong size.
    public func writeActionMasks(into buffer: UnsafeMutableBufferPointer<UInt8>) throws(ReplayError) {
        guard buffer.count == agentCount * slotCount else {
            throw .bufferSize(name: "actionMasks", expected: agentCount * slotCount, found: buffer.count)
        }
        for agent in 0..<agentCount {
            engine.writeActionMask(
                agent: agent,
                into: UnsafeMutableBufferPointer(rebasing: buffer[(agent * slotCount)..<((agent + 1) * slotCount)]))
        }
    }

    /// The action mask of one agent.
    public func actionMask(agent: Int) -> [UInt8] {
        var row = [UInt8](repeating: 0, count: slotCount)
        row.withUnsafeMutableBufferPointer { engine.writeActionMask(agent: agent, into: $0) }
        return row
    }

    /// The actions `policy` takes now: its slot for each agent with a pending
    /// decision, 0 for the others (so Python can run the Swift baselines).
    ///
    /// - Throws: `ReplayError.bufferSize` for a wrong size.
    public func actions<P: Policy>(from policy: inout P, into buffer: UnsafeMutableBufferPointer<Int32>) throws(ReplayError) {
        guard buffer.count == agentCount else {
            throw .bufferSize(name: "actions", expected: agentCount, found: buffer.count)
        }
        for agent in 0..<agentCount {
            let task = engine.pendingTask(of: agent)
            buffer[agent] = task >= 0
                ? Int32(clamping: policy.decide(DecisionView(engine: engine, agent: agent, task: Int(task)))) : 0
        }
    }

    /// The actions `policy` takes now (see `actions(from:into:)`).
    public func actions<P: Policy>(from policy: inout P) -> [Int32] {
        (0..<agentCount).map { agent in
            let task = engine.pendingTask(of: agent)
            return task >= 0 ? Int32(clamping: policy.decide(DecisionView(engine: engine, agent: agent, task: Int(task)))) : 0
        }
    }

    /// The result so far (final once the episode is over).
    public func result(policyName: String = "external") -> ReplayResult {
        engine.result(policyName: policyName)
    }
}
