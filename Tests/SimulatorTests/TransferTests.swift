import ScenarioModel
import Simulator
import Testing

/// Transfers: exact idle-path times, FIFO sharing of a link and of a shared
/// medium, full-duplex links, zero-byte messages.
@Suite("Transfers")
struct TransferTests {
    private func offload(_ tasks: [WorkloadTask], topology: Topology = TestScenarios.line(), to node: String = "edge")
        throws -> RecordCollector
    {
        let compiled = try TestScenarios.compile(topology, tasks: tasks)
        var policy = ToNodePolicy(nodeId: node, nodeIds: compiled.nodeIds)
        return try TestScenarios.run(compiled, policy: &policy).1
    }

    @Test("an idle path takes latency + bytes / bottleneck bandwidth exactly")
    func idlePath() throws {
        let bytes: Int64 = 1_250_000
        let collector = try offload([
            WorkloadTask(taskId: "t", jobId: "j", arrivalSeconds: 1, origin: "device", instructions: 2_000_000_000,
                         inputBytes: bytes, outputBytes: 0),
        ])
        let record = try #require(collector.record("t"))
        // 2 ms + 3 ms of latency; the bottleneck is the 10 Mbit/s link: 1.25 MB = 1e7 bits -> 1 s.
        let expectedTransfer = 0.002 + 0.003 + Double(bytes) * 8 / 10e6
        #expect(record.startSeconds == 1 + expectedTransfer)
        // Execution: 2e9 instructions at 2000 MIPS = 1 s; the empty output takes the latencies back.
        #expect(record.executionSeconds == 1)
        #expect(record.finishSeconds == 1 + expectedTransfer + 1 + 0.005)
        #expect(record.transferSeconds == expectedTransfer + 0.005)
        #expect(record.status == .completed)
    }

    @Test("two transfers on one link finish as FIFO sharing predicts")
    func fifoSharing() throws {
        let bytes: Int64 = 1_250_000  // 1 s on the 10 Mbit/s link
        let collector = try offload([
            WorkloadTask(taskId: "a", jobId: "a", arrivalSeconds: 0, origin: "device", instructions: 1, inputBytes: bytes),
            WorkloadTask(taskId: "b", jobId: "b", arrivalSeconds: 0, origin: "device", instructions: 1, inputBytes: bytes),
        ])
        let first = try #require(collector.record("a")?.startSeconds)
        let second = try #require(collector.record("b")?.startSeconds)
        // The first holds each link for its own serialization time; the second
        // waits until the bottleneck link is free: one full transfer later.
        #expect(abs(first - (0.005 + 1)) < 1e-12)
        #expect(abs(second - (first + 1)) < 1e-12)
    }

    @Test("a later transfer queues behind an earlier one still on the link")
    func fifoLater() throws {
        let bytes: Int64 = 1_250_000
        let collector = try offload([
            WorkloadTask(taskId: "a", jobId: "a", arrivalSeconds: 0, origin: "device", instructions: 1, inputBytes: bytes),
            WorkloadTask(taskId: "b", jobId: "b", arrivalSeconds: 0.4, origin: "device", instructions: 1, inputBytes: bytes),
        ])
        let second = try #require(collector.record("b")?.startSeconds)
        // The 10 Mbit/s link (reached 2 ms into the route) is busy until 0.002 + 1 s: b starts sending at 1.0 s.
        #expect(abs(second - (1.0 + 0.005 + 1)) < 1e-12)
    }

    private func sharedMedium(medium: Bool) -> Topology {
        Topology(name: "cell", nodes: [
            Node(id: "a", kind: .device, cores: 1, coreSpeedMips: 1000),
            Node(id: "b", kind: .device, cores: 1, coreSpeedMips: 1000),
            Node(id: "ap", kind: .switch),
            Node(id: "edge", kind: .edge, cores: 8, coreSpeedMips: 1000),
        ], links: [
            Link(source: "a", target: "ap", bandwidthMbps: 100, latencyMs: 1, sharedMediumId: medium ? "air" : nil),
            Link(source: "b", target: "ap", bandwidthMbps: 100, latencyMs: 1, sharedMediumId: medium ? "air" : nil),
            Link(source: "ap", target: "edge", bandwidthMbps: 1000, latencyMs: 0),
        ], media: medium ? [SharedMedium(id: "air", bandwidthMbps: 50)] : [])
    }

    @Test("links on a shared medium contend for its capacity; separate links do not")
    func sharedMediumContention() throws {
        let bytes: Int64 = 6_250_000  // 50 Mbit: 1 s at 50 Mbit/s, 0.5 s at 100 Mbit/s
        let tasks = [
            WorkloadTask(taskId: "a", jobId: "a", arrivalSeconds: 0, origin: "a", instructions: 1, inputBytes: bytes),
            WorkloadTask(taskId: "b", jobId: "b", arrivalSeconds: 0, origin: "b", instructions: 1, inputBytes: bytes),
        ]
        let shared = try offload(tasks, topology: sharedMedium(medium: true))
        #expect(abs((shared.record("a")?.startSeconds ?? 0) - (0.001 + 1)) < 1e-12)
        #expect(abs((shared.record("b")?.startSeconds ?? 0) - (0.001 + 2)) < 1e-12)
        let separate = try offload(tasks, topology: sharedMedium(medium: false))
        // Without the medium each device has its own 100 Mbit/s link; the shared
        // 1 Gbit/s uplink is held 0.05 s by the first, so the second follows it.
        #expect(abs((separate.record("a")?.startSeconds ?? 0) - (0.001 + 0.5)) < 1e-12)
        #expect(abs((separate.record("b")?.startSeconds ?? 0) - (0.001 + 0.5 + 0.05)) < 1e-12)
    }

    @Test("undirected links are full duplex: opposite directions do not contend")
    func fullDuplex() throws {
        let bytes: Int64 = 1_250_000
        // "up" goes device -> edge; "down" returns its output edge -> device at the same time as "late" goes up.
        let collector = try offload([
            WorkloadTask(taskId: "up", jobId: "up", arrivalSeconds: 0, origin: "device", instructions: 1,
                         inputBytes: 0, outputBytes: bytes),
            WorkloadTask(taskId: "late", jobId: "late", arrivalSeconds: 0.005 + 0.0000000005, origin: "device",
                         instructions: 1, inputBytes: bytes),
        ])
        let returning = try #require(collector.record("up"))
        let start = try #require(returning.startSeconds)
        // The output (1 s on the 10 Mbit/s link) returns undisturbed by the upload.
        #expect(abs((returning.finishSeconds ?? 0) - (start + 0.0000000005 + 0.005 + 1)) < 1e-9)
        let upload = try #require(collector.record("late"))
        #expect(abs((upload.startSeconds ?? 0) - (upload.arrivalSeconds + 0.005 + 1)) < 1e-12)
    }

    @Test("zero-byte transfers take the latencies only")
    func zeroBytes() throws {
        let collector = try offload([
            WorkloadTask(taskId: "t", jobId: "j", arrivalSeconds: 0, origin: "device", instructions: 2_000_000_000),
        ])
        let record = try #require(collector.record("t"))
        #expect(abs((record.startSeconds ?? 0) - 0.005) < 1e-15)
        #expect(abs((record.finishSeconds ?? 0) - (0.005 + 1 + 0.005)) < 1e-12)
    }

    @Test("a wireless hop runs at its Shannon rate")
    func wirelessRate() throws {
        let channel = WirelessChannel(channelBandwidthHz: 1e6, pathLossExponent: 3)
        let topology = Topology(name: "radio", nodes: [
            Node(id: "phone", kind: .device, cores: 1, coreSpeedMips: 1000, transmitPowerWatts: 0.1,
                 position: .planar(xMeters: 0, yMeters: 0)),
            Node(id: "edge", kind: .edge, cores: 1, coreSpeedMips: 1000, transmitPowerWatts: 1,
                 position: .planar(xMeters: 40, yMeters: 30)),
        ], links: [Link(source: "phone", target: "edge", bandwidthMbps: 1000, latencyMs: 0, wireless: channel)])
        let collector = try offload([
            WorkloadTask(taskId: "t", jobId: "j", arrivalSeconds: 0, origin: "phone", instructions: 1,
                         inputBytes: 1_000_000),
        ], topology: topology)
        let rate = channel.shannonRateBitsPerSecond(transmitPowerWatts: 0.1, distanceMeters: 50)
        #expect(rate < 1e9)
        let start = try #require(collector.record("t")?.startSeconds)
        #expect(abs(start - 8e6 / rate) < 1e-12)
    }
}
