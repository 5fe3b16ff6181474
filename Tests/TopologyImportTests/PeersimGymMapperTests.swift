import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

@Suite("PeersimGym Ether JSON mapping")
struct PeersimGymMapperTests {
    @Test("nodes keep capacities, coordinates and labels")
    func nodes() throws {
        let result = try ImportTestSupport.load("peersimgym-mini.json")
        #expect(result.format == .peersimgym)
        let topology = result.topology
        #expect(topology.nodes.map(\.id) == ["rpi_a", "rpi_b", "nuc", "srv"])
        let rpi = try #require(topology.node("rpi_a"))
        #expect(rpi.kind == .device && rpi.cores == 4 && rpi.coreSpeedMips == 1100)
        #expect(rpi.position == .planar(xMeters: 10, yMeters: 20.5))
        #expect(rpi.labels["peersimgym.id"] == "101")
        #expect(rpi.labels["peersimgym.name"] == nil)
        let nuc = try #require(topology.node("nuc"))
        // 14800 millicores: 15 cores whose total is 14.8 x the NUC's per-core speed.
        #expect(nuc.kind == .edge && nuc.cores == 15)
        #expect(abs(nuc.totalSpeedMips - 14.8 * 2600) < 1e-6)
        #expect(nuc.memoryBytes == 68_719_476_736)
    }

    @Test("links carry path_info's bottleneck bandwidth and half the expected RTT")
    func links() throws {
        let result = try ImportTestSupport.load("peersimgym-mini.json")
        let topology = result.topology
        let symmetric = try #require(topology.links(from: "rpi_a", to: "nuc").first)
        #expect(!symmetric.directed && symmetric.bandwidthMbps == 500 && symmetric.latencyMs == 2)
        #expect(symmetric.labels["peersimgym.path_bandwidths"] == "1000,500,1000")
        let up = try #require(topology.links(from: "rpi_a", to: "srv").first)
        let down = try #require(topology.links(from: "srv", to: "rpi_a").first)
        #expect(up.directed && up.bandwidthMbps == 25 && up.latencyMs == 24)
        #expect(down.directed && down.bandwidthMbps == 125 && down.latencyMs == 25)
        #expect(topology.links(from: "rpi_b", to: "nuc").first?.latencyMs == 1.5)  // mirrored
        let defaulted = try #require(topology.links(from: "nuc", to: "srv").first)
        #expect(defaulted.bandwidthMbps == 1000 && defaulted.latencyMs == 1)
        #expect(result.count("edges") == 5)
        #expect(result.count("path_info_entries") == 6)
        #expect(result.count("neighbour_duplicates") == 1)
        #expect(result.count("path_info_without_neighbour") == 1)
        #expect(result.count("links_directed_pairs") == 1)
        #expect(result.count("links_mirrored") == 2)
        #expect(result.count("links_defaulted") == 1)
        #expect(topology.links.count == 6)
    }

    @Test("an id missing from nodes is a located error")
    func unknownId() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bad.json")
        Shell.write("""
            {"nodes": {"a": {"id": 1, "capacity": {"cpu_milis": 1000, "memory": 1}, "labels": {}}},
             "links": {"path_info": [], "neighbours": {"1": [2]}}}
            """, to: path)
        do {
            _ = try TopologyImporter.importTopology(path: path)
            Issue.record("expected an error")
        } catch {
            #expect(error.description.contains("node id 2 is not among 'nodes'"))
            #expect(error.location?.line == 2)
        }
    }
}
