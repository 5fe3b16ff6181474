import StreamingIO

/// Reads GraphML (plain or gzip-compressed) into a `SourceGraph`, streaming:
/// the file goes through libxml2's SAX2 push parser in 256 KiB chunks, so
/// memory holds the graph, never the document.
enum GraphMLReader {
    /// Reads `path` (`-` for standard input).
    ///
    /// - Parameters:
    ///   - path: A `.graphml` or `.graphml.gz` file.
    ///   - selection: The top-level graphs to import.
    ///   - undeclaredNodes: What an edge to an undeclared node does.
    /// - Throws: `TopologyImportError` with the file and line of the first problem.
    /// - Complexity: O(file size); memory O(nodes + edges + attribute values).
    static func read(
        path: String, selection: GraphSelection = .all, undeclaredNodes: UndeclaredNodePolicy = .error
    ) throws(TopologyImportError) -> SourceGraph {
        let input = try TopologyImportError.catching { try InputFile(path: path) }
        return try read(input, selection: selection, undeclaredNodes: undeclaredNodes)
    }

    /// Reads from an open input (the format detector has peeked at it).
    static func read(
        _ input: InputFile, prefix: [UInt8] = [], selection: GraphSelection, undeclaredNodes: UndeclaredNodePolicy
    ) throws(TopologyImportError) -> SourceGraph {
        // Capacity hints from the stored size: upper estimates (compact GraphML
        // spends ~70 bytes per edge and more per node), as unused reserved
        // capacity is never made resident; they save the copies of regrowth.
        let size = Int(input.isCompressed ? (input.storedSizeBytes ?? 0) * 6 : input.storedSizeBytes ?? 0)
        let graph = SourceGraph(path: input.path, expectedNodes: max(16, size / 160), expectedEdges: max(16, size / 64))
        let builder = GraphMLBuilder(graph: graph, selection: selection)
        let parser = XMLPushParser(path: input.path, sink: builder)
        if !prefix.isEmpty {
            try prefix.withBytes { (bytes) throws(TopologyImportError) in try parser.feed(bytes) }
        }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try TopologyImportError.catching { try input.read(into: chunk) }
            if count == 0 { break }
            try parser.feed(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        try parser.finish()
        for problem in parser.recoverableErrors {
            graph.warnings.add(graph.location(line: problem.line), "XML: \(problem.message)")
        }
        try builder.finishDocument(undeclaredNodes: undeclaredNodes)
        withExtendedLifetime(builder) {}
        return graph
    }
}
