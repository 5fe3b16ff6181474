import ScenarioModel
import StreamingIO

/// Imports topologies into the canonical format: GraphML (any, streaming,
/// gzip accepted), Internet Topology Zoo GraphML, Ether exports (GraphML or
/// networkx node-link JSON) and PeersimGym's Ether JSON.
///
/// ```swift
/// let result = try TopologyImporter.importTopology(path: "Abilene.graphml")
/// try result.write(to: "abilene.topology.json")
/// print(result.summary["nodes"] ?? .integer(0))
/// ```
///
/// The kind of input is recognised by content (`TopologyFormat.auto`): the
/// root element and declared keys of GraphML, the shape of JSON. The mappings
/// and their defaults are documented in FORMAT.md, "Topology mappings".
public enum TopologyImporter {
    /// Reads and maps `path` (`-` for standard input).
    ///
    /// - Parameters:
    ///   - path: The input file.
    ///   - options: Format, graph selection and mapping defaults.
    /// - Returns: The canonical topology with its summary and warnings.
    /// - Throws: `TopologyImportError` naming the file and line of the first
    ///   problem (malformed input, refused XML, invalid values, ...).
    /// - Complexity: O(input size); GraphML streams, memory holds the graph.
    public static func importTopology(
        path: String, options: TopologyImportOptions = TopologyImportOptions()
    ) throws(TopologyImportError) -> TopologyImportResult {
        let (input, prefix, syntax) = try open(path)
        return try importTopology(input, prefix: prefix, syntax: syntax, options: options)
    }

    /// Opens `path` and reads its first 64 KiB to tell XML from JSON.
    static func open(_ path: String) throws(TopologyImportError) -> (InputFile, [UInt8], FormatDetector.Syntax?) {
        let input = try TopologyImportError.catching { try InputFile(path: path) }
        var prefix = [UInt8](repeating: 0, count: 64 * 1024)
        let count = try TopologyImportError.catching {
            try prefix.withUnsafeMutableBytes { buffer in try input.read(into: buffer) }
        }
        prefix.removeLast(prefix.count - count)
        let syntax = prefix.withUnsafeBytes { FormatDetector.syntax(of: $0) }
        return (input, prefix, syntax)
    }

    /// Imports from an open input whose first bytes (`prefix`, of `syntax`) were read by `open`.
    static func importTopology(
        _ input: InputFile, prefix: [UInt8], syntax: FormatDetector.Syntax?, options: TopologyImportOptions
    ) throws(TopologyImportError) -> TopologyImportResult {
        switch syntax {
        case .xml:
            return try importGraphML(input, prefix: prefix, options: options)
        case .json:
            var bytes = prefix
            try TopologyImportError.catching {
                try input.forEachChunk { bytes.append(contentsOf: $0) }
            }
            return try importJSON(bytes, path: input.path, options: options)
        case nil:
            throw .unrecognised(
                SourceLocation(path: input.path, line: 1),
                message: prefix.isEmpty ? "the input is empty" : "not a topology: expected GraphML (XML) or JSON")
        }
    }

    // MARK: - GraphML

    private static func importGraphML(
        _ input: InputFile, prefix: [UInt8], options: TopologyImportOptions
    ) throws(TopologyImportError) -> TopologyImportResult {
        if options.format == .peersimgym {
            throw .unrecognised(SourceLocation(path: input.path, line: 1), message: "--format peersimgym expects PeersimGym JSON, found XML")
        }
        let graph = try GraphMLReader.read(
            input, prefix: prefix, selection: options.graphSelection, undeclaredNodes: options.undeclaredNodes)
        let format = options.format == .auto ? FormatDetector.mapping(for: graph) : options.format
        return try map(graph, format: format, input: "graphml", options: options)
    }

    // MARK: - JSON

    private static func importJSON(
        _ bytes: [UInt8], path: String, options: TopologyImportOptions
    ) throws(TopologyImportError) -> TopologyImportResult {
        let shape = try FormatDetector.jsonShape(of: bytes, path: path)
        switch shape {
        case .peersimGym:
            guard options.format == .auto || options.format == .peersimgym else {
                throw .unrecognised(
                    SourceLocation(path: path, line: 1),
                    message: "--format \(options.format.rawValue) does not read PeersimGym JSON (use --format peersimgym or auto)")
            }
            let document = try PeersimGymDocument.read(JSONReader(bytes: bytes, path: path))
            var summary = TopologyImportSummary()
            summary.set("format", .text(TopologyFormat.peersimgym.rawValue))
            summary.set("input", .text("peersimgym-json"))
            summary.set("nodes", 0)
            summary.set("edges", 0)
            summary.set("graphs", 1)
            summary.set("directed", .bool(false))
            summary.set("hyperedges_skipped", 0)
            summary.set("ports_seen", 0)
            let table = try PeersimGymMapper(document: document, path: path, options: options).map(into: &summary)
            table.provenance.parameters.merge(options.provenanceParameters(for: .peersimgym)) { source, _ in source }
            return finish(table, format: .peersimgym, summary: summary, warnings: ImportWarnings())
        case .nodeLink:
            guard options.format == .auto || options.format == .ether else {
                let expected = options.format == .peersimgym ? "PeersimGym JSON" : "GraphML"
                throw .unrecognised(
                    SourceLocation(path: path, line: 1),
                    message: "--format \(options.format.rawValue) expects \(expected), found node-link JSON (use --format ether or auto)")
            }
            let graph = try NodeLinkReader.read(JSONReader(bytes: bytes, path: path), undeclaredNodes: options.undeclaredNodes)
            let format = options.format == .auto ? FormatDetector.mapping(for: graph) : options.format
            return try map(graph, format: format == .zoo ? .graphml : format, input: "node-link-json", options: options)
        case nil:
            throw .unrecognised(
                SourceLocation(path: path, line: 1),
                message: "JSON without 'nodes': expected node-link JSON or a PeersimGym topology")
        }
    }

    // MARK: - Mapping

    static func map(
        _ graph: SourceGraph, format: TopologyFormat, input: String, options: TopologyImportOptions
    ) throws(TopologyImportError) -> TopologyImportResult {
        var summary = summaryBeforeMapping(graph, format: format, input: input, options: options)
        let table: TopologyTable
        switch format {
        case .zoo: table = try ZooMapper(graph: graph, options: options).map(into: &summary)
        case .ether: table = try EtherMapper(graph: graph, options: options).map(into: &summary)
        case .graphml, .auto, .peersimgym: table = try GenericMapper(graph: graph, options: options).map(into: &summary)
        }
        let mapping = format == .auto ? TopologyFormat.graphml : format
        table.provenance.parameters.merge(options.provenanceParameters(for: mapping)) { source, _ in source }
        return finish(table, format: mapping, summary: summary, warnings: graph.warnings)
    }

    /// The summary's counts of the source graph, before the mapping adds its own.
    static func summaryBeforeMapping(
        _ graph: SourceGraph, format: TopologyFormat, input: String, options: TopologyImportOptions
    ) -> TopologyImportSummary {
        let support = MappingSupport(graph: graph, options: options)
        var summary = TopologyImportSummary()
        summary.set("format", .text(format.rawValue))
        summary.set("input", .text(input))
        summary.set("nodes", graph.nodeCount)
        summary.set("edges", graph.edgeCount)
        summary.set("graphs", graph.counts.topLevelGraphs)
        summary.set("graphs_imported", support.importedTopLevelGraphs().count)
        summary.set("nested_graphs", graph.counts.nestedGraphs)
        summary.set("directed", support.directedSummary())
        summary.set("hyperedges_skipped", graph.counts.hyperedgesSkipped)
        summary.set("ports_seen", graph.counts.portsSeen)
        summary.set("nodes_created", graph.counts.nodesCreated)
        summary.set("duplicate_nodes_merged", graph.counts.duplicateNodesMerged)
        summary.set("undeclared_keys", graph.counts.undeclaredKeys)
        summary.set("unknown_attribute_types", graph.counts.unknownAttributeTypes)
        summary.set("data_outside_key_scope", graph.counts.dataOutsideKeyScope)
        summary.set("key_defaults", graph.counts.keyDefaultsDeclared)
        summary.set("payload_data_skipped", graph.counts.payloadData)
        summary.set("unknown_elements_skipped", graph.counts.unknownElements)
        summary.set("edges_with_directed_attribute", graph.counts.edgesWithDirectedAttribute)
        summary.set("data_ignored", graph.counts.ignoredData)
        summary.set("nodes_outside_selection", graph.counts.nodesSkippedOutsideSelection)
        summary.set("edges_outside_selection", graph.counts.edgesSkippedOutsideSelection)
        return summary
    }

    static func finish(
        _ table: TopologyTable, format: TopologyFormat, summary: TopologyImportSummary, warnings: ImportWarnings
    ) -> TopologyImportResult {
        var summary = summary
        summary.set("topology_nodes", table.nodeCount)
        summary.set("topology_links", table.linkCount)
        summary.set("topology_media", table.media.count)
        let kinds = table.nodeCountsByKind
        for kind in NodeKind.allCases { summary.set("nodes_\(kind.rawValue)", kinds[kind] ?? 0) }
        summary.set("warnings", warnings.total)
        return TopologyImportResult(format: format, summary: summary, warnings: warnings, table: table)
    }
}
