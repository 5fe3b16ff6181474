#if canImport(Glibc)
import Glibc
#endif
import StreamingIO

/// A private folder for sort runs, removed with its files when released.
final class TemporaryFolder {
    let path: String
    private var files: [String] = []

    /// Creates `edgesim-sort-XXXXXX` under `parent` (default `$TMPDIR`, else `/tmp`).
    ///
    /// The corresponding C function is `mkdtemp`.
    init(parent: String?) throws(TraceImportError) {
        let base = parent ?? getenv("TMPDIR").map { String(cString: $0) } ?? "/tmp"
        var template = Array((base.hasSuffix("/") ? base : base + "/").utf8CString.dropLast())
        template.append(contentsOf: Array("edgesim-sort-XXXXXX".utf8CString))
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

    /// Removes one file early (a run that was merged).
    func remove(_ file: String) {
        _ = unlink(file)
        files.removeAll { $0 == file }
    }
}
