import StreamingIO

/// Reads the regular-file members of a tar archive from a byte stream, in order.
///
/// Alibaba publishes each table as one CSV inside a `.tar.gz`; this reader
/// lets the importer stream the CSV straight out of the gunzipped archive,
/// like `tar -xzOf`, without extracting it. It understands POSIX ustar and
/// GNU headers: base-256 sizes for members over 8 GiB, PAX extended headers
/// (`path`, `size`), GNU long names; it skips folders, links and devices.
/// Header checksums are verified; an archive cut short is an error with the
/// offset (in the decompressed archive) where it ends.
///
/// ```swift
/// let archive = TarArchiveReader(source: input, path: "batch_task.tar.gz")
/// while let member = try archive.nextMember() { read(member) }
/// ```
final class TarArchiveReader {
    static let blockSize = 512

    /// The archive's name, for messages.
    let path: String
    private let source: any ByteSource
    private var buffer: UnsafeMutableRawBufferPointer
    private var start = 0
    private var end = 0
    private var endOfSource = false
    /// Offset of `buffer[start]` in the decompressed archive.
    private var offset: Int64 = 0
    private var current: TarMember?
    private var reachedEnd = false

    init(source: any ByteSource, path: String) {
        self.source = source
        self.path = path
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
    }

    deinit {
        buffer.deallocate()
    }

    /// True when `block` (512 bytes) is a tar header with a valid checksum.
    /// True when `block` carries the ustar magic but a wrong checksum: a
    /// damaged archive, which must not be read as text.
    static func isDamagedHeader(_ block: UnsafeRawBufferPointer) -> Bool {
        guard block.count >= blockSize else { return false }
        let magic = UnsafeRawBufferPointer(rebasing: block[257..<262])
        return magic.elementsEqual("ustar".utf8) && !TarHeader.checksumMatches(block)
    }

    static func isHeader(_ block: UnsafeRawBufferPointer) -> Bool {
        guard block.count >= blockSize else { return false }
        let magic = UnsafeRawBufferPointer(rebasing: block[257..<262])
        guard magic.elementsEqual("ustar".utf8) else { return false }
        return TarHeader.checksumMatches(block)
    }

    /// Advances to the next regular-file member (skipping what is left of the
    /// previous one); nil at the end of the archive.
    ///
    /// - Throws: `.unsupportedInput` for a corrupt or truncated archive,
    ///   `.io` for read errors.
    func nextMember() throws(TraceImportError) -> TarMember? {
        if let current {
            try skip(current.remaining + Self.padding(current.size))
            current.remaining = 0
            self.current = nil
        }
        guard !reachedEnd else { return nil }
        var pendingName: String? = nil
        var pendingSize: Int64? = nil
        while true {
            guard try fill(Self.blockSize) else {
                if end == start {
                    // No end-of-archive blocks: accept, as GNU tar does (with a warning there).
                    reachedEnd = true
                    return nil
                }
                throw truncated()
            }
            let block = UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[start..<(start + Self.blockSize)])
            if block.allSatisfy({ $0 == 0 }) {
                reachedEnd = true
                return nil
            }
            guard TarHeader.checksumMatches(block) else {
                throw .unsupportedInput(location(), message: "corrupt tar header (checksum mismatch)")
            }
            let header = try TarHeader(block, location: location())
            try consume(Self.blockSize)
            let size = pendingSize ?? header.size
            switch header.type {
            case UInt8(ascii: "0"), 0, UInt8(ascii: "7"):
                let member = TarMember(
                    archive: self, name: pendingName ?? header.name, size: size,
                    displayPath: "\(path):\(pendingName ?? header.name)")
                current = member
                return member
            case UInt8(ascii: "x"):
                let values = TarHeader.paxValues(try readBody(count: header.size))
                if let name = values["path"] { pendingName = name }
                if let text = values["size"] {
                    guard let value = Int64(text), value >= 0 else {
                        throw .unsupportedInput(location(), message: "invalid PAX size '\(MessageText.excerpt(text))'")
                    }
                    pendingSize = value
                }
                continue
            case UInt8(ascii: "L"):
                let body = try readBody(count: header.size)
                pendingName = String(decoding: body.prefix { $0 != 0 }, as: UTF8.self)
                continue
            case UInt8(ascii: "S"):
                throw .unsupportedInput(location(), message: "sparse tar member '\(MessageText.excerpt(header.name))' is not supported")
            default:
                // Folders, links, devices, global PAX headers, long link names.
                try skip(size + Self.padding(size))
                pendingName = nil
                pendingSize = nil
            }
        }
    }

    // MARK: - Member data

    /// Reads member data into `target`, at most `limit` bytes.
    func readData(into target: UnsafeMutableRawBufferPointer, limit: Int64) throws(StreamingIOError) -> Int {
        let wanted = Int(min(Int64(target.count), limit))
        guard wanted > 0 else { return 0 }
        if start < end {
            let count = min(wanted, end - start)
            target.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: count)
            start += count
            offset += Int64(count)
            return count
        }
        guard !endOfSource else {
            throw .readFailed(path: path, reason: "tar archive ends inside a member (at byte \(offset))")
        }
        // Large reads go straight into the caller's buffer.
        let count = try source.read(into: UnsafeMutableRawBufferPointer(rebasing: target[0..<wanted]))
        if count == 0 {
            endOfSource = true
            throw .readFailed(path: path, reason: "tar archive ends inside a member (at byte \(offset))")
        }
        offset += Int64(count)
        return count
    }

    // MARK: - Buffering

    static func padding(_ size: Int64) -> Int64 {
        let remainder = size % Int64(blockSize)
        return remainder == 0 ? 0 : Int64(blockSize) - remainder
    }

    private func location() -> SourceLocation {
        SourceLocation(path: path, byteOffset: offset)
    }

    private func truncated() -> TraceImportError {
        .unsupportedInput(location(), message: "tar archive is truncated (expected a 512-byte header block)")
    }

    /// Makes `count` bytes available at `start`; false when the source ends first.
    private func fill(_ count: Int) throws(TraceImportError) -> Bool {
        while end - start < count {
            if endOfSource { return false }
            if start > 0 {
                let pending = end - start
                if pending > 0 { buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + start, byteCount: pending) }
                start = 0
                end = pending
            }
            let read = try TraceImportError.catching {
                try source.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[end...]))
            }
            if read == 0 { endOfSource = true }
            end += read
        }
        return true
    }

    private func consume(_ count: Int) throws(TraceImportError) {
        start += count
        offset += Int64(count)
    }

    /// Skips `count` bytes of member data and padding.
    private func skip(_ count: Int64) throws(TraceImportError) {
        var remaining = count
        while remaining > 0 {
            if start == end {
                guard try fill(1) else { throw truncated() }
            }
            let step = Int(min(remaining, Int64(end - start)))
            start += step
            offset += Int64(step)
            remaining -= Int64(step)
        }
    }

    /// Reads a small member body (PAX records, GNU long names).
    private func readBody(count: Int64) throws(TraceImportError) -> [UInt8] {
        guard count <= 1 << 20 else {
            throw .unsupportedInput(location(), message: "tar extended header of \(count) bytes is too large")
        }
        let length = Int(count)
        guard try fill(length) || length == 0 else { throw truncated() }
        let body = Array(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(buffer)[start..<(start + length)]))
        try consume(length)
        try skip(Self.padding(count))
        return body
    }
}
