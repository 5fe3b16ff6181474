import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing
@testable import TopologyImport

@Suite("Canonical table: the fast writer equals Topology.write byte for byte")
struct TopologyTableTests {
    static let fixtureNames = [
        "namespace-standard.graphml", "key-types.graphml", "mixed-directed.graphml", "parallel-edges.graphml",
        "nested.graphml", "hyperedges-ports.graphml", "yed.graphml", "order-and-text.graphml", "zoo-mini.graphml",
        "generic-canonical.graphml", "ether-mini.json", "peersimgym-mini.json",
    ]

    /// Writes the result both ways and compares the bytes.
    static func expectSameBytes(_ result: TopologyImportResult, _ label: String) throws {
        let directory = TemporaryDirectory()
        let fast = directory.file("fast.topology.json")
        let reference = directory.file("reference.topology.json")
        try result.write(to: fast)
        try result.topology.write(to: reference)
        let fastBytes = try #require(Shell.contents(fast))
        let referenceBytes = try #require(Shell.contents(reference))
        #expect(fastBytes == referenceBytes, "\(label): the table writer differs from Topology.write")
        let reloaded = try Topology.load(path: fast)
        #expect(reloaded == result.topology, "\(label): the written file does not read back to the same topology")
    }

    @Test("on every fixture", arguments: fixtureNames)
    func everyFixture(name: String) throws {
        try Self.expectSameBytes(try ImportTestSupport.load(name), name)
    }

    @Test("with escapes, long strings, unusual numbers, both position kinds")
    func awkwardValues() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("awkward.graphml")
        let quotes = String(repeating: "\"\\", count: 150_000)
        Shell.write("""
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
              <key id="t" for="node" attr.name="text" attr.type="string"/>
              <key id="x" for="node" attr.name="xMeters" attr.type="double"/>
              <key id="y" for="node" attr.name="yMeters" attr.type="double"/>
              <key id="a" for="node" attr.name="latitudeDegrees" attr.type="double"/>
              <key id="o" for="node" attr.name="longitudeDegrees" attr.type="double"/>
              <key id="l" for="edge" attr.name="latencyMs" attr.type="double"/>
              <key id="b" for="edge" attr.name="bandwidthMbps" attr.type="double"/>
              <graph edgedefault="undirected">
                <node id="q&quot;uote\\back"><data key="t">tab&#9;cr&#13;nl&#10;é☺𝄞</data><data key="x">1e-05</data><data key="y">-0.0</data></node>
                <node id="long"><data key="t">\(quotes)</data><data key="a">-90</data><data key="o">180</data></node>
                <edge id="e&amp;1" source="q&quot;uote\\back" target="long"><data key="l">0.1</data><data key="b">1e16</data></edge>
                <edge source="long" target="long"><data key="l">-0.0</data><data key="b">123456789.125</data></edge>
              </graph>
            </graphml>
            """, to: path)
        let result = try TopologyImporter.importTopology(path: path)
        #expect(result.topology.node("long")?.labels["text"]?.count == 300_000)
        try Self.expectSameBytes(result, "awkward")
    }

    @Test("control characters from JSON sources are escaped as JSONWriter does")
    func controlCharacters() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("controls.json")
        Shell.write(#"""
            {"directed": false, "multigraph": false, "graph": {"name": "c\u0001"},
             "nodes": [{"id": "a\u001f", "note": "bell\u0007 del\u007f \"q\" \\"}, {"id": "b"}],
             "links": [{"source": "a\u001f", "target": "b", "text": "\u0000"}]}
            """#, to: path)
        let result = try TopologyImporter.importTopology(path: path)
        #expect(result.topology.nodes[0].id == "a\u{1F}")
        #expect(result.topology.links[0].labels["text"] == "\u{0}")
        try Self.expectSameBytes(result, "controls")
    }

    @Test("the table's validation agrees with the topology's")
    func validation() throws {
        let result = try ImportTestSupport.load("zoo-mini.graphml")
        #expect(result.table.validationIssues(path: "x").isEmpty)
        result.table.linkBandwidths[0] = 0
        result.table.linkLatencies[1] = -.infinity
        let issues = result.table.validationIssues(path: "x")
        let reference = result.topology.validationIssues(sourceMap: TopologySourceMap(path: "x"))
        #expect(issues.count == 2 && reference.count == 2)
        #expect(issues.map(\.location.jsonPath) == reference.map(\.location.jsonPath))
        #expect(throws: TopologyImportError.self) { try result.write(to: TemporaryDirectory().file("never.json")) }
    }
}

@Suite("Determinism: threads never change the bytes")
struct DeterminismTests {
    static let inputs: [String] = {
        var inputs = ["zoo-mini.graphml", "ether-mini.json", "nested.graphml", "key-types.graphml"].map(ImportTestSupport.fixture)
        if let large = ImportTestSupport.shared("topologies/graphml/graphinout/yworks/yed-3.12.2/guava-17--EXPECTED-Gml2Cj2Gml.graphml") {
            inputs.append(large)
        }
        if let ether = ImportTestSupport.shared("topologies/ether/urban_sensing_c10_s7.graphml") { inputs.append(ether) }
        return inputs
    }()

    @Test("importing the same input five times gives identical files", arguments: inputs)
    func repeatable(path: String) throws {
        let directory = TemporaryDirectory()
        var first: [UInt8]?
        for run in 0..<5 {
            let output = directory.file("run\(run).topology.json")
            try TopologyImporter.importTopology(path: path).write(to: output)
            let bytes = try #require(Shell.contents(output))
            if let first { #expect(bytes == first, "run \(run) of \(path) differs") } else { first = bytes }
        }
    }
}
