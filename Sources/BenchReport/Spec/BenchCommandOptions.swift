#if canImport(Glibc)
import Glibc
#endif

/// The options of a bench command as typed (`edgesim bench SCENARIO... --policies
/// local,random --seeds 1..10 [--sweep NAME=FROM..TO:STEPS] [--spec FILE] [--jobs N]`),
/// and how they combine into a spec.
///
/// A spec file gives the whole study; options given next to it replace its
/// scenarios, policies, seeds or sweep. Without a spec file, scenarios are
/// required and policies and seeds have defaults.
///
/// ```swift
/// let options = BenchCommandOptions(scenarioPaths: paths, policies: "local,cloud", seeds: "1..10")
/// let plan = try BenchPlan(spec: try options.makeSpec(defaultPolicies: ["local", "cloud"]))
/// ```
public struct BenchCommandOptions: Hashable, Sendable {
    /// The seeds when neither the command line nor a spec names any.
    public static let defaultSeeds = "1..10"
    /// The most worker threads `--jobs` accepts.
    public static let maximumWorkerCount = 256

    /// Scenario files named on the command line (positional arguments).
    public var scenarioPaths: [String]
    /// `--spec FILE`: a bench spec file.
    public var specPath: String?
    /// `--policies`: comma-separated policy names.
    public var policies: String?
    /// `--seeds`: seeds and ranges (`1..10`, `1,2,5`).
    public var seeds: String?
    /// `--sweep`: `NAME=FROM..TO:STEPS` or `NAME=V1,V2,...`.
    public var sweep: String?
    /// `--sweep-label`: the sweep's axis title with its unit.
    public var sweepLabel: String?
    /// `--name`: the study's title in reports.
    public var name: String?
    /// `--jobs`: worker threads (nil: one per core).
    public var jobs: Int?

    /// Creates options; nil means "not given".
    public init(
        scenarioPaths: [String] = [], specPath: String? = nil, policies: String? = nil, seeds: String? = nil,
        sweep: String? = nil, sweepLabel: String? = nil, name: String? = nil, jobs: Int? = nil
    ) {
        self.scenarioPaths = scenarioPaths
        self.specPath = specPath
        self.policies = policies
        self.seeds = seeds
        self.sweep = sweep
        self.sweepLabel = sweepLabel
        self.name = name
        self.jobs = jobs
    }

    /// The spec these options describe.
    ///
    /// - Parameter defaultPolicies: The policies to run when neither `--policies`
    ///   nor a spec names any (the simulator's baselines).
    /// - Throws: `BenchError.invalidArgument` for a malformed or missing option (a
    ///   usage error), `BenchError.invalidSpec`/`.input` for a bad spec file, and
    ///   `BenchError.input(.cannotOpen)` for a scenario file that does not exist.
    public func makeSpec(defaultPolicies: [String]) throws(BenchError) -> BenchSpec {
        var spec: BenchSpec
        if let specPath {
            spec = try BenchSpec.load(path: specPath)
        } else {
            guard !scenarioPaths.isEmpty else {
                throw .invalidArgument(option: "SCENARIO", message: "name at least one scenario file, or a bench spec with --spec")
            }
            spec = BenchSpec(scenarios: [], policies: defaultPolicies, seeds: [])
            spec.seeds = try Self.parse(BenchListSyntax.seeds(Self.defaultSeeds), option: "--seeds")
        }
        if !scenarioPaths.isEmpty {
            let names = BenchScenario.uniqueDefaultNames(forPaths: scenarioPaths)
            spec.scenarios = zip(names, scenarioPaths).map { BenchScenario(name: $0, path: $1) }
            for path in scenarioPaths where !BenchSpec.isRegularFile(path) {
                throw .input(.cannotOpen(path: path, reason: "no such scenario file"))
            }
        }
        if let policies { spec.policies = try Self.parse(BenchListSyntax.names(policies, what: "policy"), option: "--policies") }
        if let seeds { spec.seeds = try Self.parse(BenchListSyntax.seeds(seeds), option: "--seeds") }
        if let sweep { spec.sweep = try Self.parse(BenchListSyntax.sweep(sweep), option: "--sweep") }
        if let sweepLabel {
            guard spec.sweep != nil else { throw .invalidArgument(option: "--sweep-label", message: "there is no sweep to label") }
            spec.sweep?.label = sweepLabel
        }
        if let name {
            guard !name.isEmpty else { throw .invalidArgument(option: "--name", message: "the name is empty") }
            spec.name = name
        }
        if let problem = spec.problem() { throw .invalidArgument(option: specPath ?? "bench", message: problem) }
        return spec
    }

    /// The number of worker threads: `--jobs`, or one per online core.
    ///
    /// - Throws: `BenchError.invalidArgument` when `--jobs` is not in 1...256.
    public func workerCount() throws(BenchError) -> Int {
        if let jobs {
            guard (1...Self.maximumWorkerCount).contains(jobs) else {
                throw .invalidArgument(option: "--jobs", message: "expected 1 to \(Self.maximumWorkerCount) workers, found \(jobs)")
            }
            return jobs
        }
        return max(1, min(Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))), Self.maximumWorkerCount))
    }

    private static func parse<Value>(_ result: Result<Value, SyntaxProblem>, option: String) throws(BenchError) -> Value {
        switch result {
        case .success(let value): return value
        case .failure(let problem): throw .invalidArgument(option: option, message: problem.message)
        }
    }
}
