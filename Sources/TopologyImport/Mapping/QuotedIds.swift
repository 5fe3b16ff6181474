import StreamingIO

/// Every node id as a JSON string literal, escaped once: links name two
/// nodes each, so a large table would otherwise escape each id many times.
final class QuotedIds {
    private let literals: TextArena
    private let ends: [Int]

    init(_ table: TopologyTable) {
        let literals = TextArena(capacity: table.nodeCount * 12 + 16)
        var ends: [Int] = []
        ends.reserveCapacity(table.nodeCount)
        var quote: UInt8 = 0x22
        for node in 0..<table.nodeCount {
            let id = table.arena.bytes(table.nodeIds[node])
            if ByteSink.needsEscaping(id) {
                _ = literals.append(JSONText.quoted(String(decoding: id, as: UTF8.self)))
            } else {
                _ = withUnsafeBytes(of: &quote) { literals.append($0) }
                _ = literals.append(id)
                _ = withUnsafeBytes(of: &quote) { literals.append($0) }
            }
            ends.append(literals.count)
        }
        self.literals = literals
        self.ends = ends
    }

    /// Appends the literal of one id, as the table of literals holds it.
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
        return literals.span(from: start, to: ends[node])
    }
}
