import ScenarioModel
import Simulator
import Testing

/// Wraps a baseline and checks every decision it takes against its definition.
private struct CheckedPolicy: Policy {
    var inner: BaselinePolicy
    var decisions = 0
    var violations: [String] = []
    var slotsUsed: Set<Int> = []
    var lastSlotOfAgent: [Int: Int] = [:]
    var name: String { inner.name }

    mutating func reset(seed: UInt64, agentCount: Int) {
        inner.reset(seed: seed, agentCount: agentCount)
    }

    mutating func decide(_ view: DecisionView) -> Int {
        let slot = inner.decide(view)
        decisions += 1
        slotsUsed.insert(slot)
        let count = view.candidateCount
        if slot < 0 || slot >= count { violations.append("slot \(slot) outside 0..<\(count)") }
        switch inner.kind {
        case .local:
            if let local = view.localSlot, slot != local { violations.append("local chose \(slot)") }
        case .cloud:
            if view.cloudSlot != nil && !view.isCloud(slot) { violations.append("cloud chose a non-cloud slot") }
        case .leastQueue:
            let shortest = (0..<count).map { view.queueLength($0) }.min() ?? 0
            if view.queueLength(slot) != shortest { violations.append("least-queue chose queue \(view.queueLength(slot)) > \(shortest)") }
            // Among the shortest queues, the most free cores.
            let tied = (0..<count).filter { view.queueLength($0) == shortest }
            if view.freeCores(slot) != tied.map({ view.freeCores($0) }).max() { violations.append("tie not broken by free cores") }
        case .earliestFinish:
            let best = (0..<count).map { view.completionEstimateSeconds($0) }.min() ?? 0
            if view.completionEstimateSeconds(slot) != best { violations.append("earliest-finish missed the minimum") }
        case .roundRobin:
            if let last = lastSlotOfAgent[view.agent], slot != (last + 1) % count {
                violations.append("round-robin went from \(last) to \(slot)")
            }
            lastSlotOfAgent[view.agent] = slot
        case .random:
            break
        }
        return slot
    }
}

@Suite("Baseline policies")
struct BaselinePolicyTests {
    @Test("every baseline decides as defined on the sample", arguments: BaselinePolicy.Kind.allCases)
    func behavesAsDefined(kind: BaselinePolicy.Kind) throws {
        let compiled = try SampleReplayTests.sampleScenario()
        var policy = CheckedPolicy(inner: BaselinePolicy(kind))
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        #expect(policy.violations.isEmpty, "\(policy.violations.prefix(3))")
        #expect(policy.decisions == 176)
        #expect(result.details.invalidActions == 0)
        switch kind {
        case .local:
            #expect(result.details.offloaded == 0)
            #expect(collector.records.allSatisfy { $0.target == $0.origin })
        case .cloud:
            #expect(collector.records.allSatisfy { compiled.nodeIds[$0.target ?? 0] == "cloud_0" })
        case .random:
            #expect(policy.slotsUsed == Set(0..<compiled.slotCount), "random should use every candidate")
        default:
            #expect(result.details.offloaded > 0)
        }
    }

    @Test("least-queue never picks padding, even when agents have fewer candidates than slots")
    func leastQueueOverRealCandidates() throws {
        // Agents on devices and edges: devices see 4 candidates, the NUC and TX2 only 3,
        // so they have a padded slot (PeersimGym's argmin lands on its -1 padding).
        var settings = ModelSettings()
        settings.agents = AgentSelection(kinds: [.device, .edge])
        let compiled = try SampleReplayTests.sampleScenario(settings)
        let counts = (0..<compiled.agentCount).map { compiled.candidateNodeIds(agent: $0).count }
        #expect(counts.contains { $0 < compiled.slotCount })
        var policy = CheckedPolicy(inner: BaselinePolicy(.leastQueue))
        let result = try Replay.run(compiled, policy: &policy)
        #expect(policy.violations.isEmpty)
        #expect(result.details.invalidActions == 0)
    }

    @Test("candidate slots: local first, nearest cloud second, then by distance")
    func candidateOrder() throws {
        let compiled = try SampleReplayTests.sampleScenario()
        let candidates = compiled.candidateNodeIds(agent: 0)
        #expect(compiled.agentNodeIds == ["rpi3_0", "rpi3_1", "rpi3_2"])
        #expect(candidates.first == "rpi3_0")
        #expect(candidates.dropFirst().first == "cloud_0")
        // Two hops from rpi3_0 through the shared cell's switch: the other devices only.
        #expect(Array(candidates.dropFirst(2)) == ["rpi3_1", "rpi3_2"])
        // Four hops reach the cloudlet and the IoT box; equal hop counts sort by route latency
        // (servers 1.0 ms, NUC and TX2 1.5 ms), then topology order.
        var wider = ModelSettings()
        wider.candidates.hops = 4
        #expect(try SampleReplayTests.sampleScenario(wider).candidateNodeIds(agent: 0) == [
            "rpi3_0", "cloud_0", "rpi3_1", "rpi3_2", "server_0", "server_1", "server_2", "nuc_0", "tx2_0",
        ])
        wider.candidates.maxCandidates = 3
        wider.candidates.includeLocal = false
        #expect(try SampleReplayTests.sampleScenario(wider).candidateNodeIds(agent: 0) == ["cloud_0", "rpi3_1", "rpi3_2"])
    }
}
