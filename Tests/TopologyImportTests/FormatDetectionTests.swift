import EdgeSimTestSupport
import Testing
@testable import TopologyImport

@Suite("Format detection by content, not by file name")
struct FormatDetectionTests {
    @Test("each kind is recognised under a misleading name", arguments: [
        ("zoo-mini.graphml", "data.json", TopologyFormat.zoo),
        ("ether-mini.json", "data.graphml", .ether),
        ("peersimgym-mini.json", "data.xml", .peersimgym),
        ("namespace-none.graphml", "data.json", .graphml),
    ])
    func misleadingNames(fixture: String, name: String, expected: TopologyFormat) throws {
        let directory = TemporaryDirectory()
        let path = directory.file(name)
        Shell.write(Shell.contents(ImportTestSupport.fixture(fixture)) ?? [], to: path)
        #expect(try TopologyImporter.importTopology(path: path).format == expected)
    }

    @Test("an explicit --format that does not fit the content is a clear error", arguments: [
        ("peersimgym-mini.json", TopologyFormat.graphml, "--format graphml does not read PeersimGym JSON"),
        ("zoo-mini.graphml", .peersimgym, "--format peersimgym expects PeersimGym JSON, found XML"),
        ("ether-mini.json", .peersimgym, "--format peersimgym expects PeersimGym JSON, found node-link JSON"),
        ("ether-mini.json", .zoo, "--format zoo expects GraphML, found node-link JSON"),
    ] as [(String, TopologyFormat, String)])
    func mismatches(fixture: String, format: TopologyFormat, message: String) throws {
        let error = try #require(ImportTestSupport.failure(fixture) { $0.format = format })
        #expect(error.description.contains(message), "\(error)")
    }

    @Test("an explicit mapping applies to any GraphML")
    func forcedMapping() throws {
        let result = try ImportTestSupport.load("namespace-standard.graphml") { $0.format = .zoo }
        #expect(result.format == .zoo)
        #expect(result.topology.nodes.allSatisfy { $0.kind == .router })
        #expect(result.topology.provenance.parameters["format"] == "zoo")
        let ether = ImportTestSupport.failure("namespace-standard.graphml") { $0.format = .ether }
        #expect(ether?.description.contains("no 'kind' attribute") == true)
    }

    @Test("empty, binary and unrelated JSON inputs are recognised as such")
    func unrecognised() throws {
        let directory = TemporaryDirectory()
        for (name, bytes, message) in [
            ("empty", [UInt8](), "the input is empty"),
            ("binary", [0x00, 0x01, 0x02, 0xFF], "expected GraphML (XML) or JSON"),
            ("other.json", Array(#"{"format": "edgesim-topology"}"#.utf8), "JSON without 'nodes'"),
            ("broken.json", Array(#"{"nodes": [ {"id": 1}, ]}"#.utf8), "expected a value"),
        ] {
            let path = directory.file(name)
            Shell.write(bytes, to: path)
            do {
                _ = try TopologyImporter.importTopology(path: path)
                Issue.record("\(name) imported")
            } catch {
                #expect(error.description.contains(message), "\(name): \(error)")
            }
        }
    }
}
