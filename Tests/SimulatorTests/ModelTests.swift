import ScenarioModel
import Simulator
import Testing

/// Deadlines, energy, horizon, load scaling, origin rules and queue samples.
@Suite("Offloading model")
struct ModelTests {
    private func task(_ id: String, at time: Double, instructions: Int64, deadline: Double? = nil,
                      origin: String? = "server") -> WorkloadTask {
        WorkloadTask(taskId: id, jobId: id, arrivalSeconds: time, origin: origin, instructions: instructions,
                     relativeDeadlineSeconds: deadline)
    }

    private func runLocal(_ tasks: [WorkloadTask], cores: Int = 1, capacity: Int? = nil,
                          settings: ModelSettings = ModelSettings(), options: ReplayOptions = ReplayOptions())
        throws -> (ReplayResult, RecordCollector)
    {
        let compiled = try TestScenarios.compile(
            TestScenarios.singleServer(cores: cores, queueCapacity: capacity), tasks: tasks, settings: settings)
        var policy = BaselinePolicy(.local)
        return try TestScenarios.run(compiled, policy: &policy, options: options)
    }

    @Test("queued tasks are dropped at deadline + grace; running ones complete late")
    func deadlines() throws {
        let tasks = [
            task("long", at: 0, instructions: 5_000_000_000, deadline: 1),
            task("q1", at: 0, instructions: 1_000_000_000, deadline: 1),
            task("q2", at: 0, instructions: 1_000_000_000, deadline: 10),
        ]
        let (result, collector) = try runLocal(tasks)
        #expect(collector.record("long")?.status == .late)
        #expect(collector.record("long")?.finishSeconds == 5)
        #expect(collector.record("q1")?.status == .droppedDeadline)
        #expect(collector.record("q1")?.finishSeconds == 1)
        #expect(collector.record("q1")?.waitSeconds == 1)
        #expect(collector.record("q2")?.status == .completed)
        #expect(collector.record("q2")?.startSeconds == 5)
        #expect(result.summary.late == 1)
        #expect(result.summary.completed == 2)
        #expect(result.summary.droppedDeadline == 1)

        var graceful = ModelSettings()
        graceful.queueGraceSeconds = 2
        let (_, withGrace) = try runLocal(tasks, settings: graceful)
        #expect(withGrace.record("q1")?.finishSeconds == 3)
        #expect(withGrace.record("q1")?.status == .droppedDeadline)
    }

    @Test("a task that would have to wait after its deadline is dropped on arrival")
    func expiredOnArrival() throws {
        let (_, collector) = try runLocal([
            task("busy", at: 0, instructions: 3_000_000_000),
            task("stale", at: 2, instructions: 1, deadline: 0.5),
        ])
        // Deadline 2.5 s; the core frees at 3 s, so it is dropped when the deadline event fires at 2.5.
        #expect(collector.record("stale")?.status == .droppedDeadline)
        #expect(collector.record("stale")?.finishSeconds == 2.5)
    }

    @Test("a full queue drops arrivals")
    func queueFull() throws {
        let (result, collector) = try runLocal(
            (0..<5).map { task("t\($0)", at: 0, instructions: 1_000_000_000) }, capacity: 2)
        #expect(result.summary.completed == 3)
        #expect(result.summary.droppedQueueFull == 2)
        #expect(collector.record("t3")?.status == .droppedQueueFull)
        #expect(result.nodes[0].maxQueueLength == 2)
    }

    @Test("energy: idle power over time, busy power per busy core, transmit power times airtime")
    func energy() throws {
        // 2 cores, idle 2 W, busy 10 W: one 1 s task over a 10 s horizon -> 2·10 + (10-2)·1/2 = 24 J.
        let (result, _) = try runLocal([task("t", at: 0, instructions: 1_000_000_000)], cores: 2,
                                       options: ReplayOptions(horizonSeconds: 10))
        #expect(abs(result.summary.energyJoules - 24) < 1e-12)
        #expect(result.nodes[0].utilization == 0.05)

        // Transmission on the line topology: 125 kB up at 100 Mbit/s from the device (2 W): 0.02 J;
        // 12.5 kB back at 10 Mbit/s from the edge (5 W): 0.05 J; the switch transmits for free.
        let compiled = try TestScenarios.compile(TestScenarios.line(), tasks: [
            WorkloadTask(taskId: "t", jobId: "t", arrivalSeconds: 0, origin: "device", instructions: 1,
                         inputBytes: 125_000, outputBytes: 12_500),
        ])
        var policy = ToNodePolicy(nodeId: "edge", nodeIds: compiled.nodeIds)
        let offloaded = try Replay.run(compiled, policy: &policy)
        #expect(abs(offloaded.details.transmitEnergyJoules - 0.07) < 1e-12)
        #expect(abs(offloaded.nodes[0].transmitEnergyJoules - 0.02) < 1e-12)
        #expect(offloaded.nodes[0].bytesSent == 125_000)
    }

    @Test("the horizon cuts the replay: later arrivals do not count, running tasks are unfinished")
    func horizon() throws {
        let (result, collector) = try runLocal([
            task("done", at: 0, instructions: 1_000_000_000),
            task("running", at: 1, instructions: 5_000_000_000),
            task("queued", at: 2, instructions: 1_000_000_000),
            task("later", at: 20, instructions: 1),
        ], options: ReplayOptions(horizonSeconds: 4))
        #expect(result.summary.tasks == 3)
        #expect(result.summary.completed == 1)
        #expect(result.summary.unfinished == 2)
        #expect(result.summary.simulatedTimeSeconds == 4)
        #expect(result.details.drained == false)
        #expect(collector.record("running")?.executionSeconds == 3)
        #expect(collector.record("queued")?.waitSeconds == 2)
        // Busy time counts up to the horizon: 1 s + 3 s of 4 s.
        #expect(result.nodes[0].utilization == 1)
    }

    @Test("arrival-rate scale divides workload arrival times and multiplies synthetic rates")
    func rateScale() throws {
        let (_, collector) = try runLocal([task("t", at: 10, instructions: 1)],
                                          options: ReplayOptions(arrivalRateScale: 2))
        #expect(collector.record("t")?.arrivalSeconds == 5)
        let synthetic = try TestScenarios.markovian(cores: 4, rate: 1, durationSeconds: 2000)
        var policy = BaselinePolicy(.local)
        let base = try Replay.run(synthetic, policy: &policy).summary.tasks
        let doubled = try Replay.run(synthetic, policy: &policy, options: ReplayOptions(arrivalRateScale: 2)).summary.tasks
        #expect(abs(Double(base) / 2000 - 1) < 0.06)
        #expect(abs(Double(doubled) / 4000 - 1) < 0.06)
    }

    private func originCounts(_ rule: OriginRule) throws -> [Int] {
        let topology = Topology(name: "three", nodes: (0..<3).map {
            Node(id: "d\($0)", kind: .device, cores: 64, coreSpeedMips: 1000, labels: ["people": ["1", "2", "7"][$0]])
        })
        var settings = ModelSettings()
        settings.origins = rule
        settings.syntheticArrivals = SyntheticArrivals(ratePerSecondPerOrigin: 10, durationSeconds: 300,
                                                       taskTypes: [.init(instructions: 1_000, relativeDeadlineSeconds: nil)])
        let compiled = try CompiledScenario(scenario: Scenario(name: "o", topology: .embedded(topology), settings: settings))
        var policy = BaselinePolicy(.local)
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        #expect(result.summary.tasks > 8000)
        var counts = [0, 0, 0]
        for record in collector.records { counts[record.origin] += 1 }
        return counts
    }

    @Test("origin rules: uniform, round-robin and label-weighted")
    func originRules() throws {
        let uniform = try originCounts(OriginRule(rule: .uniform))
        let total = Double(uniform.reduce(0, +))
        #expect(uniform.allSatisfy { abs(Double($0) / total - 1.0 / 3) < 0.02 })
        let turns = try originCounts(OriginRule(rule: .roundRobin))
        #expect(turns.max()! - turns.min()! <= 1)
        let weighted = try originCounts(OriginRule(rule: .labelWeighted, weightLabel: "people"))
        let weightedTotal = Double(weighted.reduce(0, +))
        for (index, share) in [0.1, 0.2, 0.7].enumerated() {
            #expect(abs(Double(weighted[index]) / weightedTotal - share) < 0.02)
        }
    }

    @Test("queue samples come at every interval with the queue state of that moment")
    func queueSamples() throws {
        let (result, collector) = try runLocal(
            (0..<4).map { task("t\($0)", at: 0, instructions: 1_000_000_000) },
            options: ReplayOptions(horizonSeconds: 5, queueSampleIntervalSeconds: 0.5))
        let times = result.queueSamples.map(\.timeSeconds)
        #expect(times == (0...10).map { Double($0) * 0.5 })
        // Tasks run 0-1, 1-2, 2-3, 3-4 on one core: 3 waiting at 0.5, 2 at 1.5, 0 from 3.5.
        let queued = result.queueSamples.map(\.queuedTasks)
        #expect(queued == [0, 3, 2, 2, 1, 1, 0, 0, 0, 0, 0])
        #expect(collector.samples.count == 11)
        #expect(collector.samples[1].1 == [3])
        #expect(result.queueSamples[1].busyCoreFraction == 1)
    }

    @Test("bad options and unreplayable scenarios are clear errors")
    func errors() throws {
        let compiled = try TestScenarios.markovian(cores: 1, rate: 1, durationSeconds: 10)
        var policy = BaselinePolicy(.local)
        #expect { _ = try Replay.run(compiled, policy: &policy, options: ReplayOptions(arrivalRateScale: 0)) } throws: {
            "\($0)".contains("arrivalRateScale must be a positive finite number")
        }
        #expect { _ = try BaselinePolicy(named: "fastest") } throws: { "\($0)".contains("known: local, random") }
        let unknownOrigin = try TestScenarios.compile(TestScenarios.singleServer(cores: 1), tasks: [
            task("t", at: 0, instructions: 1, origin: "nowhere"),
        ])
        #expect { _ = try Replay.run(unknownOrigin, policy: &policy) } throws: {
            "\($0)".contains("$.workload.tasks[0]: origin 'nowhere' is not a node of the topology")
        }
        var settings = ModelSettings()
        settings.agents.nodes = ["ghost"]
        #expect {
            _ = try CompiledScenario(scenario: Scenario(
                name: "x", topology: .embedded(TestScenarios.singleServer(cores: 1)), settings: settings))
        } throws: { "\($0)".contains("agent node 'ghost' is not in the topology") }
    }
}
