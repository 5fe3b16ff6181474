import EdgeSimTestSupport
import Foundation
import ScenarioModel
import Testing

@Suite("edgesim import topology / export graphml")
struct ImportTopologyCommandTests {
    static func fixture(_ name: String) -> String { Fixtures.fixture("graphml/" + name) }

    @Test("imports, writes a valid topology, reports on standard error")
    func imports() throws {
        let directory = TemporaryDirectory()
        let output = directory.file("zoo.topology.json")
        let outcome = Shell.edgesim(["import", "topology", Self.fixture("zoo-mini.graphml"), "-o", output])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.isEmpty)
        #expect(outcome.standardError.contains("imported zoo topology: 4 nodes, 4 edges -> \(output) (4 nodes, 4 links)"))
        let topology = try Topology.load(path: output)
        #expect(topology.name == "MiniNet")
        #expect(Shell.edgesim(["validate", output]).status == 0)
    }

    @Test("--summary-json - prints the documented keys in order")
    func summary() throws {
        let directory = TemporaryDirectory()
        let outcome = Shell.edgesim([
            "import", "topology", Self.fixture("hyperedges-ports.graphml"), "-o", directory.file("t.json"), "--summary-json", "-",
        ])
        #expect(outcome.status == 0)
        let summary = try #require(try JSONSerialization.jsonObject(with: Data(outcome.standardOutput.utf8)) as? [String: Any])
        #expect(summary["nodes"] as? Int == 3)
        #expect(summary["edges"] as? Int == 1)
        #expect(summary["graphs"] as? Int == 1)
        #expect(summary["directed"] as? Bool == true)
        #expect(summary["hyperedges_skipped"] as? Int == 2)
        #expect(summary["ports_seen"] as? Int == 4)
        #expect(summary["format"] as? String == "graphml")
        let keys = outcome.standardOutput.split(separator: "\n").compactMap { line -> String? in
            guard let quote = line.firstIndex(of: "\""), let end = line[line.index(after: quote)...].firstIndex(of: "\"") else { return nil }
            return String(line[line.index(after: quote)..<end])
        }
        #expect(Array(keys.prefix(8)) == ["input_path", "output_path", "format", "input", "nodes", "edges", "graphs", "graphs_imported"])
        #expect(outcome.standardOutput.contains("\"directed\": true"))
        #expect(outcome.standardOutput.contains("\"topology_links\": 1"))
    }

    @Test("-o - writes the topology to standard output")
    func standardOutput() throws {
        let outcome = Shell.edgesim(["import", "topology", Self.fixture("namespace-none.graphml"), "-o", "-"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("{\n  \"format\": \"edgesim-topology\""))
        #expect(outcome.standardError.contains("-> <stdout>"))
    }

    @Test("standard input is read with -")
    func standardInput() throws {
        let bytes = Shell.contents(Self.fixture("zoo-mini.graphml")) ?? []
        let outcome = Shell.edgesim(["import", "topology", "-", "-o", "-"], input: Shell.gzip(bytes))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"importer\": \"zoo\""))
    }

    @Test("data errors exit 1 with one edgesim: error: FILE:LINE: line and leave no output", arguments: [
        ("bad-int.graphml", ":6: "),
        ("undeclared-endpoint.graphml", ":7: "),
        ("malformed.graphml", ":4:24: malformed XML"),
        ("security/billion-laughs.graphml", ":4: the document declares an entity"),
    ])
    func dataErrors(fixture: String, fragment: String) throws {
        let directory = TemporaryDirectory()
        let output = directory.file("never.topology.json")
        let outcome = Shell.edgesim(["import", "topology", Self.fixture(fixture), "-o", output])
        #expect(outcome.status == 1)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.count == 1, "\(outcome.standardError)")
        #expect(lines.first?.hasPrefix("edgesim: error: \(Self.fixture(fixture))\(fragment)") == true, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("Fatal error"))
        #expect(!Shell.exists(output))
        #expect(Shell.listing(directory.path).isEmpty)
    }

    @Test("a missing file is a clean error")
    func missingFile() {
        let outcome = Shell.edgesim(["import", "topology", Fixtures.path("no-such.graphml"), "-o", "-"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("no-such.graphml: cannot open"))
    }

    @Test("options reach the importer")
    func options() throws {
        let directory = TemporaryDirectory()
        let output = directory.file("t.json")
        let outcome = Shell.edgesim([
            "import", "topology", Self.fixture("undeclared-endpoint.graphml"), "-o", output, "--undeclared-nodes", "create",
            "--node-kind", "router", "--default-bandwidth-mbps", "42", "--name", "renamed", "--quiet",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("warning"))
        let topology = try Topology.load(path: output)
        #expect(topology.name == "renamed")
        #expect(topology.nodes.allSatisfy { $0.kind == .router })
        #expect(topology.links.allSatisfy { $0.bandwidthMbps == 42 })
        let second = Shell.edgesim([
            "import", "topology", Self.fixture("multiple-graphs.graphml"), "-o", output, "--graph", "1", "--format", "graphml",
        ])
        #expect(second.status == 0)
        #expect(try Topology.load(path: output).nodes.map(\.id) == ["c", "d"])
        let zoo = Shell.edgesim([
            "import", "topology", Self.fixture("zoo-mini.graphml"), "-o", output, "--edge-servers-per-pop", "1",
            "--hop-overhead-ms", "0", "--fibre-ms-per-km", "0.01",
        ])
        #expect(zoo.status == 0)
        #expect(try Topology.load(path: output).nodes.count == 7)
        let ether = Shell.edgesim(["import", "topology", Self.fixture("ether-mini.json"), "-o", output, "--ether-links", "switch"])
        #expect(ether.status == 0)
        #expect(try Topology.load(path: output).nodes.count == 13)
    }

    @Test("warnings go to standard error, prefixed")
    func warnings() {
        let outcome = Shell.edgesim(["import", "topology", Self.fixture("order-and-text.graphml"), "-o", "-"])
        #expect(outcome.status == 0)
        #expect(outcome.standardError.contains("edgesim: warning: \(Self.fixture("order-and-text.graphml")):11: unknown GraphML element <frobnicate>"))
    }

    @Test("usage errors exit 64", arguments: [
        ["import", "topology", "x.graphml"],
        ["import", "topology", "x.graphml", "-o", "y", "--format", "dot"],
        ["import", "topology", "x.graphml", "-o", "y", "--graph", "first"],
        ["import", "topology", "x.graphml", "-o", "y", "--node-kind", "toaster"],
        ["import", "topology", "x.graphml", "-o", "-", "--summary-json", "-"],
        ["import", "topology", "x.graphml", "-o", "y", "--default-bandwidth-mbps", "0"],
        ["import", "topology", "x.graphml", "-o", "y", "--hop-overhead-ms", "-1"],
        ["export", "graphml", "t.json"],
        ["import", "frobnicate"],
    ])
    func usage(arguments: [String]) {
        #expect(Shell.edgesim(arguments).status == 64)
    }

    @Test("export graphml writes GraphML that imports back to the same topology")
    func exportRoundTrip() throws {
        let directory = TemporaryDirectory()
        let sample = Fixtures.path("topologies/sample-edge.topology.json")
        let graphml = directory.file("sample.graphml")
        let export = Shell.edgesim(["export", "graphml", sample, "-o", graphml])
        #expect(export.status == 0, "\(export.standardError)")
        #expect(export.standardError.contains("exported 14 nodes, 14 links"))
        let back = directory.file("back.topology.json")
        #expect(Shell.edgesim(["import", "topology", graphml, "-o", back]).status == 0)
        let original = try Topology.load(path: sample)
        let reimported = try Topology.load(path: back)
        #expect(reimported.nodes == original.nodes)
        #expect(reimported.links == original.links)
        #expect(reimported.media == original.media)
        let stdout = Shell.edgesim(["export", "graphml", sample, "-o", "-"])
        #expect(stdout.standardOutput.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>"))
    }

    @Test("export graphml rejects an invalid topology with its location")
    func exportInvalid() {
        let invalid = Fixtures.fixture("invalid/topology-negative-bandwidth.topology.json")
        let outcome = Shell.edgesim(["export", "graphml", invalid, "-o", "-"])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: \(invalid):"))
    }
}
