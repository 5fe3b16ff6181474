import EdgeSimTestSupport
import StreamingIO
import Testing
@_spi(Testing) @testable import TopologyImport

/// The streamed import (header and nodes written while the GraphML is read)
/// must give exactly what importing then writing gives: the same bytes,
/// summary and warnings, or the same error and no file.
@Suite("Streamed topology import")
struct NodeStreamingWriterTests {
    // MARK: - Same outcome both ways

    static var graphMLFiles: [String] {
        var files = Shell.listing(Fixtures.fixture("graphml")).filter { $0.hasSuffix(".graphml") }
            .map { ImportTestSupport.fixture($0) }
        files += Shell.listing(Fixtures.fixture("graphml/security")).map { ImportTestSupport.fixture("security/" + $0) }
        files.append(Fixtures.path("topologies/sample-metro.graphml"))
        return files
    }

    @Test("every GraphML fixture: streamed in blocks of 1, 2 and 5 nodes, the same outcome", arguments: graphMLFiles)
    func sameOutcomeOnFixtures(path: String) throws {
        try Self.expectSameOutcome(path, blockSizes: [1, 2, 5])
    }

    @Test("--graph, defaults off and a generic kind: the same outcome streamed")
    func sameOutcomeWithOptions() throws {
        for name in ["multiple-graphs.graphml", "key-types.graphml", "generic-canonical.graphml", "yed.graphml"] {
            try Self.expectSameOutcome(ImportTestSupport.fixture(name), blockSizes: [1, 3]) { options in
                options.graphSelection = .index(1)
                options.applyKeyDefaults = false
                options.genericNodeKind = .cloud
            }
            try Self.expectSameOutcome(ImportTestSupport.fixture(name), blockSizes: [2]) { options in
                options.format = .graphml
                options.undeclaredNodes = .create
            }
        }
    }

    @Test("the GraphML corpus (../shared/data): the same outcome streamed")
    func sameOutcomeOnCorpus() throws {
        guard let root = ImportTestSupport.shared("topologies/graphml") else {
            print("skipped: ../shared/data is absent (the streamed-import corpus test needs it)")
            return
        }
        var checked = 0
        for folder in Shell.listing(root) where !folder.contains(".") {
            for file in Shell.listing(root + "/" + folder) where file.hasSuffix(".graphml") || file.hasSuffix(".graphml.gz") {
                try Self.expectSameOutcome(root + "/" + folder + "/" + file, blockSizes: [3])
                checked += 1
            }
        }
        #expect(checked > 0)
    }

    @Test("a 10,000-node file streams with the default blocks, to the same bytes")
    func largeFileStreams() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("large.graphml")
        Shell.write(Self.document(nodes: 10_000, edges: 25_000), to: path)
        #expect(try Self.streams(path, blockSize: NodeStreamingWriter.defaultBlockSize))
        try Self.expectSameOutcome(path, blockSizes: [NodeStreamingWriter.defaultBlockSize, 7])
    }

    // MARK: - What ends the speculation

    @Test("a plain file streams")
    func plainFileStreams() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("plain.graphml")
        Shell.write(Self.document(nodes: 12, edges: 20), to: path)
        #expect(try Self.streams(path, blockSize: 2))
    }

    static let breaking: [(name: String, document: String)] = [
        ("a key declared after nodes", document(nodes: 12, edges: 4, afterNodes: #"<key id="late" for="node" attr.name="late"/>"#)),
        ("graph data after nodes (the name)", document(nodes: 12, edges: 4, afterNodes: #"<data key="gname">late name</data>"#)),
        ("a duplicate node merged into a written one", document(nodes: 12, edges: 4, afterNodes: #"<node id="n1"><data key="kind">cloud</data></node>"#)),
        ("a nested graph", document(nodes: 12, edges: 4, afterNodes: #"<node id="outer"><graph edgedefault="undirected"><node id="inner"/></graph></node>"#)),
        ("a second top-level graph", document(nodes: 12, edges: 4, afterGraph: #"<graph edgedefault="undirected"><node id="other"/></graph>"#)),
        ("Topology Zoo keys make it a Zoo file", document(nodes: 12, edges: 4, keys: #"<key id="lat" for="node" attr.name="Latitude" attr.type="double"/><key id="lon" for="node" attr.name="Longitude" attr.type="double"/>"#)),
        ("a node the mapping refuses", document(nodes: 12, edges: 4, afterNodes: #"<node id="bad"><data key="kind">edge</data><data key="cores">-3</data></node>"#)),
        ("an undeclared key used on a node", document(nodes: 12, edges: 4, afterNodes: #"<node id="odd"><data key="nokey">x</data></node>"#)),
    ]

    @Test("what ends the speculation: the output is discarded and the usual path gives the same outcome", arguments: breaking.map(\.name))
    func breakingCases(name: String) throws {
        let document = try #require(Self.breaking.first { $0.name == name }).document
        let folder = TemporaryDirectory()
        let path = folder.file("case.graphml")
        Shell.write(document, to: path)
        #expect(try !Self.streams(path, blockSize: 2))
        try Self.expectSameOutcome(path, blockSizes: [1, 2])
    }

    @Test("a link the mapping refuses after streamed nodes: the same error, no file")
    func linkErrorAfterStreamedNodes() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("bad-link.graphml")
        let badEdge = #"<edge source="n0" target="n1"><data key="latency">-4</data></edge>"#
        Shell.write(Self.document(nodes: 12, edges: 4, afterEdges: badEdge), to: path)
        #expect(try Self.streams(path, blockSize: 2))
        try Self.expectSameOutcome(path, blockSizes: [2])
    }

    @Test("an edge to an undeclared node after streamed nodes: the same error, no file")
    func undeclaredEndpointAfterStreamedNodes() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("undeclared.graphml")
        Shell.write(Self.document(nodes: 12, edges: 4, afterEdges: #"<edge source="n0" target="ghost"/>"#), to: path)
        try Self.expectSameOutcome(path, blockSizes: [2])
    }

    @Test("malformed XML after streamed nodes: the same error, no file")
    func malformedAfterStreamedNodes() throws {
        let folder = TemporaryDirectory()
        let path = folder.file("cut.graphml")
        let document = Self.document(nodes: 40, edges: 10)
        Shell.write(String(document.prefix(document.count * 2 / 3)), to: path)
        try Self.expectSameOutcome(path, blockSizes: [2])
    }

    // MARK: - Helpers

    /// A generic GraphML file: kinds, cores, a label and, for every third
    /// node, a position; edges with latencies.
    static func document(
        nodes: Int, edges: Int, keys: String = "", afterNodes: String = "", afterEdges: String = "", afterGraph: String = ""
    ) -> String {
        var text = """
            <?xml version="1.0" encoding="UTF-8"?>
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns">
            <key id="gname" for="graph" attr.name="name" attr.type="string"/>
            <key id="kind" for="node" attr.name="kind" attr.type="string"/>
            <key id="cores" for="node" attr.name="cores" attr.type="long"><default>2</default></key>
            <key id="room" for="node" attr.name="room" attr.type="string"/>
            <key id="x" for="node" attr.name="xMeters" attr.type="double"/>
            <key id="y" for="node" attr.name="yMeters" attr.type="double"/>
            <key id="latency" for="edge" attr.name="latency" attr.type="double"/>
            \(keys)
            <graph id="g" edgedefault="undirected">
            <data key="gname">streamed</data>

            """
        let kinds = ["device", "edge", "cloud", "switch", "router", "gateway"]
        for node in 0..<nodes {
            text += "<node id=\"n\(node)\"><data key=\"kind\">\(kinds[node % kinds.count])</data>"
            if node % 4 != 0 { text += "<data key=\"cores\">\(1 + node % 7)</data>" }
            if node % 5 == 0 { text += "<data key=\"room\">r\(node / 5)</data>" }
            if node % 3 == 0 { text += "<data key=\"x\">\(Double(node) * 1.5)</data><data key=\"y\">-\(node)</data>" }
            text += "</node>\n"
        }
        text += afterNodes
        for edge in 0..<edges {
            let source = edge % max(1, nodes)
            let target = (edge * 7 + 3) % max(1, nodes)
            text += "<edge source=\"n\(source)\" target=\"n\(target)\"><data key=\"latency\">\(Double(edge % 50) / 4)</data></edge>\n"
        }
        text += afterEdges
        text += "</graph>\n" + afterGraph + "</graphml>\n"
        return text
    }

    /// Whether the streaming writer keeps its output to the end of the read.
    static func streams(_ path: String, blockSize: Int) throws -> Bool {
        let folder = TemporaryDirectory()
        let (input, prefix, _) = try TopologyImporter.open(path)
        let graph = GraphMLReader.makeGraph(for: input)
        let writer = NodeStreamingWriter(
            graph: graph, outputPath: folder.file("out.json"), options: TopologyImportOptions(), blockSize: blockSize)
        _ = try GraphMLReader.read(
            input, prefix: prefix, into: graph, selection: .all, undeclaredNodes: .error, nodeEnded: writer.nodeEnded)
        guard let prepared = writer.finish() else { return false }
        try prepared.sink.close()
        prepared.output.discard()
        return true
    }

    enum Outcome: Equatable {
        case written(bytes: [UInt8], summary: String, warnings: [String])
        case failed(message: String, leftovers: [String])
    }

    static func twoSteps(_ path: String, _ options: TopologyImportOptions, in folder: TemporaryDirectory) -> Outcome {
        let output = folder.file("out.topology.json")
        defer { _ = Shell.run(["/bin/rm", "-f", output]) }
        do {
            let result = try TopologyImporter.importTopology(path: path, options: options)
            try result.write(to: output)
            return .written(bytes: Shell.contents(output) ?? [], summary: "\(result.summary.entries)", warnings: result.warnings.messages)
        } catch {
            return .failed(message: "\(error)", leftovers: Shell.listing(folder.path))
        }
    }

    static func streamed(_ path: String, _ options: TopologyImportOptions, in folder: TemporaryDirectory) -> Outcome {
        let output = folder.file("out.topology.json")
        defer { _ = Shell.run(["/bin/rm", "-f", output]) }
        do {
            let result = try TopologyImporter.importTopology(path: path, options: options, writingTo: output)
            return .written(bytes: Shell.contents(output) ?? [], summary: "\(result.summary.entries)", warnings: result.warnings.messages)
        } catch {
            return .failed(message: "\(error)", leftovers: Shell.listing(folder.path))
        }
    }

    static func expectSameOutcome(
        _ path: String, blockSizes: [Int], _ configure: (inout TopologyImportOptions) -> Void = { _ in },
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws {
        var options = TopologyImportOptions()
        configure(&options)
        let folder = TemporaryDirectory()
        let expected = twoSteps(path, options, in: folder)
        if case .failed(_, let leftovers) = expected { #expect(leftovers.isEmpty, sourceLocation: sourceLocation) }
        for blockSize in blockSizes {
            options.streamingBlockSize = blockSize
            let actual = streamed(path, options, in: folder)
            #expect(actual == expected, "\(path), blocks of \(blockSize)", sourceLocation: sourceLocation)
        }
    }
}
