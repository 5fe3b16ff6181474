import StreamingIO

/// Reads GraphML (plain or gzip-compressed) into a `SourceGraph`, streaming:
/// libxml2's SAX2 parser pulls the file through a read callback, so
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
        try read(input, prefix: prefix, into: makeGraph(for: input), selection: selection, undeclaredNodes: undeclaredNodes, nodeEnded: nil)
    }

    /// An empty graph sized for `input`.
    static func makeGraph(for input: InputFile) -> SourceGraph {
        // Capacity hints from the stored size: upper estimates (compact GraphML
        // spends ~70 bytes per edge and more per node), as unused reserved
        // capacity is never made resident; they save the copies of regrowth.
        let size = Int(input.isCompressed ? (input.storedSizeBytes ?? 0) * 6 : input.storedSizeBytes ?? 0)
        return SourceGraph(path: input.path, expectedNodes: max(16, size / 160), expectedEdges: max(16, size / 64))
    }

    /// Reads into `graph` (made by the caller, who may watch it fill through `nodeEnded`).
    static func read(
        _ input: InputFile, prefix: [UInt8], into graph: SourceGraph, selection: GraphSelection,
        undeclaredNodes: UndeclaredNodePolicy, nodeEnded: ((Int32) -> Void)?
    ) throws(TopologyImportError) -> SourceGraph {
        let builder = GraphMLBuilder(graph: graph, selection: selection)
        builder.nodeEnded = nodeEnded
        // libxml2 parses on a worker thread while this thread builds the graph;
        // at most 6 chunks of events (about 1.5 MB) wait in between, enough to
        // ride out scheduling delays on a busy machine.
        let channel = BoundedChannel<XMLEventChunk>(capacity: 6)
        let parser = XMLSAXParser(path: input.path, channel: channel)
        guard let worker = WorkerThread({ parser.run(input: input, prefix: prefix) }) else {
            throw .io(.readFailed(path: input.path, reason: "could not start the parser thread"))
        }
        consume: while let chunk = channel.receive() {
            var reader = XMLEventReader(chunk)
            while !reader.isAtEnd {
                switch reader.tag() {
                case XMLEventChunk.start:
                    let (name, attributes, line) = reader.start()
                    builder.startElement(name, attributes: attributes, line: line)
                case XMLEventChunk.end:
                    builder.endElement(line: Int32(bitPattern: reader.integer(UInt32.self)))
                default:
                    let length = Int(reader.integer(UInt32.self))
                    builder.characters(reader.slice(length))
                }
                if builder.hasFailed {
                    channel.cancel()
                    break consume
                }
            }
        }
        worker.join()
        // The builder's error comes from an earlier event than any parser error.
        if let failure = builder.failure { throw failure }
        if let failure = parser.failure { throw failure }
        for problem in parser.recoverableErrors {
            graph.warnings.add(graph.location(line: problem.line), "XML: \(problem.message)")
        }
        try builder.finishDocument(undeclaredNodes: undeclaredNodes)
        withExtendedLifetime(builder) {}
        return graph
    }
}
