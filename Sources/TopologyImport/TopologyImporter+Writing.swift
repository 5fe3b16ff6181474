import StreamingIO

extension TopologyImporter {
    /// Reads and maps `path`, and writes the canonical topology to `output`
    /// (`-` for standard output): the same result and bytes as
    /// `importTopology(path:options:)` followed by `write(to:)`, sooner.
    ///
    /// For a large GraphML file mapped generically, the header and nodes are
    /// written while the file is still being parsed (`NodeStreamingWriter`),
    /// so the disk works during parsing; any other input is imported, then
    /// written.
    ///
    /// - Parameters:
    ///   - path: The input file.
    ///   - options: Format, graph selection and mapping defaults.
    ///   - output: The topology file to write (replaced atomically).
    /// - Returns: The import's result, already written.
    /// - Throws: `TopologyImportError` as the two steps would, in the same
    ///   order; nothing is written then.
    /// - Complexity: O(input size); memory holds the graph, not the output.
    public static func importTopology(
        path: String, options: TopologyImportOptions = TopologyImportOptions(), writingTo output: String
    ) throws(TopologyImportError) -> TopologyImportResult {
        let (input, prefix, syntax) = try open(path)
        guard syntax == .xml, output != "-", options.format == .auto || options.format == .graphml else {
            let result = try importTopology(input, prefix: prefix, syntax: syntax, options: options)
            try result.write(to: output)
            return result
        }
        let graph = GraphMLReader.makeGraph(for: input)
        let writer = NodeStreamingWriter(
            graph: graph, outputPath: output, options: options, blockSize: options.streamingBlockSize)
        do {
            _ = try GraphMLReader.read(
                input, prefix: prefix, into: graph, selection: options.graphSelection,
                undeclaredNodes: options.undeclaredNodes, nodeEnded: writer.nodeEnded)
        } catch {
            writer.abandon()
            throw error
        }
        guard let prepared = writer.finish() else {
            let format = options.format == .auto ? FormatDetector.mapping(for: graph) : options.format
            let result = try map(graph, format: format, input: "graphml", options: options)
            try result.write(to: output)
            return result
        }
        return try complete(prepared, graph: graph, output: output, options: options)
    }

    /// The rest of a streamed import: the node counts, the links, the summary
    /// and the end of the file, as the mapping and writing steps do them.
    private static func complete(
        _ prepared: NodeStreamingWriter.Prepared, graph: SourceGraph, output: String, options: TopologyImportOptions
    ) throws(TopologyImportError) -> TopologyImportResult {
        let table = prepared.table
        let result: TopologyImportResult
        do {
            var summary = summaryBeforeMapping(graph, format: .graphml, input: "graphml", options: options)
            prepared.mapper.finishNodes(prepared.state, into: table, summary: &summary)
            try prepared.mapper.mapLinks(into: table, summary: &summary)
            table.sortLabels()
            result = finish(table, format: .graphml, summary: summary, warnings: graph.warnings)
        } catch {
            try? prepared.sink.close()
            prepared.output.discard()
            throw error
        }
        try table.write(to: output, continuing: (prepared.output, prepared.sink)) { (sink) throws(StreamingIOError) in
            try table.encodeLinksAndMedia(try QuotedIds(table), into: sink)
        }
        return result
    }
}
