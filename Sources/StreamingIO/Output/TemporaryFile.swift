#if canImport(Glibc)
import Glibc
#endif

/// An unnamed scratch file for spilling data that does not fit in memory
/// (sorted runs of an external sort). Written first, then read back from the
/// start; removed from the file system as soon as it is created, so nothing
/// is left behind even if the process is killed.
public final class TemporaryFile {
    private let file: PosixFile
    /// Bytes written so far.
    public private(set) var sizeBytes: Int64 = 0

    /// Creates the file in `folder` (default `$TMPDIR` or `/tmp`).
    ///
    /// - Throws: `StreamingIOError.writeFailed` when the folder is not writable.
    public init(folder: String? = nil) throws(StreamingIOError) {
        let base = folder ?? (getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp")
        let (created, path) = try PosixFile.createUnique(template: base + "/edgesim-spill-XXXXXX")
        _ = unlink(path)
        file = created
    }

    /// Appends bytes.
    public func write(_ bytes: UnsafeRawBufferPointer) throws(StreamingIOError) {
        try file.writeAll(bytes)
        sizeBytes += Int64(bytes.count)
    }

    /// Moves the read position to `offset` bytes from the start.
    ///
    /// The corresponding C function is `lseek`.
    public func seek(to offset: Int64) throws(StreamingIOError) {
        if lseek(file.descriptor, off_t(offset), SEEK_SET) < 0 {
            throw .readFailed(path: "<spill file>", reason: PosixFile.errnoDescription())
        }
    }

    /// Reads up to `buffer.count` bytes from the current position; 0 at the end.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        try file.read(into: buffer)
    }
}
