import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

@Suite("GraphML export")
struct GraphMLExporterTests {
    static func roundTrip(_ topology: Topology) throws -> (Topology, String) {
        let directory = TemporaryDirectory()
        let path = directory.file("export.graphml")
        try GraphMLExporter.write(topology, to: path)
        let text = String(decoding: Shell.contents(path) ?? [], as: UTF8.self)
        let imported = try TopologyImporter.importTopology(path: path)
        #expect(imported.format == .graphml)
        return (imported.topology, text)
    }

    @Test("export then import gives the same topology",
          arguments: ["zoo-mini.graphml", "ether-mini.json", "peersimgym-mini.json", "generic-canonical.graphml",
                      "order-and-text.graphml", "nested.graphml", "mixed-directed.graphml"])
    func roundTrip(fixture: String) throws {
        let original = try ImportTestSupport.load(fixture).topology
        let (back, _) = try Self.roundTrip(original)
        #expect(back.nodes == original.nodes)
        #expect(back.links == original.links)
        #expect(back.media == original.media)
        #expect(back.name == original.name)
    }

    @Test("the bundled canonical sample survives the round trip")
    func sample() throws {
        let original = try Topology.load(path: Fixtures.path("topologies/sample-edge.topology.json"))
        let (back, text) = try Self.roundTrip(original)
        #expect(back.nodes == original.nodes)
        #expect(back.links == original.links)
        #expect(back.media == original.media)
        #expect(text.contains("<graph id=\"G\" edgedefault=\"undirected\">"))
        #expect(text.contains("attr.name=\"labels.ether.edgerun.io/model\""))
        #expect(text.contains("<data key=\"g1\">edgesim-topology</data>"))
    }

    @Test("all-directed topologies declare edgedefault directed")
    func directedDefault() throws {
        var topology = Topology(name: "d", nodes: [Node(id: "a", kind: .router), Node(id: "b", kind: .router)])
        topology.links = [Link(source: "a", target: "b", directed: true, bandwidthMbps: 1, latencyMs: 1)]
        let (back, text) = try Self.roundTrip(topology)
        #expect(text.contains("edgedefault=\"directed\""))
        #expect(back.links == topology.links)
    }

    @Test("ids and labels with XML metacharacters and whitespace are escaped and read back")
    func escaping() throws {
        var topology = Topology(name: "<&\">", nodes: [
            Node(id: "a&b<c>\"d'", kind: .router, labels: ["text": "tab\tcr\rnl\n  spaced  ", "x<y": "é☺"]),
            Node(id: " lead and trail ", kind: .router),
        ])
        topology.links = [Link(id: "l\t1", source: "a&b<c>\"d'", target: " lead and trail ", bandwidthMbps: 1, latencyMs: 0)]
        let (back, _) = try Self.roundTrip(topology)
        #expect(back.nodes == topology.nodes)
        #expect(back.links == topology.links)
        #expect(back.name == topology.name)
    }

    @Test("text XML 1.0 cannot carry is an error, and nothing is written")
    func controlCharacters() throws {
        let topology = Topology(name: "x", nodes: [Node(id: "a", kind: .router, labels: ["bell": "\u{7}"])])
        let directory = TemporaryDirectory()
        let path = directory.file("never.graphml")
        do {
            try GraphMLExporter.write(topology, to: path)
            Issue.record("expected an error")
        } catch {
            #expect("\(error)".contains("U+7"))
        }
        #expect(!Shell.exists(path))
    }

    @Test("an invalid topology is refused")
    func invalid() throws {
        let topology = Topology(name: "x", nodes: [Node(id: "a", kind: .edge)])  // no cores
        #expect(throws: TopologyImportError.self) { try GraphMLExporter.write(topology, to: TemporaryDirectory().file("x.graphml")) }
    }
}

@Suite("Bundled GraphML sample")
struct BundledSampleTests {
    @Test("importing topologies/sample-metro.graphml reproduces the committed topology byte for byte")
    func reproduces() throws {
        var options = TopologyImportOptions()
        options.edgeServersPerPoP = 1
        let result = try TopologyImporter.importTopology(path: Fixtures.path("topologies/sample-metro.graphml"), options: options)
        result.table.provenance.source = "topologies/sample-metro.graphml"  // as run from the repository root
        let directory = TemporaryDirectory()
        let path = directory.file("metro.topology.json")
        try result.write(to: path)
        #expect(Shell.contents(path) == Shell.contents(Fixtures.path("topologies/sample-metro.topology.json")))
        #expect(result.format == .zoo)
        #expect(result.count("links_bandwidth_from_label") == 2)
        #expect(result.count("nodes_without_position") == 1)
        #expect(result.count("edge_servers_added") == 9)
    }
}
