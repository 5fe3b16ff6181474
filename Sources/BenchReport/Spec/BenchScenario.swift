/// One scenario of a bench: the file the runner replays and the name reports show.
public struct BenchScenario: Hashable, Sendable {
    /// The name in tables, plot titles and file names (unique within a bench).
    public var name: String
    /// The scenario file, resolved against the spec file's folder (or as given on the command line).
    public var path: String

    /// Creates a scenario entry.
    public init(name: String, path: String) {
        self.name = name
        self.path = path
    }

    /// The name a scenario file gets when none is given: its file name without
    /// `.scenario.json` (or `.json`), such as `edge` for `runs/edge.scenario.json`.
    public static func defaultName(forPath path: String) -> String {
        var name = path.split(separator: "/", omittingEmptySubsequences: true).last.map(String.init) ?? path
        for suffix in [".scenario.json", ".json"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
            break
        }
        return name
    }

    /// Default names for `paths`, made unique in order of appearance (`edge`, `edge-2`, ...).
    static func uniqueDefaultNames(forPaths paths: [String]) -> [String] {
        var taken: Set<String> = []
        var names: [String] = []
        for path in paths {
            let base = defaultName(forPath: path)
            var candidate = base
            var suffix = 2
            while taken.contains(candidate) {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            taken.insert(candidate)
            names.append(candidate)
        }
        return names
    }
}
