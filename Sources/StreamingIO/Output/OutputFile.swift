#if canImport(Glibc)
import Glibc
#endif

/// An output written atomically: bytes go to a temporary file in the
/// destination's folder, which replaces the destination only on `commit()`.
///
/// On Linux the temporary file is unnamed (`O_TMPFILE`) until the commit links
/// it under a hidden name and renames it onto the destination, so a run that
/// is interrupted, even by `SIGKILL`, leaves nothing behind: no partial file
/// at the destination, no stray temporary file, and a previous file at the
/// destination untouched. Elsewhere (or where the file system lacks
/// `O_TMPFILE`) a hidden `.NAME.tmp-XXXXXX` file is used and removed when an
/// uncommitted output goes away. The path `-` means standard output (written
/// directly, as it cannot be renamed).
///
/// Numbers are formatted deterministically: integers in decimal, doubles in
/// Swift's shortest round-trip form (`0.1`, `1e-05`, `250.0`), so the same values
/// always give the same bytes.
public final class OutputFile {
    /// Compression applied to the written bytes.
    public enum Compression: Sendable {
        /// Bytes are written as given.
        case none
        /// One gzip member at the given zlib level (1 fastest ... 9 smallest).
        case gzip(level: Int32)
    }

    /// The destination path as given (`<stdout>` for standard output).
    public let path: String
    private let file: PosixFile
    private let temporaryPath: String?
    /// For an unnamed temporary file: the folder and file name of the destination.
    private let unnamedDestination: (folder: String, name: String)?
    private let deflater: ZlibStream?
    private let compressor: BackgroundCompressor?
    private var scratch: UnsafeMutableRawBufferPointer
    private var isFinished = false
    private let writeback: BackgroundWriteback?
    private var bytesSinceWriteback: Int64 = 0
    /// The write position, held by pointer: the per-byte path then has no
    /// exclusivity checks on class properties.
    private let cursor: UnsafeMutablePointer<Cursor>

    private struct Cursor {
        var buffer: UnsafeMutableRawBufferPointer
        var count = 0
        var bytesWritten: Int64 = 0
    }

    /// Uncompressed bytes written so far.
    public var bytesWritten: Int64 { cursor.pointee.bytesWritten }

    private var buffer: UnsafeMutableRawBufferPointer {
        get { cursor.pointee.buffer }
        set { cursor.pointee.buffer = newValue }
    }

    private var count: Int {
        get { cursor.pointee.count }
        set { cursor.pointee.count = newValue }
    }

    static let bufferSize = 256 * 1024

    /// Creates the temporary file next to `path` (or binds standard output for `-`).
    ///
    /// - Parameters:
    ///   - path: The destination, or `-` for standard output.
    ///   - compression: Whether to gzip the bytes.
    ///   - backgroundCompression: With gzip, compress on a worker thread while
    ///     the caller keeps writing (the bytes are identical either way).
    /// - Throws: `StreamingIOError.writeFailed` when the folder is not writable.
    public init(
        path: String, compression: Compression = .none, backgroundCompression: Bool = false
    ) throws(StreamingIOError) {
        if path == "-" {
            self.path = "<stdout>"
            file = PosixFile.standardOutput()
            temporaryPath = nil
            unnamedDestination = nil
            writeback = nil
        } else {
            self.path = path
            let slash = path.lastIndex(of: "/")
            let folder = slash.map { String(path[...$0]) } ?? ""
            let name = slash.map { String(path[path.index(after: $0)...]) } ?? path
            guard !name.isEmpty else {
                throw .writeFailed(path: path, reason: "the output path names a folder, not a file")
            }
            if let unnamed = PosixFile.createUnnamed(inFolder: folder.isEmpty ? "." : folder) {
                file = unnamed
                temporaryPath = nil
                unnamedDestination = (folder, name)
            } else {
                let (created, temporary) = try PosixFile.createUnique(
                    template: "\(folder).\(name).tmp-XXXXXX")
                file = created
                temporaryPath = temporary
                unnamedDestination = nil
            }
            writeback = BackgroundWriteback(descriptor: file.descriptor)
            _ = fchmod(file.descriptor, 0o644)
        }
        switch compression {
        case .none: deflater = nil
        case .gzip(let level): deflater = try ZlibStream(deflatingGzipAtLevel: level, for: path)
        }
        if let deflater, backgroundCompression {
            compressor = try BackgroundCompressor(
                deflater: deflater, file: file, bufferBytes: Self.bufferSize, spareBuffers: 3)
        } else {
            compressor = nil
        }
        cursor = .allocate(capacity: 1)
        cursor.initialize(to: Cursor(
            buffer: UnsafeMutableRawBufferPointer.allocate(byteCount: Self.bufferSize, alignment: 16)))
        scratch = UnsafeMutableRawBufferPointer.allocate(
            byteCount: deflater == nil || compressor != nil ? 0 : Self.bufferSize, alignment: 16)
    }

    deinit {
        compressor?.abandon()
        // A background sync must end before the descriptor closes with `file`.
        _ = writeback?.finish()
        cursor.pointee.buffer.deallocate()
        cursor.deinitialize(count: 1)
        cursor.deallocate()
        scratch.deallocate()
        if !isFinished, let temporaryPath {
            _ = unlink(temporaryPath)
        }
    }

    // MARK: - Writing

    /// Appends raw bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(StreamingIOError) {
        guard bytes.count > 0 else { return }
        if bytes.count > buffer.count - count {
            try flushBuffer()
            if bytes.count > buffer.count {
                try emit(bytes)
                cursor.pointee.bytesWritten += Int64(bytes.count)
                return
            }
        }
        (buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
        cursor.pointee.bytesWritten += Int64(bytes.count)
    }

    /// Appends the bytes of `array`.
    public func write(_ array: [UInt8]) throws(StreamingIOError) {
        let result: Result<Void, StreamingIOError> = array.withUnsafeBytes { buffer in
            do throws(StreamingIOError) {
                try write(buffer)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Appends the UTF-8 bytes of `text`.
    public func write(_ text: String) throws(StreamingIOError) {
        var text = text
        let result: Result<Void, StreamingIOError> = text.withUTF8 { utf8 in
            do throws(StreamingIOError) {
                try write(UnsafeRawBufferPointer(utf8))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Appends one byte.
    @inline(__always)
    public func write(byte: UInt8) throws(StreamingIOError) {
        let cursor = self.cursor
        if cursor.pointee.count == cursor.pointee.buffer.count { try flushBuffer() }
        cursor.pointee.buffer[cursor.pointee.count] = byte
        cursor.pointee.count += 1
        cursor.pointee.bytesWritten += 1
    }

    /// Appends `value` in decimal.
    public func write(integer value: Int64) throws(StreamingIOError) {
        if buffer.count - count < NumberFormatting.maximumIntegerLength { try flushBuffer() }
        let written = NumberFormatting.write(value, to: buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + count)
        count += written
        cursor.pointee.bytesWritten += Int64(written)
    }

    /// Appends `value` in Swift's shortest round-trip decimal form (`250.0`,
    /// `0.5`); common values are formatted without allocating.
    public func write(double value: Double) throws(StreamingIOError) {
        if buffer.count - count < NumberFormatting.maximumFastDoubleLength { try flushBuffer() }
        let destination = buffer.baseAddress!.assumingMemoryBound(to: UInt8.self) + count
        guard let written = NumberFormatting.writeFast(value, to: destination) else {
            try write(value.description)
            return
        }
        count += written
        cursor.pointee.bytesWritten += Int64(written)
    }

    // MARK: - Finishing

    /// Flushes everything, finishes the gzip member, syncs and renames the
    /// temporary file onto the destination.
    ///
    /// - Throws: `StreamingIOError.writeFailed` on any failure; the destination is
    ///   then untouched.
    public func commit() throws(StreamingIOError) {
        guard !isFinished else { return }
        try flushBuffer()
        if let compressor {
            do {
                try compressor.finish()
            } catch {
                discard()
                throw error
            }
        } else if let deflater {
            try deflater.deflate(
                input: UnsafeRawBufferPointer(start: nil, count: 0), finish: true, scratch: scratch
            ) { (bytes) throws(StreamingIOError) in try file.writeAll(bytes) }
        }
        if let writeback {
            let failure = writeback.finish()
            if failure != 0 {
                _ = unlink(temporaryPath ?? "")
                isFinished = true
                throw .writeFailed(path: path, reason: PosixFile.errnoDescription(failure))
            }
        }
        if let unnamedDestination {
            try file.synchronize()
            try linkIntoPlace(folder: unnamedDestination.folder, name: unnamedDestination.name)
        }
        if let temporaryPath {
            try file.synchronize()
            if rename(temporaryPath, path) != 0 {
                let reason = PosixFile.errnoDescription()
                _ = unlink(temporaryPath)
                isFinished = true
                throw .writeFailed(path: path, reason: reason)
            }
        }
        isFinished = true
    }

    /// Links the unnamed file under a fresh hidden name, then renames it onto
    /// the destination (`linkat` cannot replace an existing file; `rename` can,
    /// atomically).
    private func linkIntoPlace(folder: String, name: String) throws(StreamingIOError) {
        var attempt = 0
        while true {
            let hidden = "\(folder).\(name).tmp-\(getpid())-\(attempt)"
            let failure = file.link(as: hidden)
            if failure == EEXIST {
                attempt += 1
                continue
            }
            guard failure == 0 else {
                isFinished = true
                throw .writeFailed(path: path, reason: PosixFile.errnoDescription(failure))
            }
            if rename(hidden, path) != 0 {
                let reason = PosixFile.errnoDescription()
                _ = unlink(hidden)
                isFinished = true
                throw .writeFailed(path: path, reason: reason)
            }
            return
        }
    }

    /// Abandons the output: the temporary file is removed, the destination untouched.
    public func discard() {
        guard !isFinished else { return }
        isFinished = true
        compressor?.abandon()
        _ = writeback?.finish()
        if let temporaryPath { _ = unlink(temporaryPath) }
    }

    private func flushBuffer() throws(StreamingIOError) {
        guard count > 0 else { return }
        if let compressor {
            guard !isFinished else {
                throw .writeFailed(path: path, reason: "the output was already committed")
            }
            buffer = try compressor.submit(buffer, count: count)
            count = 0
            return
        }
        try emit(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
        count = 0
    }

    private func emit(_ bytes: UnsafeRawBufferPointer) throws(StreamingIOError) {
        guard !isFinished else {
            throw .writeFailed(path: path, reason: "the output was already committed")
        }
        if compressor != nil {
            // Large writes go through the hand-off buffers in pieces.
            var offset = 0
            while offset < bytes.count {
                let piece = min(buffer.count - count, bytes.count - offset)
                (buffer.baseAddress! + count).copyMemory(from: bytes.baseAddress! + offset, byteCount: piece)
                count += piece
                offset += piece
                if count == buffer.count { try flushBuffer() }
            }
            return
        }
        if let deflater {
            try deflater.deflate(input: bytes, finish: false, scratch: scratch) {
                (produced) throws(StreamingIOError) in try file.writeAll(produced)
            }
        } else {
            try file.writeAll(bytes)
        }
        if let writeback {
            bytesSinceWriteback += Int64(bytes.count)
            if bytesSinceWriteback >= BackgroundWriteback.interval {
                bytesSinceWriteback = 0
                writeback.start()
            }
        }
    }
}
