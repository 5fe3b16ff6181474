#if canImport(Glibc)
import Glibc
#endif

/// Files in one folder that file-reading fuzz targets write their input and
/// outputs to, reused by every input (a harness process or a test has its own).
public final class FuzzScratch: Sendable {
    /// The folder of the scratch files.
    public let folder: String
    /// The folder and name prefix of every scratch file.
    public let base: String

    /// Scratch files named `<folder>/edgesim-fuzz-<pid>-<tag>*`.
    public init(folder: String, tag: String = "") {
        self.folder = folder
        base = "\(folder)/edgesim-fuzz-\(getpid())\(tag.isEmpty ? "" : "-" + tag)"
    }

    /// A scratch folder for a harness process: /dev/shm when it exists (no disk I/O), else /tmp.
    public static func forProcess() -> FuzzScratch {
        var status = stat()
        return FuzzScratch(folder: stat("/dev/shm", &status) == 0 ? "/dev/shm" : "/tmp")
    }

    /// Writes `bytes` to the input file named by `suffix` and returns its path.
    public func write(_ bytes: [UInt8], suffix: String) -> String {
        let path = base + suffix
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write the fuzz scratch file \(path)") }
        defer { close(descriptor) }
        bytes.withUnsafeBytes { buffer in
            var offset = 0
            while offset < buffer.count {
                let written = Glibc.write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
        return path
    }

    /// A folder next to the inputs (created when missing), for temporary files of the code under test.
    public func subfolder(_ name: String) -> String {
        let path = base + "." + name
        mkdir(path, 0o700)
        return path
    }

    /// The names in `folder` (empty when it cannot be read).
    public func listing(_ folder: String) -> [String] {
        guard let directory = opendir(folder) else { return [] }
        defer { closedir(directory) }
        var names: [String] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            if name != "." && name != ".." { names.append(name) }
        }
        return names.sorted()
    }

    /// A path for an output, next to the inputs.
    public func outputPath(suffix: String) -> String {
        base + ".out" + suffix
    }

    /// The name in a directory entry. `readdir` returns records only as long
    /// as the name: read up to its NUL, never the whole `d_name` array.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}
