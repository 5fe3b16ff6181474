import StreamingIO

/// Writes one sorted run: per record the key (3 × 8 bytes), the insertion
/// sequence (8), the payload length (4) and the payload, in native byte order
/// (runs never leave the machine that wrote them).
final class RunWriter {
    private let output: OutputFile
    private(set) var payloadBytes: Int64 = 0
    private var header = (UInt64(0), UInt64(0), UInt64(0), UInt64(0), UInt32(0))

    init(path: String) throws(TraceImportError) {
        output = try TraceImportError.catching { try OutputFile(path: path) }
    }

    func write(key: SortKey, sequence: UInt64, payload: UnsafeRawBufferPointer) throws(TraceImportError) {
        header = (key.primary, key.secondary, key.tertiary, sequence, UInt32(truncatingIfNeeded: payload.count))
        try TraceImportError.catching {
            try withUnsafeBytes(of: &header) { bytes throws(StreamingIOError) in
                try output.write(UnsafeRawBufferPointer(rebasing: bytes[0..<RunReader.headerBytes]))
            }
            try output.write(payload)
        }
        payloadBytes += Int64(payload.count)
    }

    func commit() throws(TraceImportError) {
        try TraceImportError.catching { try output.commit() }
    }
}
