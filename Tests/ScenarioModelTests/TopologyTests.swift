import EdgeSimTestSupport
import ScenarioModel
import Testing

@Suite("Topology")
struct TopologyTests {
    let directory = TemporaryDirectory()

    private func sample() -> Topology {
        Topology(
            name: "t",
            provenance: Provenance(generator: "test", seed: 42, parameters: ["cells": "3"]),
            nodes: [
                Node(id: "a", kind: .device, cores: 2, coreSpeedMips: 1000, memoryBytes: 1 << 30, queueCapacity: 4,
                     idlePowerWatts: 1, busyPowerWatts: 3, transmitPowerWatts: 0.5,
                     position: .geographic(latitudeDegrees: 48.2, longitudeDegrees: 16.37), labels: ["z": "1", "a": "2"]),
                Node(id: "s \"quoted\"", kind: .switch),
                Node(id: "c", kind: .cloud, tier: 2, cores: 64, coreSpeedMips: 3000, memoryBytes: 1 << 40,
                     position: .planar(xMeters: -3.5, yMeters: 1e-3)),
            ],
            links: [
                Link(source: "a", target: "s \"quoted\"", bandwidthMbps: 300, latencyMs: 0.5,
                     latencyDistribution: .lognormal(shape: 0.25, locationMs: 0.35, scaleMs: 0.16), sharedMediumId: "m"),
                Link(id: "up", source: "s \"quoted\"", target: "c", directed: true, bandwidthMbps: 50, latencyMs: 6.5),
            ],
            media: [SharedMedium(id: "m", bandwidthMbps: 300, labels: ["class": "wlan"])])
    }

    @Test("write then load gives the same value, and writing is deterministic")
    func roundTrip() throws {
        let topology = sample()
        try topology.write(to: directory.file("a.topology.json"))
        try topology.write(to: directory.file("b.topology.json"))
        #expect(Shell.contents(directory.file("a.topology.json")) == Shell.contents(directory.file("b.topology.json")))
        let loaded = try Topology.load(path: directory.file("a.topology.json"))
        #expect(loaded == topology)
    }

    @Test("an invalid topology is refused before anything is written")
    func refusesInvalid() {
        var topology = sample()
        topology.nodes[0].coreSpeedMips = .nan
        #expect(throws: ScenarioError.self) { try topology.write(to: directory.file("bad.topology.json")) }
        #expect(!Shell.exists(directory.file("bad.topology.json")))
    }

    @Test("latency distribution figures match SciPy's lognorm")
    func latencyFigures() {
        let lan = LatencyDistribution.lognormal(shape: 0.25, locationMs: 0.35, scaleMs: 0.16)
        #expect(abs(lan.modeMs - 0.500) < 0.001)
        #expect(abs(lan.meanMs - 0.515) < 0.001)
    }

    @Test("gzip-compressed topology files load too")
    func gzipped() throws {
        let text = sample().jsonText
        Shell.write(Shell.gzip(Array(text.utf8)), to: directory.file("t.topology.json.gz"))
        #expect(try Topology.load(path: directory.file("t.topology.json.gz")) == sample())
    }
}
