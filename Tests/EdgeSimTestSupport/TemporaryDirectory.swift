#if canImport(Glibc)
import Glibc
#endif

/// A fresh folder under /tmp, removed with its contents when the value is released.
public final class TemporaryDirectory {
    /// The folder's absolute path.
    public let path: String

    /// Creates the folder.
    public init() {
        var template = Array("/tmp/edgesim-test-XXXXXX".utf8CString)
        let created = template.withUnsafeMutableBufferPointer { mkdtemp($0.baseAddress!) }
        precondition(created != nil, "mkdtemp failed")
        path = String(cString: created!)
    }

    deinit {
        _ = Shell.run(["/bin/rm", "-rf", path])
    }

    /// A path inside the folder.
    public func file(_ name: String) -> String {
        path + "/" + name
    }
}
