#if canImport(Glibc)
import Glibc
#endif

/// Golden-file comparison: expected bytes live in a folder under `Tests/Fixtures/`.
/// Run the tests with `EDGESIM_UPDATE_GOLDEN=1` to (re)write them from the current
/// output, then review the diff.
public struct GoldenFile {
    /// The folder under `Tests/Fixtures/` that holds the golden files.
    public let folder: String

    /// Golden files in `Tests/Fixtures/<folder>/`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The path of golden file `name`.
    public func path(_ name: String) -> String {
        Fixtures.fixture(folder + "/" + name)
    }

    /// The expected text, writing `actual` first when updating goldens.
    public func expected(_ name: String, actual: String) -> String? {
        if let flag = getenv("EDGESIM_UPDATE_GOLDEN"), String(cString: flag) == "1" {
            Shell.write(actual, to: path(name))
        }
        return Shell.contents(path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first differing line, for readable failures.
    public static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let expectedLine = index < left.count ? String(left[index]) : "<end>"
            let actualLine = index < right.count ? String(right[index]) : "<end>"
            if expectedLine != actualLine {
                return "line \(index + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)"
            }
        }
        return "no difference"
    }
}
