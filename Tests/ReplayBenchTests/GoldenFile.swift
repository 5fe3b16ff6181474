import EdgeSimTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Golden-file comparison against `Tests/Fixtures/bench/`. Run with
/// `EDGESIM_UPDATE_GOLDEN=1` to (re)write the files from the current output, then review the diff.
enum GoldenFile {
    static func path(_ name: String) -> String {
        Fixtures.fixture("bench/" + name)
    }

    /// The expected text, writing `actual` first when updating goldens.
    static func expected(_ name: String, actual: String) -> String? {
        if let flag = getenv("EDGESIM_UPDATE_GOLDEN"), String(cString: flag) == "1" {
            Shell.write(actual, to: path(name))
        }
        return Shell.contents(path(name)).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The first differing line, for readable failures.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
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
