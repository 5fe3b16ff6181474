import ScenarioModel
@testable import Simulator

/// Small scenarios for the simulator tests, built in code.
enum TestScenarios {
    /// One compute node with `cores` cores of 1000 MIPS (1e9 instructions/s)
    /// and no agent: every task runs where it arrives.
    static func singleServer(cores: Int, queueCapacity: Int? = nil) -> Topology {
        Topology(name: "single", nodes: [
            Node(id: "server", kind: .device, cores: cores, coreSpeedMips: 1000, queueCapacity: queueCapacity,
                 idlePowerWatts: 2, busyPowerWatts: 10),
        ])
    }

    /// An M/M/c queue: Poisson arrivals at `rate` per second, exponential
    /// service with mean 1 s, `cores` servers, unbounded FIFO queue.
    static func markovian(cores: Int, rate: Double, durationSeconds: Double) throws -> CompiledScenario {
        var settings = ModelSettings(seed: 1)
        settings.agents = AgentSelection(kinds: [])
        settings.syntheticArrivals = SyntheticArrivals(
            ratePerSecondPerOrigin: rate, durationSeconds: durationSeconds,
            taskTypes: [.init(instructions: 1_000_000_000, inputBytes: 0, outputBytes: 0,
                              relativeDeadlineSeconds: nil, instructionsDistribution: .exponential)])
        return try CompiledScenario(scenario: Scenario(
            name: "mmc", topology: .embedded(singleServer(cores: cores)), settings: settings))
    }
}

/// Collects every record of a replay.
final class RecordCollector: ReplayObserver {
    var records: [TaskRecord] = []
    var samples: [(QueueSample, [Int32])] = []

    func taskFinished(_ record: TaskRecord) { records.append(record) }

    func queueSampled(_ sample: QueueSample, queueLengths: UnsafeBufferPointer<Int32>) {
        samples.append((sample, Array(queueLengths)))
    }

    func record(_ taskId: String) -> TaskRecord? { records.first { $0.taskId == taskId } }
}

/// A policy that always picks the candidate whose node id is `nodeId` (or
/// local when it is not a candidate), for hand-computed scenarios.
struct ToNodePolicy: Policy {
    let nodeId: String
    let nodeIds: [String]
    var name: String { "to-\(nodeId)" }
    mutating func reset(seed: UInt64, agentCount: Int) {}
    mutating func decide(_ view: DecisionView) -> Int {
        (0..<view.candidateCount).first { nodeIds[view.candidateNode($0)] == nodeId } ?? (view.localSlot ?? 0)
    }
}

extension TestScenarios {
    /// A device, a switch and an edge server in a line:
    /// `device --(100 Mbit/s, 2 ms)-- switch --(10 Mbit/s, 3 ms)-- edge`.
    static func line() -> Topology {
        Topology(name: "line", nodes: [
            Node(id: "device", kind: .device, cores: 1, coreSpeedMips: 1000, queueCapacity: 10, transmitPowerWatts: 2),
            Node(id: "switch", kind: .switch),
            Node(id: "edge", kind: .edge, cores: 4, coreSpeedMips: 2000, queueCapacity: 10, transmitPowerWatts: 5),
        ], links: [
            Link(source: "device", target: "switch", bandwidthMbps: 100, latencyMs: 2),
            Link(source: "switch", target: "edge", bandwidthMbps: 10, latencyMs: 3),
        ])
    }

    /// A scenario with the tasks embedded, every setting default except those given.
    static func compile(
        _ topology: Topology, tasks: [WorkloadTask], settings: ModelSettings = ModelSettings()
    ) throws -> CompiledScenario {
        try CompiledScenario(scenario: Scenario(
            name: "test", topology: .embedded(topology), workload: .embedded(tasks), settings: settings))
    }

    /// Runs `policy` and collects every record.
    static func run<P: Policy>(
        _ compiled: CompiledScenario, policy: inout P, options: ReplayOptions = ReplayOptions()
    ) throws -> (ReplayResult, RecordCollector) {
        let collector = RecordCollector()
        let result = try Replay.run(compiled, policy: &policy, options: options, observer: collector)
        return (result, collector)
    }
}
