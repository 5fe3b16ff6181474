import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

#if canImport(Glibc)
import Glibc
#endif

@Suite("Topology Zoo mapping")
struct ZooMapperTests {
    /// An independent haversine (R = 6371.0088 km).
    static func kilometres(_ a: (Double, Double), _ b: (Double, Double)) -> Double {
        let rad = Double.pi / 180
        let dLat = (b.0 - a.0) * rad
        let dLon = (b.1 - a.1) * rad
        let h = pow(sin(dLat / 2), 2) + cos(a.0 * rad) * cos(b.0 * rad) * pow(sin(dLon / 2), 2)
        return 2 * 6371.0088 * asin(h.squareRoot())
    }

    @Test("PoPs are routers at their coordinates; the graph name comes from Network")
    func pops() throws {
        let result = try ImportTestSupport.load("zoo-mini.graphml")
        #expect(result.format == .zoo)
        let topology = result.topology
        #expect(topology.name == "MiniNet")
        #expect(topology.nodes.allSatisfy { $0.kind == .router })
        #expect(topology.node("0")?.position == .geographic(latitudeDegrees: 48.8566, longitudeDegrees: 2.3522))
        #expect(topology.node("2")?.position == nil)
        #expect(topology.node("0")?.labels == ["Country": "France", "Internal": "1", "label": "Paris"])
        #expect(result.count("nodes_without_position") == 1)
        #expect(topology.provenance.parameters["graph.Creator"] == "Topology Zoo Toolset")
    }

    @Test("bandwidth from LinkSpeedRaw, LinkSpeed x units, a label, else the default")
    func bandwidths() throws {
        let result = try ImportTestSupport.load("zoo-mini.graphml")
        #expect(result.topology.links.map(\.bandwidthMbps) == [10_000, 2500, 2488.32, 1000])
        #expect(result.count("links_bandwidth_from_label") == 1)
        #expect(result.count("links_bandwidth_defaulted") == 1)
    }

    @Test("latency is great-circle distance at 0.005 ms/km plus the hop overhead")
    func latencies() throws {
        let result = try ImportTestSupport.load("zoo-mini.graphml")
        let links = result.topology.links
        let parisLondon = Self.kilometres((48.8566, 2.3522), (51.5074, -0.1278))
        #expect(abs(parisLondon - 343.56) < 0.5)
        #expect(abs(links[0].latencyMs - (parisLondon * 0.005 + 0.1)) < 1e-9)
        #expect(abs(links[1].latencyMs - (Self.kilometres((48.8566, 2.3522), (50.8503, 4.3517)) * 0.005 + 0.1)) < 1e-9)
        #expect(links[2].latencyMs == 1.0)  // node 2 has no coordinates: the default
        #expect(links[3].latencyMs == links[0].latencyMs)  // the parallel link
        #expect(links[0].labels["zoo.distanceKm"] == String((parisLondon * 1000).rounded() / 1000))
        #expect(result.count("links_latency_defaulted") == 1)
        let tuned = try ImportTestSupport.load("zoo-mini.graphml") {
            $0.fibreMsPerKm = 0.01
            $0.hopOverheadMs = 0
        }
        #expect(abs(tuned.topology.links[0].latencyMs - parisLondon * 0.01) < 1e-9)
    }

    @Test("edge servers hang off internal PoPs only")
    func edgeServers() throws {
        let result = try ImportTestSupport.load("zoo-mini.graphml") {
            $0.edgeServersPerPoP = 2
            $0.edgeServerCores = 8
        }
        let topology = result.topology
        #expect(result.count("edge_servers_added") == 6)  // 3 internal PoPs x 2
        let servers = topology.nodes.filter { $0.kind == .edge }
        #expect(servers.map(\.id) == ["0-edge-0", "0-edge-1", "1-edge-0", "1-edge-1", "2-edge-0", "2-edge-1"])
        #expect(servers.allSatisfy { $0.cores == 8 && $0.coreSpeedMips == 3000 })
        #expect(servers.first?.labels["zoo.pop"] == "0")
        #expect(topology.links(from: "0", to: "0-edge-0").first?.bandwidthMbps == 10_000)
        #expect(topology.validationIssues(sourceMap: TopologySourceMap()).isEmpty)
    }

    @Test("link rates named in free text", arguments: [
        ("OC-192c", 9953.28), ("OC48/STM16", 2488.32), ("STM-64", 9953.28), ("45 Mbps DS-3", 45),
        ("2x10Gb/s", 20_000), ("1-2.5 Gb/s", 1000), ("10-34 Mb/s", 10), ("<= 10 Mbps", 10),
        ("Conexion G-REUNA 1 Gbps", 1000), ("DTP-Ring 2.5 Gbit/s", 2500), ("155 Mbps", 155),
        ("ANS CO+RE T1", 1.544), ("E1", 2.048), ("10GE", 10_000), ("64 kbps", 0.064),
    ] as [(String, Double)])
    func rateText(text: String, megabits: Double) {
        let parsed = LinkRateText.megabitsPerSecond(text)
        #expect(parsed.map { abs($0 - megabits) < 1e-9 } == true, "\(text) -> \(String(describing: parsed))")
    }

    @Test("texts without a rate give none", arguments: ["Green Link", "Fibre ottica spenta (Dark Fibre)", "DWDM", "Lambda", "net1", "Route 66", ""])
    func noRateText(text: String) {
        #expect(LinkRateText.megabitsPerSecond(text) == nil)
    }
}
