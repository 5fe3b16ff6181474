import ScenarioModel
import Simulator
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The stepping interface external agents (the Python binding) drive.
@Suite("Stepping API")
struct SteppingTests {
    private func environment(_ settings: ModelSettings = ModelSettings(), options: ReplayOptions = ReplayOptions())
        throws -> ReplayEnvironment
    {
        try ReplayEnvironment(scenario: SampleReplayTests.sampleScenario(settings), options: options)
    }

    @Test("shapes, names, bounds and masks after reset")
    func shapes() throws {
        let environment = try environment()
        #expect(environment.agentCount == 3)
        #expect(environment.slotCount == 4)
        #expect(environment.observationLength == 10 + 4 * 8)
        #expect(environment.layout.featureNames.count == environment.observationLength)
        #expect(environment.layout.featureNames[10] == "slot0.valid")
        let outcome = try environment.reset(seed: 1)
        #expect(outcome.status == .running)
        #expect(outcome.decisions >= 1)
        for agent in 0..<environment.agentCount {
            let observation = environment.observation(agent: agent)
            #expect(observation.allSatisfy { $0.isFinite && $0 >= 0 && $0 <= 1 })
            let mask = environment.actionMask(agent: agent)
            if environment.hasDecision(agent: agent) {
                #expect(observation[0] == 1)
                #expect(mask == [1, 1, 1, 1])
            } else {
                #expect(observation[0] == 0)
                #expect(mask == [1, 0, 0, 0])
            }
        }
    }

    @Test("padded slots are masked and observed as invalid")
    func paddedSlots() throws {
        var settings = ModelSettings()
        settings.agents = AgentSelection(kinds: [.device, .edge])
        let environment = try environment(settings)
        try environment.reset(seed: 1)
        let nuc = try #require(environment.agentNodeIds.firstIndex(of: "nuc_0"))
        let observation = environment.observation(agent: nuc)
        let validOfLastSlot = observation[environment.layout.index(slot: 3, feature: 0)]
        #expect(validOfLastSlot == 0)
        #expect(environment.slotCount == 4)
    }

    @Test("invalid actions are reported, penalised and run locally, never a crash", arguments: [
        (Int32(-1), RewardSettings.Kind.sparse), (4, .dense), (1000, .sparse), (Int32.min, .dense),
    ])
    func invalidActions(action: Int32, reward: RewardSettings.Kind) throws {
        var settings = ModelSettings()
        settings.reward.kind = reward
        let environment = try environment(settings)
        try environment.reset(seed: 1)
        let agent = try #require(environment.pendingAgents.first)
        var actions = [Int32](repeating: 0, count: environment.agentCount)
        actions[agent] = action
        let outcome = try environment.step(actions: actions)
        #expect(outcome.invalidActions == 1)
        #expect(environment.invalidActions[agent])
        #expect(environment.rewards[agent] == -10)
        #expect(environment.result().details.invalidActions == 1)
        #expect(environment.result().details.offloaded == 0)
    }

    @Test("stepping with a policy's actions reproduces Replay.run exactly",
          arguments: [BaselinePolicy.Kind.leastQueue, .earliestFinish, .random, .roundRobin])
    func matchesReplay(kind: BaselinePolicy.Kind) throws {
        for mode in [DecisionEpoch.Mode.arrival, .interval] {
            var settings = ModelSettings()
            settings.decisions = DecisionEpoch(mode: mode, intervalSeconds: 0.25)
            let compiled = try SampleReplayTests.sampleScenario(settings)
            var policy = BaselinePolicy(kind)
            let expected = try Replay.run(compiled, policy: &policy)
            let environment = try ReplayEnvironment(scenario: compiled)
            var stepping = BaselinePolicy(kind)
            stepping.reset(seed: 1, agentCount: environment.agentCount)
            var outcome = try environment.reset(seed: 1)
            var steps = 0
            while !outcome.isOver {
                outcome = try environment.step(actions: environment.actions(from: &stepping))
                steps += 1
            }
            let result = environment.result()
            #expect(result.summary == expected.summary, "\(kind) \(mode)")
            #expect(result.details.decisions == expected.details.decisions)
            #expect(outcome.status == .terminated)
            #expect(result.summary.unfinished == 0, "without a horizon every task finishes")
            if mode == .interval {
                // One step per epoch at least: PeersimGym-style ticks.
                #expect(steps >= Int(result.summary.simulatedTimeSeconds / 0.25))
            }
        }
    }

    /// Every observation, mask and reward of an episode driven by a seeded random agent.
    private func trajectory(seed: UInt64, settings: ModelSettings) throws -> [[Float]] {
        let environment = try environment(settings, options: ReplayOptions(horizonSeconds: 60))
        var generator = SeededGenerator(seed: 99)
        var trace: [[Float]] = []
        var outcome = try environment.reset(seed: seed)
        var observations = [Float](repeating: 0, count: environment.agentCount * environment.observationLength)
        var masks = [UInt8](repeating: 0, count: environment.agentCount * environment.slotCount)
        while !outcome.isOver {
            try observations.withUnsafeMutableBufferPointer { try environment.writeObservations(into: $0) }
            try masks.withUnsafeMutableBufferPointer { try environment.writeActionMasks(into: $0) }
            trace.append(observations + masks.map(Float.init) + environment.rewards.map(Float.init))
            let actions = (0..<environment.agentCount).map { _ in Int32.random(in: 0..<4, using: &generator) }
            outcome = try environment.step(actions: actions)
        }
        trace.append(environment.rewards.map(Float.init) + [outcome.status == .truncated ? 1 : 0])
        return trace
    }

    @Test("interval epochs: every tick is a step; a tick repeats only while agents still have tasks")
    func intervalEpochs() throws {
        var settings = ModelSettings(horizonSeconds: 20)
        settings.decisions = DecisionEpoch(mode: .interval, intervalSeconds: 0.5)
        let environment = try environment(settings)
        var outcome = try environment.reset(seed: 1)
        var steps: [(time: Double, decisions: Int)] = []
        while !outcome.isOver {
            steps.append((outcome.timeSeconds, outcome.decisions))
            outcome = try environment.step(actions: [0, 0, 0])
        }
        #expect(outcome.status == .truncated)
        #expect(Set(steps.map(\.time)) == Set((1...40).map { Double($0) * 0.5 }))
        #expect(steps.contains { $0.decisions == 0 }, "ticks without tasks are steps too")
        #expect(steps.contains { $0.decisions > 0 })
        for index in 1..<steps.count where steps[index].time == steps[index - 1].time {
            #expect(steps[index].decisions > 0, "a repeated tick at \(steps[index].time) without decisions")
        }
    }

    @Test("the same seed gives the same episode, step for step; another seed another", arguments: [
        RewardSettings.Kind.dense, .sparse,
    ])
    func determinism(reward: RewardSettings.Kind) throws {
        var settings = ModelSettings()
        settings.reward.kind = reward
        settings.reward.energyWeight = 0.01
        let first = try trajectory(seed: 4, settings: settings)
        let second = try trajectory(seed: 4, settings: settings)
        #expect(first == second)
        #expect(first.count > 50)
        #expect(first.last?.last == 1, "the 60 s horizon truncates the episode")
        let flat = first.dropLast().flatMap { $0 }
        #expect(flat.allSatisfy { $0.isFinite })
    }

    @Test("sparse rewards add up to utility · (completed - dropped) of decided tasks")
    func sparseRewardAccounting() throws {
        var settings = ModelSettings(horizonSeconds: 200)
        settings.reward = RewardSettings(kind: .sparse, utility: 2)
        settings.syntheticArrivals = SyntheticArrivals(ratePerSecondPerOrigin: 4, durationSeconds: 100,
                                                       taskTypes: [.init(instructions: 1_500_000_000, relativeDeadlineSeconds: 1)])
        let compiled = try CompiledScenario(scenario: Scenario(
            name: "sparse", topology: .file(path: ConservationTests.sampleTopology), settings: settings))
        let environment = try ReplayEnvironment(scenario: compiled)
        var outcome = try environment.reset(seed: 2)
        var total = 0.0
        while !outcome.isOver {
            outcome = try environment.step(actions: [Int32](repeating: 0, count: environment.agentCount))
            total += environment.rewards.reduce(0, +)
        }
        let summary = environment.result().summary
        let dropped = summary.droppedDeadline + summary.droppedQueueFull
        #expect(dropped > 0)
        #expect(total == 2 * Double(summary.completed - dropped))
    }

    @Test("dense rewards: utility minus weighted delays, overload and energy")
    func denseReward() throws {
        // One task at an idle device, kept local: wait 0, transfer 0, execution 0.2 s (2.2e8 instr at 1100 MIPS).
        var settings = ModelSettings()
        settings.reward = RewardSettings(kind: .dense, utility: 10, executionWeight: 2, overloadWeight: 1)
        let topology = try Topology.load(path: ConservationTests.sampleTopology)
        let compiled = try TestScenarios.compile(topology, tasks: [
            WorkloadTask(taskId: "t", jobId: "t", arrivalSeconds: 0, origin: "rpi3_0", instructions: 220_000_000),
        ], settings: settings)
        let environment = try ReplayEnvironment(scenario: compiled)
        try environment.reset(seed: 1)
        try environment.step(actions: [0, 0, 0])
        // Overload: one of 8 queue places -> -log10(7/8).
        let overload: Double = -log10(7.0 / 8)
        let expected: Double = 10 - 2 * 0.2 - overload
        #expect(abs(environment.rewards[0] - expected) < 1e-12)
    }

    @Test("misuse is an error: step before reset, after the end, wrong sizes")
    func misuse() throws {
        let environment = try environment(options: ReplayOptions(horizonSeconds: 5))
        #expect { try environment.step(actions: [0, 0, 0]) } throws: { "\($0)".contains("call reset(seed:) before step") }
        try environment.reset(seed: 1)
        #expect { try environment.step(actions: [0]) } throws: { "\($0)".contains("actions buffer holds 1 values, expected 3") }
        var outcome = try environment.step(actions: [0, 0, 0])
        while !outcome.isOver { outcome = try environment.step(actions: [0, 0, 0]) }
        #expect(outcome.status == .truncated)
        #expect { try environment.step(actions: [0, 0, 0]) } throws: { "\($0)".contains("the episode is over") }
        var tooSmall = [Float](repeating: 0, count: 3)
        #expect { try tooSmall.withUnsafeMutableBufferPointer { try environment.writeObservations(into: $0) } } throws: {
            "\($0)".contains("observations buffer")
        }
        #expect(try environment.reset(seed: 1).status == .running)
    }

    @Test("bound caller-owned buffers give the same episode as the array API")
    func boundBuffers() throws {
        let environment = try environment(options: ReplayOptions(horizonSeconds: 30))
        let agents = environment.agentCount
        let actions = UnsafeMutableBufferPointer<Int32>.allocate(capacity: agents)
        let observations = UnsafeMutableBufferPointer<Float>.allocate(capacity: agents * environment.observationLength)
        let masks = UnsafeMutableBufferPointer<UInt8>.allocate(capacity: agents * environment.slotCount)
        let rewards = UnsafeMutableBufferPointer<Float>.allocate(capacity: agents)
        let flags = (0..<4).map { _ in UnsafeMutableBufferPointer<UInt8>.allocate(capacity: agents) }
        defer {
            actions.deallocate(); observations.deallocate(); masks.deallocate(); rewards.deallocate()
            flags.forEach { $0.deallocate() }
        }
        try environment.bind(StepBuffers(
            actions: actions, observations: observations, actionMasks: masks, rewards: rewards, terminations: flags[0],
            truncations: flags[1], decisionMask: flags[2], invalidActions: flags[3]))
        let reference = try self.environment(options: ReplayOptions(horizonSeconds: 30))
        var outcome = try environment.resetBound(seed: 7)
        try reference.reset(seed: 7)
        var policy = BaselinePolicy(.leastQueue)
        policy.reset(seed: 7, agentCount: agents)
        while !outcome.isOver {
            for agent in 0..<agents {
                #expect(Array(observations[(agent * environment.observationLength)..<((agent + 1) * environment.observationLength)])
                        == reference.observation(agent: agent))
                #expect(flags[2][agent] == (reference.hasDecision(agent: agent) ? 1 : 0))
            }
            try environment.actions(from: &policy, into: actions)
            outcome = try environment.stepBound()
            try reference.step(actions: Array(actions))
            #expect(Array(rewards) == reference.rewards.map(Float.init))
        }
        #expect(flags[1].allSatisfy { $0 == 1 })
        #expect(flags[0].allSatisfy { $0 == 0 })
        let wrong = UnsafeMutableBufferPointer<Float>.allocate(capacity: 1)
        defer { wrong.deallocate() }
        #expect {
            try environment.bind(StepBuffers(
                actions: actions, observations: wrong, actionMasks: masks, rewards: rewards, terminations: flags[0],
                truncations: flags[1], decisionMask: flags[2], invalidActions: flags[3]))
        } throws: { "\($0)".contains("observations buffer holds 1 values") }
    }

    @Test("a step limit truncates at exactly that step; episodes record their seed and number")
    func stepLimit() throws {
        let environment = try environment()
        environment.stepLimit = 25
        for (episode, seed) in [(1, UInt64(8)), (2, 9)] {
            var outcome = try environment.reset(seed: seed)
            #expect(environment.episodeSeed == seed && environment.episodeNumber == episode)
            var steps = 0
            while !outcome.isOver {
                outcome = try environment.step(actions: [0, 0, 0])
                steps += 1
            }
            #expect(steps == 25 && environment.stepCount == 25)
            #expect(outcome.status == .truncated)
            #expect(environment.result().summary.tasks < 176, "the workload (176 tasks) was cut short")
            #expect { try environment.step(actions: [0, 0, 0]) } throws: { "\($0)".contains("the episode is over") }
        }
        // Observations read one agent at a time equal the rows written for all agents.
        try environment.reset(seed: 8)
        try environment.step(actions: [1, 2, 3])
        var rows = [Float](repeating: 0, count: 3 * environment.observationLength)
        try rows.withUnsafeMutableBufferPointer { try environment.writeObservations(into: $0) }
        for agent in 0..<3 {
            let row = Array(rows[(agent * environment.observationLength)..<((agent + 1) * environment.observationLength)])
            #expect(row == environment.observation(agent: agent))
        }
    }
}
