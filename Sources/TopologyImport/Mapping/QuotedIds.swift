import StreamingIO

/// Every node id as a JSON string literal, escaped once: links name two
/// nodes each, so a large table would otherwise escape each id many times.
final class QuotedIds {
    /// A memory sink: it grows and keeps what it is given.
    private let literals: ByteSink
    private let ends: [Int]

    /// - Throws: Never in practice (memory sinks do not fail); typed as their appends are.
    init(_ table: TopologyTable) throws(StreamingIOError) {
        let literals = ByteSink(memoryCapacity: table.nodeCount * 12 + 16)
        var ends: [Int] = []
        ends.reserveCapacity(table.nodeCount)
        for node in 0..<table.nodeCount {
            try Self.appendLiteral(of: table.arena.bytes(table.nodeIds[node]), to: literals)
            ends.append(literals.contents.count)
        }
        self.literals = literals
        self.ends = ends
    }

    /// Appends the literal of one id (streamed nodes quote theirs with it too).
    static func appendLiteral(of id: UnsafeRawBufferPointer, to sink: ByteSink) throws(StreamingIOError) {
        if ByteSink.needsEscaping(id) {
            try sink.text(JSONText.quoted(String(decoding: id, as: UTF8.self)))
        } else {
            try sink.byte(0x22)
            try sink.bytes(id)
            try sink.byte(0x22)
        }
    }

    /// The literal of node `node`, valid while this object lives.
    @inline(__always)
    subscript(node: Int) -> UnsafeRawBufferPointer {
        let start = node == 0 ? 0 : ends[node - 1]
        return UnsafeRawBufferPointer(rebasing: literals.contents[start..<ends[node]])
    }
}
