import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

@Suite("Generic GraphML mapping")
struct GenericMapperTests {
    @Test("canonical attribute names and aliases become fields; the rest labels")
    func canonicalNames() throws {
        let result = try ImportTestSupport.load("generic-canonical.graphml")
        let topology = result.topology
        let sensor = try #require(topology.node("sensor"))
        #expect(sensor.kind == .device)
        #expect(sensor.tier == 0)
        #expect(sensor.cores == 1)
        #expect(sensor.coreSpeedMips == 800)
        #expect(sensor.memoryBytes == TopologyImportOptions().defaultMemoryBytes)
        #expect(sensor.queueCapacity == 4)
        #expect(sensor.labels.isEmpty)
        let gateway = try #require(topology.node("gateway"))
        #expect(gateway.kind == .router)  // "Router", case-insensitive
        #expect(gateway.cores == 0)
        #expect(gateway.position == .geographic(latitudeDegrees: 52.52, longitudeDegrees: 13.405))
        let server = try #require(topology.node("server"))
        #expect(server.cores == 32)
        #expect(server.memoryBytes == 68_719_476_736)
        #expect(server.labels == ["rack": "r1"])
        let alice = try #require(topology.node("alice"))
        #expect(alice.kind == .edge)
        #expect(alice.labels == ["kind": "person"])
        #expect(result.count("kinds_unrecognised") == 1)
        #expect(topology.name == "lab")
    }

    @Test("links: bandwidth alias, latencyMs, the directed value, defaults counted")
    func links() throws {
        let result = try ImportTestSupport.load("generic-canonical.graphml")
        let links = result.topology.links
        #expect(links[0].bandwidthMbps == 54)
        #expect(links[0].latencyMs == 2.5)
        #expect(links[0].labels == ["medium": "wifi"])
        #expect(links[1].directed == true)
        #expect(links[1].latencyMs == TopologyImportOptions().defaultLatencyMs)
        #expect(links[2].bandwidthMbps == TopologyImportOptions().defaultBandwidthMbps)
        #expect(result.count("links_bandwidth_defaulted") == 1)
        #expect(result.count("links_latency_defaulted") == 2)
        #expect(result.count("links_defaulted") == 2)
    }

    @Test("options set the defaults and the kind of plain nodes")
    func options() throws {
        let result = try ImportTestSupport.load("namespace-standard.graphml") { options in
            options.genericNodeKind = .cloud
            options.defaultCores = 64
            options.defaultCoreSpeedMips = 3500
            options.defaultBandwidthMbps = 40_000
            options.defaultLatencyMs = 12
            options.name = "renamed"
        }
        let topology = result.topology
        #expect(topology.name == "renamed")
        #expect(topology.nodes.allSatisfy { $0.kind == .cloud && $0.cores == 64 && $0.coreSpeedMips == 3500 && $0.tier == 2 })
        #expect(topology.links.allSatisfy { $0.bandwidthMbps == 40_000 && $0.latencyMs == 12 })
    }

    @Test("invalid figures in canonical attributes are located errors")
    func invalidFigures() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("bad.graphml")
        Shell.write("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="b" for="edge" attr.name="bandwidthMbps" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="a"/><node id="b"/>
                <edge source="a" target="b"><data key="b">-3</data></edge>
              </graph>
            </graphml>
            """, to: path)
        #expect(throws: TopologyImportError.self) { try TopologyImporter.importTopology(path: path) }
        do {
            _ = try TopologyImporter.importTopology(path: path)
        } catch {
            #expect(error.location?.line == 5)
            #expect(error.description.contains("bandwidth must be a positive number"))
        }
    }
}
