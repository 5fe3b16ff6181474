import StreamingIO

/// A benchmark study: which scenarios to replay under which policies, with
/// which seeds, and optionally over a sweep of one parameter.
///
/// Stored as a JSON file (format `edgesim-bench`, version 1), so a whole study
/// is one command:
///
/// ```json
/// {
///   "format": "edgesim-bench",
///   "version": 1,
///   "name": "load study",
///   "scenarios": ["edge.scenario.json", {"path": "campus.scenario.json", "name": "campus"}],
///   "policies": ["local", "random", "least-queue", "earliest-finish", "cloud"],
///   "seeds": "1..10",
///   "sweep": {"parameter": "arrivalRateScale", "from": 0.5, "to": 1.5, "steps": 5,
///             "label": "Arrival-rate scale (×)"}
/// }
/// ```
///
/// - `scenarios`: paths relative to the spec file's folder (or absolute), or
///   objects `{"path": P, "name": N}`; names default to the file name without
///   `.scenario.json` and must be unique.
/// - `policies`: policy names, as the runner knows them; unique.
/// - `seeds`: a list of non-negative integers, or a string such as `"1..10"` or
///   `"1..3,7"`; unique.
/// - `sweep` (optional): `parameter` and either `values` (increasing) or `from`,
///   `to` and `steps` (evenly spaced, both ends included); `label` is the axis
///   title for plots.
/// - `name` (optional): the study's title in reports (default `bench`).
///
/// `BenchPlan(spec:)` expands a spec into its ordered list of jobs.
public struct BenchSpec: Hashable, Sendable {
    /// The `format` field of bench spec files.
    public static let formatName = "edgesim-bench"
    /// The format version this build reads.
    public static let formatVersion = 1

    /// The study's title in reports.
    public var name: String
    /// The scenarios, in report order.
    public var scenarios: [BenchScenario]
    /// The policies, in report order (which also fixes each policy's plot colour).
    public var policies: [String]
    /// The seeds, in the order written.
    public var seeds: [UInt64]
    /// The parameter sweep, if any.
    public var sweep: ParameterSweep?

    /// Creates a spec; `BenchPlan(spec:)` checks it.
    public init(
        name: String = "bench", scenarios: [BenchScenario], policies: [String], seeds: [UInt64],
        sweep: ParameterSweep? = nil
    ) {
        self.name = name
        self.scenarios = scenarios
        self.policies = policies
        self.seeds = seeds
        self.sweep = sweep
    }

    /// The first thing wrong with the spec, or nil when it can be run.
    func problem() -> String? {
        if scenarios.isEmpty { return "a bench needs at least one scenario" }
        if let problem = BenchListSyntax.namesProblem(scenarios.map(\.name), what: "scenario") { return problem }
        var paths: Set<String> = []
        for scenario in scenarios {
            if scenario.path.isEmpty { return "scenario '\(MessageText.excerpt(scenario.name))' has an empty path" }
            if !paths.insert(scenario.path).inserted { return "scenario file '\(MessageText.excerpt(scenario.path, limit: 400))' appears twice" }
        }
        if let problem = BenchListSyntax.namesProblem(policies, what: "policy") { return problem }
        if seeds.isEmpty { return "a bench needs at least one seed" }
        if seeds.count > BenchListSyntax.maximumSeedCount {
            return "a bench has at most \(BenchListSyntax.maximumSeedCount) seeds"
        }
        var seenSeeds: Set<UInt64> = []
        for seed in seeds where !seenSeeds.insert(seed).inserted { return "seed \(seed) appears twice" }
        if let sweep, let problem = sweep.problem() { return problem }
        return nil
    }
}
