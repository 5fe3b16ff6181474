import EdgeSimTestSupport
import ScenarioModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// The settings and topology fields the replay simulator added to format v1:
/// queue grace, network options, candidate limits, instruction distributions
/// and wireless links.
@Suite("Replay settings and wireless links")
struct ReplaySettingsTests {
    let directory = TemporaryDirectory()

    @Test("new settings default to the previous behaviour and round-trip")
    func settingsRoundTrip() throws {
        #expect(ModelSettings().queueGraceSeconds == 0)
        #expect(ModelSettings().network.sampleLinkLatencies == false)
        #expect(ModelSettings().candidates.maxCandidates == nil)
        #expect(SyntheticArrivals.TaskType().instructionsDistribution == .fixed)
        var settings = ModelSettings(queueGraceSeconds: 5, network: NetworkSettings(sampleLinkLatencies: true))
        settings.candidates.maxCandidates = 8
        settings.syntheticArrivals.taskTypes = [.init(instructionsDistribution: .exponential)]
        let scenario = Scenario(name: "r", topology: .file(path: "t.topology.json"), settings: settings)
        try scenario.write(to: directory.file("r.scenario.json"))
        let loaded = try Scenario.load(path: directory.file("r.scenario.json"))
        #expect(loaded == scenario)
        let text = scenario.jsonText
        #expect(text.contains("\"queueGraceSeconds\": 5.0"))
        #expect(text.contains("\"network\": {\"sampleLinkLatencies\": true}"))
        #expect(text.contains("\"maxCandidates\": 8"))
        #expect(text.contains("\"instructionsDistribution\": \"exponential\""))
    }

    @Test("out-of-range new settings are reported with their JSON path", arguments: [
        (#""queueGraceSeconds": -1"#, "$.settings.queueGraceSeconds"),
        (#""candidates": {"maxCandidates": 0}"#, "$.settings.candidates.maxCandidates"),
    ])
    func settingsIssues(settings: String, path: String) {
        Shell.write(#"{"format": "edgesim-scenario", "version": 1, "name": "x", "topology": {"path": "t.json"}, "settings": {"#
                    + settings + "}}", to: directory.file("x.scenario.json"))
        #expect { _ = try Scenario.load(path: directory.file("x.scenario.json")) } throws: { "\($0)".contains(path) }
    }

    @Test("unknown values of the new keys are errors")
    func unknownValues() {
        Shell.write(#"{"format": "edgesim-scenario", "version": 1, "name": "x", "topology": {"path": "t.json"}, "#
                    + #""settings": {"network": {"sampleLatency": true}}}"#, to: directory.file("y.scenario.json"))
        #expect { _ = try Scenario.load(path: directory.file("y.scenario.json")) } throws: {
            "\($0)".contains("sampleLatency")
        }
    }

    private func wirelessTopology(secondPosition: Position? = .planar(xMeters: 30, yMeters: 40)) -> Topology {
        Topology(
            name: "w",
            nodes: [
                Node(id: "phone", kind: .device, cores: 1, coreSpeedMips: 1000, transmitPowerWatts: 0.1,
                     position: .planar(xMeters: 0, yMeters: 0)),
                Node(id: "ap", kind: .edge, cores: 4, coreSpeedMips: 2000, transmitPowerWatts: 1,
                     position: secondPosition),
            ],
            links: [Link(source: "phone", target: "ap", bandwidthMbps: 100, latencyMs: 1,
                         wireless: WirelessChannel(channelBandwidthHz: 20e6, pathLossExponent: 3))])
    }

    @Test("wireless links round-trip, and wired links keep their bytes")
    func wirelessRoundTrip() throws {
        let topology = wirelessTopology()
        try topology.write(to: directory.file("w.topology.json"))
        #expect(try Topology.load(path: directory.file("w.topology.json")) == topology)
        #expect(topology.jsonText.contains(#""wireless": {"channelBandwidthHz": 20000000.0, "carrierFrequencyHz": 2400000000.0"#))
        var wired = topology
        wired.links[0].wireless = nil
        #expect(!wired.jsonText.contains("wireless"))
    }

    @Test("a wireless link needs positions on both ends")
    func wirelessNeedsPositions() {
        let issues = wirelessTopology(secondPosition: nil).validationIssues(sourceMap: TopologySourceMap())
        #expect(issues.contains { $0.message.contains("needs positions on both end nodes") })
        let mixed = wirelessTopology(secondPosition: .geographic(latitudeDegrees: 1, longitudeDegrees: 2))
            .validationIssues(sourceMap: TopologySourceMap())
        #expect(mixed.contains { $0.message.contains("both planar or both geographic") })
    }

    @Test("the Shannon rate follows the documented formula with noise over the channel bandwidth")
    func shannonRate() {
        let channel = WirelessChannel(channelBandwidthHz: 20e6, carrierFrequencyHz: 2.4e9, pathLossExponent: 3)
        // Hand computation: free-space loss at 1 m for 2.4 GHz is 20·log10(4π·2.4e9/c) = 40.0520 dB;
        // at 50 m with n = 3: + 30·log10(50) = 50.9691 dB -> 91.0211 dB. Noise: -174 + 73.0103 = -100.9897 dBm.
        // 0.1 W = 20 dBm -> SNR = 20 - 91.0211 + 100.9897 = 29.9686 dB -> 20e6·log2(1 + 10^2.99686) = 199.136 Mbit/s.
        #expect(abs(channel.pathLossDb(distanceMeters: 50) - 91.0211) < 1e-3)
        #expect(abs(channel.noiseDbm - -100.9897) < 1e-3)
        let rate = channel.shannonRateBitsPerSecond(transmitPowerWatts: 0.1, distanceMeters: 50)
        #expect(abs(rate / 1e6 - 199.136) < 0.001)
        // Distances below the reference distance use the reference distance.
        #expect(channel.pathLossDb(distanceMeters: 0) == channel.pathLossDb(distanceMeters: 1))
        #expect(channel.shannonRateBitsPerSecond(transmitPowerWatts: 0, distanceMeters: 5) == 0)
    }

    @Test("distances: planar Euclidean and geographic great-circle")
    func distances() {
        #expect(Position.planar(xMeters: 0, yMeters: 0).distanceMeters(to: .planar(xMeters: 3, yMeters: 4)) == 5)
        // Vienna to Graz, about 145 km.
        let vienna = Position.geographic(latitudeDegrees: 48.2082, longitudeDegrees: 16.3738)
        let graz = Position.geographic(latitudeDegrees: 47.0707, longitudeDegrees: 15.4395)
        let distance = vienna.distanceMeters(to: graz) ?? 0
        #expect(distance > 144_000 && distance < 146_000)
        #expect(vienna.distanceMeters(to: .planar(xMeters: 0, yMeters: 0)) == nil)
    }
}
