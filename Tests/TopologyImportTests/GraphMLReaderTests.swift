import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

@Suite("GraphML reader: the checklist, point by point")
struct GraphMLReaderTests {
    @Test("namespaces: standard, 1.0rc, none and a prefixed root read alike",
          arguments: ["namespace-standard", "namespace-rc", "namespace-none", "namespace-prefixed"])
    func namespaces(variant: String) throws {
        let result = try ImportTestSupport.load(variant + ".graphml")
        let topology = result.topology
        #expect(result.count("nodes") == 3)
        #expect(result.count("edges") == 2)
        #expect(topology.nodes.map(\.id) == ["a", "b", "c"])
        #expect(topology.node("a")?.labels["label"] == "Alpha")
        #expect(result.summary["directed"] == .bool(false))
    }

    @Test("keys: six types plus integer; missing and unknown types read as strings, counted")
    func keyTypes() throws {
        let result = try ImportTestSupport.load("key-types.graphml")
        let n1 = try #require(result.topology.node("n1")).labels
        #expect(n1["flag"] == "true")  // " TRUE " trimmed, case-insensitive, canonical
        #expect(n1["count"] == "339")  // int written 339.0
        #expect(n1["gephi"] == "12")  // attr.type="integer"
        #expect(n1["big"] == "9007199254740993")  // beyond 2^53, exact
        #expect(n1["ratio"] == "NaN")
        #expect(n1["weight"] == "4.25")  // typed values are trimmed
        #expect(n1["note"] == "  spaced  ")  // strings keep their text
        #expect(n1["untyped"] == "free text")
        #expect(n1["short"] == "17")
        #expect(result.count("unknown_attribute_types") == 1)
        let n2 = try #require(result.topology.node("n2")).labels
        #expect(n2["flag"] == "true")  // 1
        #expect(n2["big"] == "-9223372036854775808")
        #expect(n2["ratio"] == "INF")
        #expect(result.topology.node("n3")?.labels["flag"] == "false")
        #expect(result.topology.node("n3")?.labels["ratio"] == "-Infinity")
    }

    @Test("<default>s apply to elements without the value, per scope; empty <data/> is missing")
    func defaults() throws {
        let result = try ImportTestSupport.load("key-types.graphml")
        let topology = result.topology
        #expect(topology.node("n2")?.labels["weight"] == "2.5")  // empty <data/> takes the default
        #expect(topology.node("n3")?.labels["count"] == "7")
        #expect(topology.node("n3")?.labels["note"] == "none")
        #expect(topology.node("n3")?.labels["everywhere"] == "explicit")
        #expect(topology.node("n1")?.labels["everywhere"] == "all-default")  // for="all"
        #expect(topology.links[0].labels["capacity"] == "1e3")
        #expect(topology.links[1].labels["capacity"] == "10")  // edge default
        #expect(topology.links[1].labels["everywhere"] == "all-default")
        #expect(result.count("key_defaults") == 6)
    }

    @Test("networkx mode: --no-key-defaults leaves defaults unapplied")
    func defaultsOff() throws {
        let result = try ImportTestSupport.load("key-types.graphml") { $0.applyKeyDefaults = false }
        #expect(result.topology.node("n3")?.labels["count"] == nil)
        #expect(result.topology.node("n2")?.labels["weight"] == nil)
        #expect(result.topology.links[1].labels["capacity"] == nil)
    }

    @Test("typed values that do not parse are errors naming the file and line",
          arguments: [("bad-int.graphml", 6, "'four'"), ("bad-bool.graphml", 8, "'yes'")])
    func typedValueErrors(file: String, line: Int, excerpt: String) throws {
        let error = try #require(ImportTestSupport.failure(file))
        #expect(error.location?.line == line)
        #expect(error.description.contains(excerpt))
        #expect(error.description.hasPrefix(ImportTestSupport.fixture(file) + ":\(line): "))
    }

    @Test("edgedefault and per-edge directed: mixed graphs keep each edge's direction")
    func mixedDirections() throws {
        let result = try ImportTestSupport.load("mixed-directed.graphml")
        #expect(result.topology.links.map(\.directed) == [true, false, true])
        #expect(result.summary["directed"] == .text("mixed"))
        #expect(result.count("edges_with_directed_attribute") == 2)
        #expect(result.topology.links.map(\.id) == ["ab", "bc", "ca"])
    }

    @Test("parallel edges keep their ids; self-loops stay; a missing edgedefault is undirected")
    func parallelEdges() throws {
        let result = try ImportTestSupport.load("parallel-edges.graphml")
        let topology = result.topology
        #expect(result.count("edges") == 4)
        #expect(topology.links.map(\.id) == ["e1", "e2", nil, "loop"])
        #expect(topology.links.map(\.latencyMs) == [1.5, 2.5, 3.5, 1.0])
        #expect(topology.links.last?.source == "a" && topology.links.last?.target == "a")
        #expect(topology.links.allSatisfy { !$0.directed })
    }

    @Test("edges to undeclared nodes: an error with the line by default, created nodes on request")
    func undeclaredEndpoints() throws {
        let error = try #require(ImportTestSupport.failure("undeclared-endpoint.graphml"))
        #expect(error.location?.line == 7)
        #expect(error.description.contains("'ghost'"))
        #expect(error.description.contains("--undeclared-nodes create"))
        let result = try ImportTestSupport.load("undeclared-endpoint.graphml") { $0.undeclaredNodes = .create }
        #expect(result.topology.node("ghost")?.labels["graphml.created"] == "true")
        #expect(result.count("nodes_created") == 1)
        #expect(result.count("nodes") == 3)
    }

    @Test("several top-level graphs: all merged by default, one with --graph")
    func topLevelGraphs() throws {
        let all = try ImportTestSupport.load("multiple-graphs.graphml")
        #expect(all.count("graphs") == 3)
        #expect(all.count("graphs_imported") == 3)
        #expect(all.topology.nodes.map(\.id) == ["a", "b", "c", "d", "e"])
        #expect(all.count("edges") == 3)
        #expect(all.topology.node("d")?.labels["graphml.graph"] == "second")
        #expect(all.topology.name == "First")
        let second = try ImportTestSupport.load("multiple-graphs.graphml") { $0.graphSelection = .index(1) }
        #expect(second.topology.nodes.map(\.id) == ["c", "d"])
        #expect(second.count("graphs_imported") == 1)
        // The first graph alone has an edge to a node of the second: undeclared there.
        let first = ImportTestSupport.failure("multiple-graphs.graphml") { $0.graphSelection = .index(0) }
        #expect(first?.location?.line == 10)
        let missing = ImportTestSupport.failure("multiple-graphs.graphml") { $0.graphSelection = .index(3) }
        #expect(missing?.description.contains("has 3 top-level graphs") == true)
    }

    @Test("nested graphs are flattened, each node recording its parent")
    func nestedGraphs() throws {
        let result = try ImportTestSupport.load("nested.graphml")
        let topology = result.topology
        #expect(result.count("nested_graphs") == 4)
        #expect(topology.nodes.count == 8)
        #expect(topology.node("outer::b::x")?.labels["graphml.parent"] == "outer::b")
        #expect(topology.node("group::member")?.labels["graphml.parent"] == "group")
        #expect(topology.node("carrier::inner")?.labels["graphml.parent"] == "carrier")
        #expect(topology.node("plain")?.labels["graphml.parent"] == nil)
        // Nested graphs keep their own edgedefault.
        #expect(topology.links(from: "outer::b::x", to: "outer::a").first?.directed == false)
        #expect(topology.links(from: "outer::a", to: "outer::b").first?.directed == true)
        #expect(result.summary["directed"] == .text("mixed"))
    }

    @Test("hyperedges are skipped and counted; ports are counted and edge ports recorded")
    func hyperedgesAndPorts() throws {
        let result = try ImportTestSupport.load("hyperedges-ports.graphml")
        #expect(result.count("hyperedges_skipped") == 2)
        #expect(result.count("ports_seen") == 4)
        #expect(result.count("edges") == 1)
        let link = try #require(result.topology.links.first)
        #expect(link.labels["graphml.sourceport"] == "south")
        #expect(link.labels["graphml.targetport"] == "west")
        #expect(result.warnings.messages.contains { $0.contains("<hyperedge> skipped") })
        #expect(result.count("data_ignored") == 1)  // the port's <data>
    }

    @Test("<locator> is not followed; graphml-level data and unselected graphs are counted")
    func locatorAndIgnoredData() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("locator.graphml")
        Shell.write("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xlink="http://www.w3.org/1999/xlink">
              <key id="k" for="graphml" attr.name="note" attr.type="string"/>
              <data key="k">document-level</data>
              <graph id="a" edgedefault="undirected"><node id="x"><locator xlink:href="http://example.invalid/x.graphml"/></node></graph>
              <graph id="b" edgedefault="undirected"><node id="y"/><node id="z"/><edge source="y" target="z"/></graph>
            </graphml>
            """, to: path)
        var options = TopologyImportOptions()
        options.graphSelection = .index(0)
        let result = try TopologyImporter.importTopology(path: path, options: options)
        #expect(result.topology.nodes.map(\.id) == ["x"])
        #expect(result.count("data_ignored") == 1)
        #expect(result.count("nodes_outside_selection") == 2)
        #expect(result.count("edges_outside_selection") == 1)
    }

    @Test("yEd payloads are skipped except node and edge labels and node geometry")
    func yedPayloads() throws {
        let result = try ImportTestSupport.load("yed.graphml")
        let topology = result.topology
        #expect(topology.node("n0")?.labels == ["label": "Gateway", "url": "http://example.org/a"])
        #expect(topology.node("n0")?.position == .planar(xMeters: 10.5, yMeters: -20.25))
        #expect(topology.node("n1")?.labels["label"] == "Server")  // the first non-empty label
        #expect(topology.links.first?.labels["label"] == "uplink")
        #expect(result.count("payload_data_skipped") == 3)
    }

    @Test("order, text and leniency: edges first, <desc>, entities, CDATA, merges, scopes, undeclared keys")
    func orderAndText() throws {
        let result = try ImportTestSupport.load("order-and-text.graphml")
        let topology = result.topology
        #expect(topology.nodes.map(\.id) == ["R&D", "ops"])  // "hidden" was inside an unknown element
        #expect(topology.links.first?.source == "R&D")
        #expect(topology.node("R&D")?.labels["name"] == "R&D \u{263A}")
        #expect(topology.node("R&D")?.labels["graphml.desc"] == "Research <and> development")
        #expect(topology.node("ops")?.labels["name"] == "ops, merged")
        #expect(topology.node("ops")?.labels["extra"] == "undeclared value")
        #expect(topology.node("ops")?.labels["weight"] == "3.5")
        #expect(topology.provenance.parameters["graph.graphml.desc"] == "A graph & its description")
        #expect(result.count("duplicate_nodes_merged") == 1)
        #expect(result.count("undeclared_keys") == 1)
        #expect(result.count("data_outside_key_scope") == 1)
        #expect(result.count("unknown_elements_skipped") == 1)
    }

    @Test("CDATA content is text")
    func cdata() throws {
        let result = try ImportTestSupport.load("order-and-text.graphml")
        #expect(result.count("nodes") == 2)
        let directory = TemporaryDirectory()
        let path = directory.file("cdata.graphml")
        Shell.write("""
            <graphml><key id="k" for="node" attr.name="v"/><graph><node id="a"><data key="k"><![CDATA[<x> & y]]></data></node></graph></graphml>
            """, to: path)
        let topology = try TopologyImporter.importTopology(path: path).topology
        #expect(topology.node("a")?.labels["v"] == "<x> & y")
    }

    @Test("structural and syntax errors are clean, located errors",
          arguments: [
              ("duplicate-edge-id.graphml", "duplicate edge id 'e'", 7),
              ("no-graph.graphml", "no <graph> element", nil),
              ("not-graphml.xml", "not GraphML: the root element is <svg>", 2),
              ("malformed.graphml", "malformed XML", 4),
              ("misplaced-node.graphml", "must be inside a <graph> (found inside a <node>)", 5),
          ] as [(String, String, Int?)])
    func structuralErrors(file: String, message: String, line: Int?) throws {
        let error = try #require(ImportTestSupport.failure(file))
        #expect(error.description.contains(message), "\(error)")
        #expect(error.location?.line == line)
    }

    @Test("gzip-compressed GraphML streams through the same reader")
    func gzipInput() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("nested.graphml.gz")
        Shell.write(Shell.gzip(Shell.contents(ImportTestSupport.fixture("nested.graphml")) ?? []), to: path)
        let compressed = try TopologyImporter.importTopology(path: path)
        let plain = try ImportTestSupport.load("nested.graphml")
        #expect(compressed.topology.nodes == plain.topology.nodes)
        #expect(compressed.topology.links == plain.topology.links)
    }

    @Test("igraph's reuse of one key id for graph and node scopes resolves by scope")
    func keyIdsPerScope() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("igraph.graphml")
        Shell.write("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="name" for="graph" attr.name="name" attr.type="string"/>
              <key id="name" for="node" attr.name="name" attr.type="string"/>
              <graph edgedefault="undirected">
                <data key="name">Les Miserables</data>
                <node id="n0"><data key="name">Myriel</data></node>
              </graph>
            </graphml>
            """, to: path)
        let result = try TopologyImporter.importTopology(path: path)
        #expect(result.topology.name == "Les Miserables")
        #expect(result.topology.node("n0")?.labels["name"] == "Myriel")
    }
}
