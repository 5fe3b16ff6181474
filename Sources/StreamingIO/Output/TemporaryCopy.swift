#if canImport(Glibc)
import Glibc
#endif

/// A private copy of standard input in a temporary file, for consumers that
/// must read their input twice. The file is removed when the value goes away.
public final class TemporaryCopy {
    /// The temporary file's path.
    public let path: String

    /// Copies standard input (as stored: compressed bytes stay compressed).
    ///
    /// - Throws: `StreamingIOError` when the temporary file cannot be written.
    public init(ofStandardInput: Void) throws(StreamingIOError) {
        let folder = getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        let (file, path) = try PosixFile.createUnique(template: folder + "/edgesim-stdin-XXXXXX")
        self.path = path
        let source = PosixFile.standardInput()
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { buffer.deallocate() }
        do {
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                try file.writeAll(UnsafeRawBufferPointer(rebasing: buffer[0..<count]))
            }
        } catch {
            _ = unlink(path)
            throw error
        }
    }

    deinit {
        _ = unlink(path)
    }
}

