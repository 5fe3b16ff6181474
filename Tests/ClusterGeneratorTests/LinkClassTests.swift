import ClusterGenerator
import ScenarioModel
import Testing

/// Bandwidths and latency classes of every link the scenarios make, against
/// the figures FORMAT.md specifies (Ether's blocks and edgesim's additions).
@Suite("Link bandwidth and latency classes")
struct LinkClassTests {
    /// Ether's distributions (`ether/qos/latency.py`) with the modes and means
    /// the notes tabulate (computed there with SciPy).
    @Test(
        "latency classes carry Ether's distributions; links use the mode",
        arguments: [
            ("lan", 0.25, 0.35, 0.16, 0.500, 0.515),
            ("wlan", 0.635, 1.18, 3.27, 3.365, 5.180),
            ("business_isp", 0.87, 5.95, 1.21, 6.518, 7.717),
            ("mobile_isp", 0.49, 16.2, 8.02, 22.508, 25.24),
        ])
    func etherClasses(name: String, shape: Double, location: Double, scale: Double, mode: Double, mean: Double) throws {
        let latency = try #require(LatencyClass.named(name))
        #expect(latency.distribution == .lognormal(shape: shape, locationMs: location, scaleMs: scale))
        #expect(abs(latency.latencyMs - mode) < 0.001)
        #expect(abs((latency.distribution?.meanMs ?? 0) - mean) < 0.01)
    }

    /// What each (role, class) of link must look like: bandwidth in Mbit/s and directedness.
    struct Expectation: Sendable {
        var role: String
        var latencyClass: String
        var bandwidths: Set<Double>
        var directed: Bool
    }

    static let expectations: [Expectation] = [
        Expectation(role: "host", latencyClass: "lan", bandwidths: [1000], directed: false),
        Expectation(role: "switch", latencyClass: "lan", bandwidths: [10_000], directed: false),
        Expectation(role: "shared", latencyClass: "direct", bandwidths: [100, 300, 500, 1000], directed: false),
        Expectation(role: "uplink", latencyClass: "mobile_isp", bandwidths: [25], directed: true),
        Expectation(role: "downlink", latencyClass: "mobile_isp", bandwidths: [125], directed: true),
        Expectation(role: "uplink", latencyClass: "business_isp", bandwidths: [50], directed: true),
        Expectation(role: "downlink", latencyClass: "business_isp", bandwidths: [500], directed: true),
        Expectation(role: "uplink", latencyClass: "lan", bandwidths: [1000, 10_000], directed: true),
        Expectation(role: "downlink", latencyClass: "lan", bandwidths: [1000, 10_000], directed: true),
        Expectation(role: "uplink", latencyClass: "direct", bandwidths: [10_000], directed: true),
        Expectation(role: "downlink", latencyClass: "direct", bandwidths: [10_000], directed: true),
        Expectation(role: "uplink", latencyClass: "radio_5g", bandwidths: [50], directed: true),
        Expectation(role: "downlink", latencyClass: "radio_5g", bandwidths: [100], directed: true),
        Expectation(role: "backbone", latencyClass: "wan", bandwidths: [100_000], directed: false),
    ]

    @Test(
        "every link of every scenario has its class's bandwidth, distribution and mode",
        arguments: 0..<ScenarioTests.cases.count)
    func scenarioLinks(caseIndex: Int) throws {
        let (name, scenario) = ScenarioTests.cases[caseIndex]
        let topology = try ClusterGenerator.generate(scenario, seed: 5)
        let media = Dictionary(uniqueKeysWithValues: topology.media.map { ($0.id, $0.bandwidthMbps) })
        for link in topology.links {
            let role = link.labels["role"] ?? ""
            let latencyClass = link.labels["class"] ?? ""
            guard let expected = Self.expectations.first(where: { $0.role == role && $0.latencyClass == latencyClass })
            else {
                Issue.record(
                    "\(name): unexpected link class \(role)/\(latencyClass) on \(link.source) -> \(link.target)")
                continue
            }
            #expect(
                expected.bandwidths.contains(link.bandwidthMbps),
                "\(name): \(role)/\(latencyClass) \(link.bandwidthMbps)")
            #expect(link.directed == expected.directed)
            if let named = LatencyClass.named(latencyClass) {
                #expect(link.latencyDistribution == named.distribution)
                #expect(link.latencyMs == named.latencyMs)
            } else {
                #expect(link.latencyDistribution == nil && link.latencyMs > 0)
            }
            if role == "shared", let medium = media[link.source] {
                #expect(link.bandwidthMbps == medium, "a shared hub's link carries its medium's bandwidth")
            }
            if let medium = link.sharedMediumId {
                #expect(media[medium] != nil)
                #expect(link.source == medium || link.target == medium, "medium links touch the medium's hub")
            }
        }
    }

    @Test("uplink presets: mobile 125/25, business ISP 500/50, fibre 1000/1000 (Ether's UpDownLink blocks)")
    func presets() {
        #expect(Attachment.mobile.shape == .upDown(downMbps: 125, upMbps: 25))
        #expect(Attachment.mobile.latency == .mobileISP)
        #expect(Attachment.businessISP.shape == .upDown(downMbps: 500, upMbps: 50))
        #expect(Attachment.businessISP.latency == .businessISP)
        #expect(Attachment.fibre.shape == .upDown(downMbps: 1000, upMbps: 1000))
        #expect(Attachment.fibre.latency == .lan)
    }

    @Test("an urban neighbourhood's devices share its medium and reach the internet over the mobile pair")
    func urbanMobilePair() throws {
        let topology = try ClusterGenerator.generate(UrbanSensingScenario(cells: 1), seed: 1)
        let up = topology.links.filter { $0.source == "shared_0" && $0.target == "internet" }
        let down = topology.links.filter { $0.source == "internet" && $0.target == "shared_0" }
        #expect(up.count == 1 && down.count == 1)
        #expect(up.first?.bandwidthMbps == 25 && down.first?.bandwidthMbps == 125)
        #expect(up.first?.labels["uplink"] == "mobile")
        #expect(abs((up.first?.latencyMs ?? 0) - 22.508) < 0.001)
        let rpiLinks = topology.links.filter { $0.source.hasPrefix("rpi3_") }
        #expect(
            !rpiLinks.isEmpty && rpiLinks.allSatisfy { $0.sharedMediumId == nil }, "rpi3s sit in boxes behind a switch")
        let boxLinks = topology.links.filter { $0.target == "shared_0" && $0.labels["role"] == "switch" }
        #expect(!boxLinks.isEmpty && boxLinks.allSatisfy { $0.sharedMediumId == "shared_0" })
    }
}
