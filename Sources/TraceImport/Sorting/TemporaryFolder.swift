#if canImport(Glibc)
import Glibc
#endif
import StreamingIO

/// A private folder for sort runs, removed with its files when released.
///
/// A process killed outright (SIGKILL, out of memory) cannot remove its
/// folder, and sort runs can be gigabytes: the folder's name carries the
/// process id (`edgesim-sort-<pid>-XXXXXX`), and each new folder first removes
/// the folders of processes that no longer exist.
final class TemporaryFolder {
    static let prefix = "edgesim-sort-"

    let path: String
    private var files: [String] = []

    /// Creates `edgesim-sort-<pid>-XXXXXX` under `parent` (default `$TMPDIR`, else `/tmp`).
    ///
    /// The corresponding C function is `mkdtemp`.
    init(parent: String?) throws(TraceImportError) {
        let base = Self.base(parent)
        Self.removeAbandonedFolders(in: base)
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("\(Self.prefix)\(getpid())-XXXXXX".utf8CString))
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        guard let created else {
            let reason = String(cString: strerror(errno))
            throw .io(.writeFailed(path: base, reason: "cannot create a temporary folder for sorting: \(reason)"))
        }
        path = String(cString: created)
    }

    deinit {
        for file in files { _ = unlink(file) }
        _ = rmdir(path)
    }

    /// A new file path inside the folder, removed with the folder.
    func newFile(_ name: String) -> String {
        let file = path + "/" + name
        files.append(file)
        return file
    }

    /// The folder sort folders go in: `parent`, else `$TMPDIR`, else `/tmp`.
    static func base(_ parent: String?) -> String {
        parent ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
    }

    /// Removes the sort folders in `base` whose process has ended (best effort:
    /// folders of other users or of running processes are left alone).
    static func removeAbandonedFolders(in base: String) {
        guard let directory = opendir(base) else { return }
        var abandoned: [String] = []
        while let entry = readdir(directory) {
            let name = Self.name(of: entry)
            guard name.hasPrefix(prefix) else { continue }
            let digits = name.dropFirst(prefix.count).prefix(while: \.isNumber)
            guard let pid = Int32(digits), pid > 0, pid != getpid() else { continue }
            if kill(pid, 0) != 0 && errno == ESRCH { abandoned.append(name) }
        }
        closedir(directory)
        for name in abandoned {
            let folder = (base.hasSuffix("/") ? base : base + "/") + name
            guard let inner = opendir(folder) else { continue }
            var files: [String] = []
            while let entry = readdir(inner) {
                let file = Self.name(of: entry)
                if file != "." && file != ".." { files.append(file) }
            }
            closedir(inner)
            for file in files { _ = unlink(folder + "/" + file) }
            _ = rmdir(folder)
        }
    }

    /// Removes one file early (a run that was merged).
    func remove(_ file: String) {
        _ = unlink(file)
        files.removeAll { $0 == file }
    }

    /// The name in a directory entry. `readdir` returns records only as long
    /// as the name: read up to its NUL, never the whole `d_name` array.
    static func name(of entry: UnsafeMutablePointer<dirent>) -> String {
        let offset = MemoryLayout<dirent>.offset(of: \dirent.d_name) ?? 19
        return String(cString: (UnsafeRawPointer(entry) + offset).assumingMemoryBound(to: CChar.self))
    }
}
