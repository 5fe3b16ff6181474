#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A thin owner of a POSIX file descriptor; the only place that calls `open`,
/// `read`, `write` and `close` for StreamingIO.
final class PosixFile {
    let descriptor: Int32
    let displayPath: String
    private let ownsDescriptor: Bool

    private init(descriptor: Int32, displayPath: String, ownsDescriptor: Bool) {
        self.descriptor = descriptor
        self.displayPath = displayPath
        self.ownsDescriptor = ownsDescriptor
    }

    deinit {
        if ownsDescriptor { _ = close(descriptor) }
    }

    /// Standard input, never closed by this object.
    static func standardInput() -> PosixFile {
        PosixFile(descriptor: 0, displayPath: "<stdin>", ownsDescriptor: false)
    }

    /// Standard output, never closed by this object.
    static func standardOutput() -> PosixFile {
        PosixFile(descriptor: 1, displayPath: "<stdout>", ownsDescriptor: false)
    }

    /// Opens a regular file for reading; directories and special files other than
    /// pipes are refused with a readable reason.
    ///
    /// The corresponding C functions are `open` and `fstat`.
    static func openForReading(path: String) throws(StreamingIOError) -> PosixFile {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        if descriptor < 0 {
            throw .cannotOpen(path: path, reason: errnoDescription())
        }
        var status = stat()
        if fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFDIR {
            _ = close(descriptor)
            throw .cannotOpen(path: path, reason: "is a directory, expected a file")
        }
        return PosixFile(descriptor: descriptor, displayPath: path, ownsDescriptor: true)
    }

    /// Creates a new file exclusively with a unique name from a `mkstemp` template.
    ///
    /// The corresponding C function is `mkstemp`.
    static func createUnique(template: String) throws(StreamingIOError) -> (PosixFile, String) {
        var bytes = Array(template.utf8CString)
        let descriptor = bytes.withUnsafeMutableBufferPointer { buffer in
            mkstemp(buffer.baseAddress!)
        }
        if descriptor < 0 {
            throw .writeFailed(path: template, reason: errnoDescription())
        }
        let path = bytes.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        return (PosixFile(descriptor: descriptor, displayPath: path, ownsDescriptor: true), path)
    }

    /// Creates an unnamed regular file in `folder` that no one can see until
    /// it is linked into the folder (Linux `O_TMPFILE`); nil when the file
    /// system does not support it.
    ///
    /// The corresponding C function is `open` with `O_TMPFILE`.
    static func createUnnamed(inFolder folder: String) -> PosixFile? {
        #if os(Linux)
        let temporaryFileFlag: Int32 = 0o20000000 | O_DIRECTORY  // O_TMPFILE, a composite macro Swift cannot import
        let descriptor = open(folder, O_WRONLY | O_CLOEXEC | temporaryFileFlag, 0o644)
        guard descriptor >= 0 else { return nil }
        return PosixFile(descriptor: descriptor, displayPath: folder, ownsDescriptor: true)
        #else
        return nil
        #endif
    }

    /// Gives an unnamed file (from `createUnnamed`) the name `path`; fails
    /// with `EEXIST` when the name is taken.
    ///
    /// The corresponding C function is `linkat` on `/proc/self/fd/N`.
    func link(as path: String) -> Int32 {
        linkat(AT_FDCWD, "/proc/self/fd/\(descriptor)", AT_FDCWD, path, AT_SYMLINK_FOLLOW) == 0 ? 0 : errno
    }

    /// The size of a regular file, or nil for pipes and terminals.
    var regularFileSize: Int64? {
        var status = stat()
        guard fstat(descriptor, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else {
            return nil
        }
        return Int64(status.st_size)
    }

    /// Reads up to `buffer.count` bytes, retrying on EINTR; returns 0 at end of file.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        guard let base = buffer.baseAddress, buffer.count > 0 else { return 0 }
        while true {
            let count = Glibc.read(descriptor, base, buffer.count)
            if count >= 0 { return count }
            if errno == EINTR { continue }
            throw .readFailed(path: displayPath, reason: Self.errnoDescription())
        }
    }

    /// Writes every byte, retrying on EINTR and short writes.
    func writeAll(_ buffer: UnsafeRawBufferPointer) throws(StreamingIOError) {
        guard var base = buffer.baseAddress else { return }
        var remaining = buffer.count
        while remaining > 0 {
            let count = Glibc.write(descriptor, base, remaining)
            if count < 0 {
                if errno == EINTR { continue }
                throw .writeFailed(path: displayPath, reason: Self.errnoDescription())
            }
            remaining -= count
            base += count
        }
    }

    /// Flushes the file's data to stable storage.
    ///
    /// The corresponding C function is `fsync`.
    func synchronize() throws(StreamingIOError) {
        if fsync(descriptor) != 0, errno != EINVAL, errno != EROFS {
            throw .writeFailed(path: displayPath, reason: Self.errnoDescription())
        }
    }

    static func errnoDescription(_ code: Int32 = errno) -> String {
        String(cString: strerror(code))
    }
}
