import StreamingIO

/// Writes the beginning of the canonical topology (header and nodes) while
/// the GraphML document is still being read, so the output's disk writes
/// overlap parsing instead of all following it.
///
/// Nodes are mapped and written in blocks, in document order, on the
/// reader's consuming thread, with the generic mapping's own code. This is
/// a speculation that the blocks already written are final. It holds when
/// keys are declared before the nodes (GraphML's order, and every writer's:
/// networkx, yEd, igraph) and one top-level graph without nesting is read.
/// Anything that would change a written byte ends it: a key declared or
/// given a default later, a duplicate node merged into a written one, a
/// nested or second graph, graph data that changes the header, a node the
/// mapping refuses, a format other than generic GraphML. The writer then
/// discards its temporary output and the importer maps and writes from the
/// complete graph as usual, so the result is the same either way.
final class NodeStreamingWriter {
    /// Nodes per block: about a megabyte of output.
    static let defaultBlockSize = 4096

    /// What `finish` hands back for the rest of the import: the table with its
    /// nodes written, the open output and the mapping state.
    struct Prepared {
        let table: TopologyTable
        let mapper: GenericMapper
        let state: GenericMapper.NodeMappingState
        let output: OutputFile
        let sink: ByteSink
    }

    private let graph: SourceGraph
    private let outputPath: String
    private let options: TopologyImportOptions
    private let blockSize: Int
    private let mapper: GenericMapper

    private var isAbandoned = false
    private var opened: (output: OutputFile, sink: ByteSink)?
    private var table: TopologyTable?
    private var state = GenericMapper.NodeMappingState()
    private let literals = NodeProfileLiterals()
    private var header: [UInt8] = []
    private var keyRevision = 0
    private var nodesWritten = 0

    init(graph: SourceGraph, outputPath: String, options: TopologyImportOptions, blockSize: Int = defaultBlockSize) {
        self.graph = graph
        self.outputPath = outputPath
        self.options = options
        self.blockSize = max(1, blockSize)
        mapper = GenericMapper(graph: graph, options: options)
    }

    deinit {
        abandon()
    }

    // MARK: - While reading

    /// The reader's `nodeEnded` hook: node `node` (and every node before it,
    /// without nested graphs) is complete.
    func nodeEnded(_ node: Int32) {
        guard !isAbandoned else { return }
        let ended = Int(node) + 1
        if ended - nodesWritten >= blockSize { writeBlock(upTo: ended) }
    }

    private func writeBlock(upTo end: Int) {
        do throws(TopologyImportError) {
            guard holdsSoFar() else {
                abandon()
                return
            }
            if opened == nil { try begin() }
            guard let table, let sink = opened?.sink, graph.keyRevision == keyRevision else {
                abandon()
                return
            }
            try writeNodes(nodesWritten..<end, of: table, into: sink)
        } catch {
            // The importer's usual path reports the problem where it belongs.
            abandon()
        }
    }

    /// Opens the output and writes the header.
    private func begin() throws(TopologyImportError) {
        let table = try makeTable()
        header = try headerBytes(of: table)
        keyRevision = graph.keyRevision
        let output = try TopologyImportError.catching { try OutputFile(path: outputPath) }
        let sink = try TopologyImportError.catching { try ByteSink(output: output) }
        opened = (output, sink)
        self.table = table
        try header.withBytes { (bytes) throws(TopologyImportError) in
            try TopologyImportError.catching { try sink.bytes(bytes) }
        }
    }

    private func makeTable() throws(TopologyImportError) -> TopologyTable {
        let table = try mapper.makeTable()
        table.provenance.parameters.merge(options.provenanceParameters(for: .graphml)) { source, _ in source }
        return table
    }

    private func headerBytes(of table: TopologyTable) throws(TopologyImportError) -> [UInt8] {
        let memory = ByteSink(memoryCapacity: 4096)
        try TopologyImportError.catching { try table.encodeHeader(into: memory) }
        return Array(memory.contents)
    }

    private func writeNodes(_ range: Range<Int>, of table: TopologyTable, into sink: ByteSink) throws(TopologyImportError) {
        guard !range.isEmpty else { return }
        try mapper.mapNodes(range, mapper.nodeColumns(), &state, into: table)
        table.nodeIds = graph.nodeIds
        table.nodeLabels = mapper.nodeLabelColumns(state)
        defer {
            // Shared with the graph: released before the reader appends again,
            // or its next append would copy the whole array.
            table.nodeIds = []
            table.nodeLabels = []
        }
        try TopologyImportError.catching { try table.encodeNodes(range, literals, into: sink) }
        nodesWritten = range.upperBound
    }

    /// True while nothing read so far contradicts the blocks written.
    private func holdsSoFar() -> Bool {
        graph.counts.nestedGraphs == 0 && graph.counts.duplicateNodesMerged == 0 && graph.counts.nodesCreated == 0
            && mapper.support.importedTopLevelGraphs().count <= 1
            && (options.format == .graphml || FormatDetector.mapping(for: graph) == .graphml)
    }

    // MARK: - After reading

    /// Called once the graph is complete: writes the last nodes and returns
    /// what the rest of the import needs, or nil (output discarded) when the
    /// speculation failed or never started.
    func finish() -> Prepared? {
        guard !isAbandoned, let table, let opened else {
            abandon()
            return nil
        }
        do throws(TopologyImportError) {
            guard holdsSoFar(), graph.keyRevision == keyRevision,
                mapper.support.importedTopLevelGraphs().count == 1,
                try headerBytes(of: makeTable()) == header
            else {
                abandon()
                return nil
            }
            try writeNodes(nodesWritten..<graph.nodeCount, of: table, into: opened.sink)
        } catch {
            abandon()
            return nil
        }
        isAbandoned = true  // handed over: no further blocks
        self.opened = nil
        return Prepared(table: table, mapper: mapper, state: state, output: opened.output, sink: opened.sink)
    }

    /// Gives up: the temporary output is removed, nothing is committed.
    func abandon() {
        isAbandoned = true
        guard let opened else { return }
        self.opened = nil
        try? opened.sink.close()
        opened.output.discard()
    }
}
