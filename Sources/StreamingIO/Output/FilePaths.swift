#if canImport(Glibc)
import Glibc
#endif

/// Path arithmetic for files that refer to each other (a scenario naming its
/// topology and workload relative to itself).
public enum FilePaths {
    /// The folder part of `path` (`.` when there is none).
    public static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        let folder = String(path[..<slash])
        return folder.isEmpty ? "/" : folder
    }

    /// `relative` interpreted from `folder`, unless it is absolute.
    public static func resolve(_ relative: String, from folder: String) -> String {
        if relative.hasPrefix("/") || folder == "." { return relative }
        return folder.hasSuffix("/") ? folder + relative : folder + "/" + relative
    }

    /// The canonical absolute path of an existing file or folder.
    ///
    /// The corresponding C function is `realpath`.
    public static func canonical(_ path: String) -> String? {
        guard let resolved = realpath(path, nil) else { return nil }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    /// The path that leads from folder `base` to `target` (both absolute and
    /// normalised), such as `../topologies/a.topology.json`.
    public static func relativePath(from base: String, to target: String) -> String {
        let baseParts = base.split(separator: "/")
        let targetParts = target.split(separator: "/")
        var common = 0
        while common < baseParts.count && common < targetParts.count
            && baseParts[common] == targetParts[common]
        {
            common += 1
        }
        // Sharing only the root: the absolute path says more than a chain of "..".
        if common == 0 && target.hasPrefix("/") { return target }
        let ups = Array(repeating: "..", count: baseParts.count - common)
        let rest = targetParts[common...].map(String.init)
        let parts = ups + rest
        return parts.isEmpty ? "." : parts.joined(separator: "/")
    }
}
