import EdgeSimTestSupport
import Foundation
import ScenarioModel
import Testing
@testable import TopologyImport

/// The real-data corpus in ../shared/data (third-party files, each folder
/// with its own oracle): every GraphML file against expected.csv, every
/// Ether sample against summary.json, every PeersimGym file against its own
/// JSON read independently here.
@Suite("Corpus", .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: corpus tests skipped"))
struct CorpusTests {
    struct ExpectedRow: CustomTestStringConvertible, Sendable {
        var fields: [String: String]
        var file: String { fields["file"] ?? "" }
        var testDescription: String { file }
        func integer(_ key: String) -> Int? { fields[key].flatMap { Int($0) } }
        var networkxParses: Bool { fields["status"]?.hasPrefix("ok") == true }
    }

    static let graphMLRows: [ExpectedRow] = {
        guard let folder = ImportTestSupport.shared("topologies/graphml/"),
            let text = try? String(contentsOfFile: folder + "expected.csv", encoding: .utf8)
        else { return [] }
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        guard !lines.isEmpty else { return [] }
        let header = lines.removeFirst().split(separator: ",", omittingEmptySubsequences: false).map(String.init)
        return lines.map { line in
            let values = line.split(separator: ",", omittingEmptySubsequences: false).map(String.init)
            return ExpectedRow(fields: Dictionary(uniqueKeysWithValues: zip(header, values)))
        }
    }()

    @Test("expected.csv lists the 300 files")
    func oracleIsComplete() {
        #expect(Self.graphMLRows.count == 300)
    }

    @Test("GraphML: counts match the oracle; files networkx cannot read import or fail cleanly", arguments: graphMLRows)
    func graphML(row: ExpectedRow) throws {
        let path = try #require(ImportTestSupport.shared("topologies/graphml/" + row.file))
        var options = TopologyImportOptions()
        options.undeclaredNodes = .create  // as networkx does, to compare counts
        var imported: TopologyImportResult?
        var failure = ""
        do {
            imported = try TopologyImporter.importTopology(path: path, options: options)
        } catch {
            failure = error.description
        }
        guard let result = imported else {
            #expect(!row.networkxParses, "networkx reads \(row.file) but edgesim fails: \(failure)")
            #expect(failure.hasPrefix(path), "errors name the file: \(failure)")
            return
        }
        // Raw XML facts hold for every file (all graphs, nested ones flattened).
        let created = result.count("nodes_created")
        #expect(result.count("nodes") == row.integer("xml_nodes_all").map { $0 + created }, "nodes of \(row.file)")
        #expect(result.count("edges") == row.integer("xml_edges_all"), "edges of \(row.file)")
        #expect(result.count("graphs") == row.integer("top_graphs"))
        #expect(result.count("nested_graphs") == row.integer("nested_graphs"))
        #expect(result.count("hyperedges_skipped") == row.integer("hyperedges"))
        #expect(result.count("ports_seen") == row.integer("ports"))
        // Where networkx reads the same graph (one top-level graph, nothing nested), its counts agree.
        if row.networkxParses && row.integer("top_graphs") == 1 && row.integer("nested_graphs") == 0 {
            #expect(result.count("nodes") == row.integer("nodes"), "networkx nodes of \(row.file)")
            #expect(result.count("edges") == row.integer("edges"), "networkx edges of \(row.file)")
            let directed = row.fields["directed"] == "True"
            #expect(result.summary["directed"] == .bool(directed), "direction of \(row.file)")
        }
        #expect(result.table.validationIssues(path: path).isEmpty, "\(row.file) maps to an invalid topology")
    }

    @Test("GraphML: the fast writer equals Topology.write on every importable file")
    func graphMLWriter() throws {
        let folder = try #require(ImportTestSupport.shared("topologies/graphml/"))
        var options = TopologyImportOptions()
        options.undeclaredNodes = .create
        var checked = 0
        for row in Self.graphMLRows {
            guard let result = try? TopologyImporter.importTopology(path: folder + row.file, options: options) else { continue }
            try TopologyTableTests.expectSameBytes(result, row.file)
            checked += 1
        }
        #expect(checked >= 290)
    }

    // MARK: - Ether

    struct EtherSample: CustomTestStringConvertible, Sendable {
        var name: String
        var vertices: Int
        var arcs: Int
        var kinds: [String: Int]
        var models: [String: Int]
        var testDescription: String { name }
    }

    static let etherSamples: [EtherSample] = {
        guard let folder = ImportTestSupport.shared("topologies/ether/"),
            let data = FileManager.default.contents(atPath: folder + "summary.json"),
            let list = try? JSONSerialization.jsonObject(with: data) as? [[String: Any]]
        else { return [] }
        return list.compactMap { entry in
            guard let name = entry["name"] as? String, let vertices = entry["vertices"] as? Int,
                let arcs = entry["arcs"] as? Int, let kinds = entry["vertex_kinds"] as? [String: Int],
                let models = entry["compute_node_models"] as? [String: Int]
            else { return nil }
            return EtherSample(name: name, vertices: vertices, arcs: arcs, kinds: kinds, models: models)
        }
    }()

    @Test("Ether: the seven samples are listed")
    func etherListed() {
        #expect(Self.etherSamples.count == 7)
    }

    @Test("Ether: every sample, GraphML and JSON, matches summary.json", arguments: etherSamples)
    func ether(sample: EtherSample) throws {
        for suffix in [".graphml", ".json"] {
            let path = try #require(ImportTestSupport.shared("topologies/ether/" + sample.name + suffix))
            let result = try TopologyImporter.importTopology(path: path)
            #expect(result.format == .ether)
            #expect(result.count("nodes") == sample.vertices)
            #expect(result.count("edges") == sample.arcs)
            #expect(result.count("ether_compute_nodes") == sample.kinds["node"] ?? 0)
            #expect(result.count("ether_link_vertices") == sample.kinds["link"] ?? 0)
            #expect(result.count("ether_switches") == sample.kinds["switch"] ?? 0)
            #expect(result.count("ether_internet") == sample.kinds["internet"] ?? 0)
            let topology = result.topology
            var models: [String: Int] = [:]
            for node in topology.nodes where node.kind.isCompute {
                models[node.labels["ether.edgerun.io/model"] ?? "?", default: 0] += 1
            }
            #expect(models == sample.models, "\(sample.name)\(suffix) models")
            // Folding removes the NIC/up/down Link vertices; shared media stay as switches.
            let kept = sample.vertices - result.count("ether_link_vertices_folded")
            #expect(topology.nodes.count == kept)
            #expect(topology.validationIssues(sourceMap: TopologySourceMap(path: path)).isEmpty)
            // Every undirected Ether connection is one canonical link; directed arcs stay arcs.
            #expect(topology.links.count == result.count("ether_connections"))
        }
    }

    // MARK: - PeersimGym

    static let peersimGymFiles: [String] = {
        guard let folder = ImportTestSupport.shared("topologies/peersimgym-ether") else { return [] }
        let enumerator = FileManager.default.enumerator(atPath: folder)
        var files: [String] = []
        while let next = enumerator?.nextObject() as? String {
            if next.hasSuffix(".json") { files.append(next) }
        }
        return files.sorted()
    }()

    @Test("PeersimGym: the 31 files are present")
    func peersimGymListed() {
        #expect(Self.peersimGymFiles.count == 31)
    }

    @Test("PeersimGym: nodes, models and every path_info arc are imported", arguments: peersimGymFiles)
    func peersimGym(file: String) throws {
        let path = try #require(ImportTestSupport.shared("topologies/peersimgym-ether/" + file))
        let data = try #require(FileManager.default.contents(atPath: path))
        let document = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let nodes = try #require(document["nodes"] as? [String: [String: Any]])
        let links = try #require(document["links"] as? [String: Any])
        let paths = try #require(links["path_info"] as? [[String: Any]])
        var nameById: [Int: String] = [:]
        var models: [String: Int] = [:]
        for (name, node) in nodes {
            nameById[node["id"] as? Int ?? -1] = name
            let labels = node["labels"] as? [String: String] ?? [:]
            models[labels["ether.edgerun.io/model"] ?? "?", default: 0] += 1
        }
        let result = try TopologyImporter.importTopology(path: path)
        #expect(result.format == .peersimgym)
        let topology = result.topology
        #expect(topology.nodes.count == nodes.count)
        #expect(Set(topology.nodes.map(\.id)) == Set(nodes.keys))
        var importedModels: [String: Int] = [:]
        for node in topology.nodes { importedModels[node.labels["ether.edgerun.io/model"] ?? "?", default: 0] += 1 }
        #expect(importedModels == models)
        #expect(result.count("path_info_entries") == paths.count)
        for arc in paths {
            let source = try #require(nameById[arc["source"] as? Int ?? -1])
            let target = try #require(nameById[arc["target"] as? Int ?? -1])
            let carried = topology.links.contains { link in
                (link.source == source && link.target == target) || (!link.directed && link.source == target && link.target == source)
            }
            #expect(carried, "\(file): arc \(source) -> \(target) has no link")
            if let minimum = arc["min_bandwidth"] as? Double,
                let link = topology.links.first(where: { $0.source == source && $0.target == target && $0.directed })
            {
                #expect(link.bandwidthMbps == minimum)
                // Foundation's JSONSerialization on Linux rounds some 17-digit
                // numbers to a neighbouring double (edgesim, Python and
                // Double(String) agree), so the oracle allows an ulp or two.
                let expected = (arc["expected_rtt"] as? Double ?? 0) / 2
                #expect(abs(link.latencyMs - expected) <= 1e-12 * max(1, expected))
            }
        }
        #expect(topology.validationIssues(sourceMap: TopologySourceMap(path: path)).isEmpty)
    }
}
