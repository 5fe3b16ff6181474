import EdgeSimTestSupport
import ScenarioModel
import Simulator
import StreamingIO
import Testing

/// The conservation invariant and byte-identical results for a seed, on
/// every kind of scenario the tests use.
@Suite("Conservation and determinism")
struct ConservationTests {
    static let sampleTopology = Fixtures.path("topologies/sample-edge.topology.json")
    static let sampleWorkload = Fixtures.path("traces/sample.workload.csv.gz")

    /// Scenarios covering drops of both kinds, late tasks, horizon cuts,
    /// interval epochs, sparse rewards, sampled latencies and origin rules.
    static func zoo() -> [(String, Scenario)] {
        var interval = ModelSettings(seed: 3)
        interval.decisions = DecisionEpoch(mode: .interval, intervalSeconds: 0.5)
        interval.reward.kind = .sparse
        var overloaded = ModelSettings(seed: 5, horizonSeconds: 40, queueGraceSeconds: 0.2)
        overloaded.syntheticArrivals = SyntheticArrivals(
            ratePerSecondPerOrigin: 6, durationSeconds: 60,
            taskTypes: [.init(name: "small", weight: 3, instructions: 400_000_000, relativeDeadlineSeconds: 0.6),
                        .init(name: "big", weight: 1, instructions: 3_000_000_000, inputBytes: 8_000_000,
                              relativeDeadlineSeconds: 2, instructionsDistribution: .exponential)])
        overloaded.candidates.includeCloud = false
        var sampled = ModelSettings(seed: 9, network: NetworkSettings(sampleLinkLatencies: true))
        sampled.origins = OriginRule(rule: .roundRobin)
        sampled.routing = .hops
        var everywhere = ModelSettings(seed: 11, horizonSeconds: 30)
        everywhere.candidates = CandidateRule(rule: .allReachable, includeLocal: false, maxCandidates: 4)
        everywhere.agents = AgentSelection(kinds: [.device, .edge])
        return [
            ("sample", Scenario(name: "sample", topology: .file(path: sampleTopology), workload: .file(path: sampleWorkload))),
            ("interval", Scenario(name: "interval", topology: .file(path: sampleTopology),
                                  workload: .file(path: sampleWorkload), settings: interval)),
            ("overloaded", Scenario(name: "overloaded", topology: .file(path: sampleTopology), settings: overloaded)),
            ("sampled", Scenario(name: "sampled", topology: .file(path: sampleTopology),
                                 workload: .file(path: sampleWorkload), settings: sampled)),
            ("everywhere", Scenario(name: "everywhere", topology: .file(path: sampleTopology),
                                    workload: .file(path: sampleWorkload), settings: everywhere)),
        ]
    }

    static let policies: [BaselinePolicy.Kind] = [.leastQueue, .random, .earliestFinish]

    /// Replays and writes the task records and the summary into `directory`.
    private func replay(_ scenario: Scenario, _ kind: BaselinePolicy.Kind, into directory: TemporaryDirectory,
                        name: String) throws -> ReplayResult {
        let compiled = try CompiledScenario(scenario: scenario)
        let writer = try TaskRecordCSVWriter(path: directory.file(name + ".tasks.csv"), nodeIds: compiled.nodeIds)
        var policy = BaselinePolicy(kind)
        let result = try Replay.run(compiled, policy: &policy, options: ReplayOptions(queueSampleIntervalSeconds: 1),
                                    observer: writer)
        try writer.commit()
        try ReplayResultsWriter.writeSummary(result, scenarioName: scenario.name, to: directory.file(name + ".json"))
        try ReplayResultsWriter.writeNodes(result.nodes, to: directory.file(name + ".nodes.csv"))
        try ReplayResultsWriter.writeQueueSamples(result.queueSamples, to: directory.file(name + ".queue.csv"))
        return result
    }

    @Test("tasks = completed + dropped + unfinished, and two runs give identical bytes",
          arguments: zoo().map(\.0))
    func conservationAndDeterminism(name: String) throws {
        let scenario = try #require(Self.zoo().first { $0.0 == name }?.1)
        let directory = TemporaryDirectory()
        for kind in Self.policies {
            let first = try replay(scenario, kind, into: directory, name: "a")
            let second = try replay(scenario, kind, into: directory, name: "b")
            let summary = first.summary
            #expect(summary.isConserved, "\(name)/\(kind): \(summary)")
            #expect(summary.tasks > 0)
            #expect(first.summary == second.summary)
            for suffix in [".tasks.csv", ".json", ".nodes.csv", ".queue.csv"] {
                let bytes = Shell.contents(directory.file("a" + suffix))
                #expect(bytes != nil && bytes == Shell.contents(directory.file("b" + suffix)), "\(name)/\(kind)\(suffix)")
            }
            let rows = String(decoding: Shell.contents(directory.file("a.tasks.csv")) ?? [], as: UTF8.self)
                .split(separator: "\n").count - 1
            #expect(rows == summary.tasks, "one record per task")
        }
    }

    @Test("the overloaded scenario exercises every ending")
    func everyEnding() throws {
        let scenario = try #require(Self.zoo().first { $0.0 == "overloaded" }?.1)
        var policy = BaselinePolicy(.local)
        let result = try Replay.run(try CompiledScenario(scenario: scenario), policy: &policy)
        let summary = result.summary
        #expect(summary.droppedQueueFull > 0)
        #expect(summary.droppedDeadline > 0)
        #expect(summary.late > 0)
        #expect(summary.unfinished > 0)
        #expect(summary.simulatedTimeSeconds == 40)
        #expect(summary.isConserved)
    }

    @Test("a different seed gives different arrivals; the same seed the same")
    func seeds() throws {
        let scenario = try #require(Self.zoo().first { $0.0 == "overloaded" }?.1)
        let compiled = try CompiledScenario(scenario: scenario)
        var policy = BaselinePolicy(.random)
        let one = try Replay.run(compiled, policy: &policy, options: ReplayOptions(seed: 1)).summary
        let again = try Replay.run(compiled, policy: &policy, options: ReplayOptions(seed: 1)).summary
        let two = try Replay.run(compiled, policy: &policy, options: ReplayOptions(seed: 2)).summary
        #expect(one == again)
        #expect(one != two)
    }

    @Test("replays of one compiled scenario run concurrently with identical results")
    func concurrentReplays() async throws {
        let compiled = try SampleReplayTests.sampleScenario()
        var reference = BaselinePolicy(.earliestFinish)
        let expected = try Replay.run(compiled, policy: &reference).summary
        let summaries = try await withThrowingTaskGroup(of: ReplaySummary.self) { group in
            for _ in 0..<4 {
                group.addTask {
                    var policy = BaselinePolicy(.earliestFinish)
                    return try Replay.run(compiled, policy: &policy).summary
                }
            }
            var collected: [ReplaySummary] = []
            for try await summary in group { collected.append(summary) }
            return collected
        }
        #expect(summaries.count == 4)
        #expect(summaries.allSatisfy { $0 == expected })
    }
}
