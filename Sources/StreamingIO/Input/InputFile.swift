/// A file or standard input read as a stream of bytes, gunzipped transparently.
///
/// Gzip is recognised by its magic bytes, not by the file name, so `.csv.gz`,
/// `.gz` without a suffix and plain text all work. Multi-member gzip files
/// (concatenated members, as `cat a.gz b.gz` makes) are read to the end, like
/// `zcat`. A file cut short or with corrupt data is an error that names the
/// byte offset; it never ends as a silently short stream.
///
/// ```swift
/// let input = try InputFile(path: "part-00000-of-00500.csv.gz")
/// try input.forEachChunk { bytes in count += bytes.count }
/// ```
public final class InputFile: ByteSource {
    /// The path as the user gave it; `<stdin>` for standard input.
    public let path: String
    /// True when the data is gzip-compressed.
    public private(set) var isCompressed = false
    /// The size in bytes of the file as stored, when it is a regular file.
    public let storedSizeBytes: Int64?

    private let file: PosixFile?
    private let upstream: (any ByteSource)?
    private var inflater: ZlibStream?
    /// Raw bytes read from the file and not yet consumed.
    private var rawBuffer: UnsafeMutableRawBufferPointer
    private var rawStart = 0
    private var rawEnd = 0
    private var rawEndOfFile = false
    /// Bytes of the stored file consumed so far (for offsets and progress).
    public private(set) var storedBytesConsumed: Int64 = 0
    /// Decompressed bytes handed out so far.
    public private(set) var bytesProduced: Int64 = 0
    private var memberInProgress = false
    private var finished = false

    static let rawBufferSize = 256 * 1024

    /// Opens `path` for reading; `-` means standard input.
    ///
    /// - Parameter path: A file path, or `-` for standard input.
    /// - Throws: `StreamingIOError.cannotOpen` when the file is missing,
    ///   unreadable or a directory; `.readFailed` on an I/O error.
    public init(path: String) throws(StreamingIOError) {
        let opened: PosixFile
        if path == "-" {
            opened = PosixFile.standardInput()
            self.path = "<stdin>"
        } else {
            opened = try PosixFile.openForReading(path: path)
            self.path = path
        }
        file = opened
        upstream = nil
        storedSizeBytes = opened.regularFileSize
        rawBuffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Self.rawBufferSize, alignment: 16)
        try sniff()
    }

    /// Reads another byte source (a tar member, a read-ahead pipeline) as an
    /// input, gunzipping it when it starts with the gzip magic bytes.
    ///
    /// - Parameters:
    ///   - source: Where the bytes come from; read only through this object from now on.
    ///   - path: The name for messages (default: the source's path).
    /// - Throws: What the source throws while its first bytes are sniffed.
    public init(source: any ByteSource, path: String? = nil) throws(StreamingIOError) {
        self.path = path ?? source.path
        file = nil
        upstream = source
        storedSizeBytes = nil
        rawBuffer = UnsafeMutableRawBufferPointer.allocate(
            byteCount: Self.rawBufferSize, alignment: 16)
        try sniff()
    }

    /// Reads the first two bytes (they stay buffered for the decoder) and
    /// prepares an inflater when they are the gzip magic.
    private func sniff() throws(StreamingIOError) {
        while rawEnd < 2 && !rawEndOfFile {
            let count = try readRaw(into: UnsafeMutableRawBufferPointer(rebasing: rawBuffer[rawEnd...]))
            if count == 0 { rawEndOfFile = true }
            rawEnd += count
        }
        isCompressed = rawEnd >= 2 && rawBuffer[0] == 0x1f && rawBuffer[1] == 0x8b
        if isCompressed {
            inflater = try ZlibStream(inflatingGzipFor: path)
            memberInProgress = true
        }
    }

    /// Reads raw (stored) bytes from the file or the upstream source.
    @inline(__always)
    private func readRaw(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        if let file { return try file.read(into: buffer) }
        if let upstream { return try upstream.read(into: buffer) }
        return 0
    }

    deinit {
        rawBuffer.deallocate()
    }

    /// Reads up to `buffer.count` decompressed bytes into `buffer`.
    ///
    /// - Returns: The number of bytes written; 0 only at the end of the data.
    /// - Throws: `StreamingIOError` on I/O errors, corrupt or truncated gzip.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        guard buffer.count > 0, !finished else { return 0 }
        if let inflater {
            return try inflate(with: inflater, into: buffer)
        }
        if rawStart < rawEnd {
            let count = min(buffer.count, rawEnd - rawStart)
            buffer.baseAddress!.copyMemory(from: rawBuffer.baseAddress! + rawStart, byteCount: count)
            rawStart += count
            storedBytesConsumed += Int64(count)
            bytesProduced += Int64(count)
            return count
        }
        if rawEndOfFile {
            finished = true
            return 0
        }
        let count = try readRaw(into: buffer)
        if count == 0 { finished = true }
        storedBytesConsumed += Int64(count)
        bytesProduced += Int64(count)
        return count
    }

    /// Calls `body` with each chunk of decompressed bytes until the end of the data.
    ///
    /// The chunk is borrowed: it is valid only during the call.
    /// - Throws: What `read(into:)` throws, or what `body` throws.
    public func forEachChunk(
        chunkSize: Int = 256 * 1024, _ body: (UnsafeRawBufferPointer) throws -> Void
    ) throws {
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkSize, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try read(into: chunk)
            if count == 0 { return }
            try body(UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
    }

    // MARK: - Gzip

    private func refillRaw() throws(StreamingIOError) {
        if rawStart > 0 && rawStart == rawEnd {
            rawStart = 0
            rawEnd = 0
        }
        guard !rawEndOfFile, rawEnd < rawBuffer.count else { return }
        let count = try readRaw(into: UnsafeMutableRawBufferPointer(rebasing: rawBuffer[rawEnd...]))
        if count == 0 { rawEndOfFile = true }
        rawEnd += count
    }

    private func location() -> SourceLocation {
        SourceLocation(path: path, byteOffset: storedBytesConsumed)
    }

    private func inflate(
        with inflater: ZlibStream, into buffer: UnsafeMutableRawBufferPointer
    ) throws(StreamingIOError) -> Int {
        while true {
            if rawStart == rawEnd { try refillRaw() }
            if !memberInProgress {
                // Between members: more data must be another gzip member.
                if rawStart == rawEnd && rawEndOfFile {
                    finished = true
                    return 0
                }
                if rawEnd - rawStart < 2 && !rawEndOfFile {
                    compactRaw()
                    try refillRaw()
                    continue
                }
                if try skipZeroPadding() { continue }
                let first = rawBuffer[rawStart]
                let second = rawEnd - rawStart >= 2 ? rawBuffer[rawStart + 1] : 0
                guard first == 0x1f && second == 0x8b else {
                    throw .corruptGzip(
                        location(), reason: "unexpected bytes after the end of a gzip member "
                            + "(expected another member or the end of the file)")
                }
                inflater.resetInflater()
                memberInProgress = true
            }
            if rawStart == rawEnd && rawEndOfFile {
                throw .truncatedGzip(location())
            }
            let input = UnsafeRawBufferPointer(rebasing: rawBuffer[rawStart..<rawEnd])
            let (consumed, produced, result) = inflater.inflate(input: input, output: buffer)
            rawStart += consumed
            storedBytesConsumed += Int64(consumed)
            bytesProduced += Int64(produced)
            switch result {
            case .memberEnded:
                memberInProgress = false
            case .failed(let message):
                throw .corruptGzip(location(), reason: message)
            case .progressed, .needsMoreInput:
                break
            }
            if produced > 0 { return produced }
            if case .needsMoreInput = result, rawStart == rawEnd, rawEndOfFile {
                throw .truncatedGzip(location())
            }
        }
    }

    /// Moves unconsumed raw bytes to the front of the buffer.
    private func compactRaw() {
        guard rawStart > 0 else { return }
        let remaining = rawEnd - rawStart
        if remaining > 0 {
            rawBuffer.baseAddress!.copyMemory(
                from: rawBuffer.baseAddress! + rawStart, byteCount: remaining)
        }
        rawStart = 0
        rawEnd = remaining
    }

    /// Tape archives pad gzip files with zero bytes; like gzip, accept trailing
    /// zeros after the last member. Returns true when bytes were skipped.
    private func skipZeroPadding() throws(StreamingIOError) -> Bool {
        guard rawBuffer[rawStart] == 0 else { return false }
        var index = rawStart
        while index < rawEnd && rawBuffer[index] == 0 { index += 1 }
        guard index == rawEnd else {
            throw .corruptGzip(
                SourceLocation(path: path, byteOffset: storedBytesConsumed + Int64(index - rawStart)),
                reason: "unexpected bytes after the end of a gzip member")
        }
        storedBytesConsumed += Int64(index - rawStart)
        rawStart = index
        return true
    }
}
