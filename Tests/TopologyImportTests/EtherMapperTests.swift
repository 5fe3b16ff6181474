import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

@Suite("Ether mapping")
struct EtherMapperTests {
    static let lan = LatencyDistribution.lognormal(shape: 0.25, locationMs: 0.35, scaleMs: 0.16)
    static let mobile = LatencyDistribution.lognormal(shape: 0.49, locationMs: 16.2, scaleMs: 8.02)

    @Test("compute nodes keep cores, memory, arch and Ether labels; kinds by Ether type")
    func computeNodes() throws {
        let result = try ImportTestSupport.load("ether-mini.json")
        #expect(result.format == .ether)
        let topology = result.topology
        let rpi = try #require(topology.node("rpi3_0"))
        #expect(rpi.kind == .device && rpi.tier == 0)
        #expect(rpi.cores == 4 && rpi.coreSpeedMips == 1100)
        #expect(rpi.memoryBytes == 1_023_012_864)
        #expect(rpi.labels["ether.edgerun.io/model"] == "rpi3b+")
        #expect(rpi.labels["ether.edgerun.io/arch"] == "arm32")
        #expect(rpi.labels["ether.cpu_millis"] == "4000")
        let server = try #require(topology.node("server_0"))
        #expect(server.kind == .edge && server.cores == 88 && server.memoryBytes == 188_000_000_000)
        #expect(topology.node("internet")?.kind == .router)
        #expect(topology.node("switch_0")?.kind == .switch)
        #expect(topology.name == "hand-written mini")
    }

    @Test("NIC and up/down Link vertices fold into links carrying their bandwidth")
    func folding() throws {
        let result = try ImportTestSupport.load("ether-mini.json")
        let topology = result.topology
        for folded in ["link_rpi3_0", "link_rpi3_1", "up_0", "down_0", "link_server_0"] {
            #expect(topology.node(folded) == nil, "\(folded) should be folded")
        }
        #expect(result.count("ether_link_vertices_folded") == 5)
        let host = try #require(topology.links(from: "server_0", to: "switch_0").first)
        #expect(host.bandwidthMbps == 1000 && !host.directed)
        #expect(host.latencyDistribution == Self.lan)
        #expect(host.latencyMs == Self.lan.modeMs)
        #expect(host.labels["ether.via"] == "link_server_0")
        #expect(host.labels["ether.conn_id"] == "8,9")
        let up = try #require(topology.links(from: "shared_0", to: "internet").first)
        #expect(up.directed && up.bandwidthMbps == 25 && up.latencyDistribution == Self.mobile)
        let down = try #require(topology.links(from: "internet", to: "shared_0").first)
        #expect(down.directed && down.bandwidthMbps == 125)
        #expect(down.sharedMediumId == nil)  // directed backhaul, not a member
    }

    @Test("a constant part folded into a distribution shifts its location")
    func distributionShift() throws {
        let link = try #require(try ImportTestSupport.load("ether-mini.json").topology.links(from: "rpi3_0", to: "shared_0").first)
        guard case .lognormal(let shape, let location, let scale) = link.latencyDistribution else {
            Issue.record("expected a lognormal")
            return
        }
        #expect(shape == 0.25 && scale == 0.16)
        #expect(abs(location - 0.45) < 1e-12)
        #expect(abs(link.latencyMs - (Self.lan.modeMs + 0.1)) < 1e-12)
    }

    @Test("a shared Link becomes a switch plus a medium its member links carry")
    func sharedMedium() throws {
        let topology = try ImportTestSupport.load("ether-mini.json").topology
        #expect(topology.media == [SharedMedium(id: "shared_0", bandwidthMbps: 300, labels: ["ether.link_type": "shared"])])
        #expect(topology.node("shared_0")?.kind == .switch)
        let members = topology.links.filter { $0.sharedMediumId == "shared_0" }
        #expect(members.map(\.source) == ["rpi3_0", "rpi3_1"])
        #expect(members.allSatisfy { $0.bandwidthMbps == 300 })  // the smallest capacity spanned
    }

    @Test("capacity-less connections are unconstrained; inet arcs stay directed; a lone Link is kept")
    func unconstrainedAndKept() throws {
        let result = try ImportTestSupport.load("ether-mini.json") { $0.unconstrainedBandwidthMbps = 40_000 }
        let topology = result.topology
        let backbone = try #require(topology.links(from: "switch_0", to: "internet").first)
        #expect(backbone.bandwidthMbps == 40_000)
        #expect(backbone.labels["ether.capacity"] == "unconstrained")
        let inet = topology.links(from: "internet", to: "internet_b") + topology.links(from: "internet_b", to: "internet")
        #expect(inet.map(\.latencyMs) == [12.5, 13.0])
        #expect(inet.allSatisfy { $0.directed && $0.labels["ether.inet"] == "true" })
        #expect(topology.node("link_lonely")?.kind == .switch)
        #expect(topology.links(from: "link_lonely", to: "switch_0").first?.bandwidthMbps == 100)
        #expect(result.count("links_unconstrained") == 3)
        #expect(result.count("ether_connections") == 9)
        #expect(result.count("ether_arcs_paired") == 8)
    }

    @Test("--ether-links switch keeps every Link vertex as a switch")
    func switchMode() throws {
        let result = try ImportTestSupport.load("ether-mini.json") { $0.etherLinks = .switch }
        let topology = result.topology
        #expect(topology.nodes.count == 13)
        #expect(topology.node("link_rpi3_0")?.kind == .switch)
        #expect(topology.links.count == 14)
        let nic = try #require(topology.links(from: "rpi3_0", to: "link_rpi3_0").first)
        #expect(nic.bandwidthMbps == 1000 && nic.latencyDistribution == Self.lan)
        #expect(result.count("ether_link_vertices_folded") == 0)
    }

    @Test("the GraphML and node-link JSON exports of one Ether topology map identically",
          .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: skipped"),
          arguments: ["iiot_p1_s42", "urban_sensing_c3_s42", "cloud_regions_cloudping_s42"])
    func bothSyntaxes(sample: String) throws {
        let folder = try #require(ImportTestSupport.shared("topologies/ether/"))
        let fromGraphML = try TopologyImporter.importTopology(path: folder + sample + ".graphml").topology
        let fromJSON = try TopologyImporter.importTopology(path: folder + sample + ".json").topology
        #expect(fromGraphML.nodes == fromJSON.nodes)
        #expect(fromGraphML.links == fromJSON.links)
        #expect(fromGraphML.media == fromJSON.media)
    }
}
