#if canImport(Glibc)
import Glibc
#endif

/// Paths to the repository's fixtures and samples, resolved from this file's
/// location so tests run from any working directory.
public enum Fixtures {
    /// The repository root.
    public static let repositoryRoot: String = {
        var parts = String(#filePath).split(separator: "/", omittingEmptySubsequences: false)
        parts.removeLast(3)  // Tests/EdgeSimTestSupport/Fixtures.swift
        return parts.joined(separator: "/")
    }()

    /// A path under the repository root.
    public static func path(_ relative: String) -> String {
        repositoryRoot + "/" + relative
    }

    /// A path under `Tests/Fixtures`.
    public static func fixture(_ relative: String) -> String {
        path("Tests/Fixtures/" + relative)
    }

    /// The shared real-data folder (`../shared/data` next to the checkout), when present.
    public static let sharedData: String? = {
        let candidate = repositoryRoot + "/../shared/data"
        var status = stat()
        return stat(candidate, &status) == 0 ? candidate : nil
    }()
}
