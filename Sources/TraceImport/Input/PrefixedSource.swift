import StreamingIO

/// A byte source that first replays bytes already read (to sniff the content)
/// and then continues with the source they came from.
final class PrefixedSource: ByteSource {
    let path: String
    private let prefix: [UInt8]
    private var position = 0
    private let rest: any ByteSource

    /// Reads up to `count` bytes from `source` to look at them; they are read again later.
    init(sniffing count: Int, of source: any ByteSource) throws(StreamingIOError) {
        path = source.path
        rest = source
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: max(count, 1), alignment: 16)
        defer { buffer.deallocate() }
        var filled = 0
        while filled < count {
            let read = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[filled..<count]))
            if read == 0 { break }
            filled += read
        }
        prefix = Array(UnsafeRawBufferPointer(rebasing: buffer[0..<filled]))
    }

    /// The sniffed bytes (fewer than asked when the source is shorter).
    var sniffed: [UInt8] { prefix }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        guard buffer.count > 0 else { return 0 }
        if position < prefix.count {
            let count = min(buffer.count, prefix.count - position)
            prefix.withUnsafeBytes { bytes in
                buffer.baseAddress!.copyMemory(from: bytes.baseAddress! + position, byteCount: count)
            }
            position += count
            return count
        }
        return try rest.read(into: buffer)
    }
}
