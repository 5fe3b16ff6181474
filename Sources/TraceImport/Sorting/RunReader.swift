import StreamingIO

/// Reads a run written by `RunWriter`, one record at a time.
final class RunReader: SortedSource {
    static let headerBytes = 36

    private let input: InputFile
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var endOfFile = false
    private(set) var key = SortKey(primary: 0, secondary: 0, tertiary: 0)
    private(set) var sequence: UInt64 = 0
    private(set) var payload = UnsafeRawBufferPointer(start: nil, count: 0)

    init(path: String, bufferBytes: Int) throws(TraceImportError) {
        input = try TraceImportError.catching { try InputFile(path: path) }
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(bufferBytes, 4096), alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    func advance() throws(TraceImportError) -> Bool {
        guard try ensure(Self.headerBytes) else {
            if end > start { throw corrupt() }
            return false
        }
        let base = UnsafeRawBufferPointer(buffer)
        key = SortKey(
            primary: base.loadUnaligned(fromByteOffset: start, as: UInt64.self),
            secondary: base.loadUnaligned(fromByteOffset: start + 8, as: UInt64.self),
            tertiary: base.loadUnaligned(fromByteOffset: start + 16, as: UInt64.self))
        sequence = base.loadUnaligned(fromByteOffset: start + 24, as: UInt64.self)
        let length = Int(base.loadUnaligned(fromByteOffset: start + 32, as: UInt32.self))
        guard try ensure(Self.headerBytes + length) else { throw corrupt() }
        payload = UnsafeRawBufferPointer(
            rebasing: UnsafeRawBufferPointer(buffer)[(start + Self.headerBytes)..<(start + Self.headerBytes + length)])
        start += Self.headerBytes + length
        return true
    }

    private func corrupt() -> TraceImportError {
        .io(.readFailed(path: input.path, reason: "temporary sort run ends inside a record"))
    }

    /// Makes `count` bytes available from `start`; false when the file ends first.
    private func ensure(_ count: Int) throws(TraceImportError) -> Bool {
        while end - start < count {
            if endOfFile { return false }
            if start > 0 {
                let pending = end - start
                if pending > 0 {
                    buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending)
                }
                start = 0
                end = pending
            }
            if count > buffer.count {
                let larger = UnsafeMutableRawBufferPointer.allocate(byteCount: count * 2, alignment: 16)
                larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: end)
                buffer.deallocate()
                buffer = larger
            }
            let read = try TraceImportError.catching {
                try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            }
            if read == 0 { endOfFile = true }
            end += read
        }
        return true
    }
}
