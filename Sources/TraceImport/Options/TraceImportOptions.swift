/// Every choice an import makes that the trace does not: time mapping, volume,
/// task content, origins, and the resources the import may use.
///
/// Defaults keep the trace as it is (all tasks, trace times shifted so the
/// first arrival is 0, no deadlines, no data sizes, no origins).
public struct TraceImportOptions: Sendable {
    // MARK: - Reading

    /// Turn the first malformed row into an error instead of counting it.
    public var strict = false
    /// How many malformed rows (and DAG repairs) are reported individually.
    public var reportedProblems = 5
    /// Decompress each input on a worker thread while parsing (two cores).
    public var readAhead = true

    // MARK: - Time

    /// Keep tasks arriving at or after this trace time, in seconds (before any shift).
    public var windowStartSeconds: Double?
    /// Keep tasks arriving before this trace time, in seconds (before any shift).
    public var windowEndSeconds: Double?
    /// Which trace time becomes arrival 0.
    public var timeOrigin: TimeOrigin = .firstArrival
    /// Arrivals (after the shift) are multiplied by this factor (> 0); runtimes are not.
    public var timeScale = 1.0
    /// What to do with tasks that arrived before the trace window (time 0 or negative).
    public var beforeTrace: BeforeTracePolicy = .keep

    // MARK: - Volume

    /// Expected copies of each task: below 1 thins (keeps each with that
    /// probability), above 1 replicates. Tasks in a DAG are decided per job.
    public var rateFactor = 1.0
    /// The fraction of jobs kept (seeded, whole jobs).
    public var sampleFraction = 1.0
    /// Write at most this many tasks (the earliest arrivals).
    public var maximumTasks: Int?
    /// The seed of every random choice (sampling, thinning, replication, byte
    /// counts, random origins).
    public var seed: UInt64 = 1

    // MARK: - Task content

    /// Speed of one core of the trace's machines, in MIPS: instructions =
    /// runtime × cores × MIPS × 10^6. A core is a normalised CPU unit in
    /// Google 2011 (1.0 = the largest machine), 100 plan_cpu in Alibaba, one
    /// processor in SWF, one invocation in Azure.
    public var mipsPerCore = 1000.0
    /// The memory of one whole machine, for normalised memory requests (Google:
    /// 1.0 = the largest machine; Alibaba 2018: 100 = one machine; Alibaba 2017: 1.0).
    public var machineMemoryBytes: Int64 = 64 << 30
    /// Bytes sent to the executing node.
    public var inputBytes: ByteCountDistribution = .constant(0)
    /// Bytes returned to the origin.
    public var outputBytes: ByteCountDistribution = .constant(0)
    /// The relative deadline rule.
    public var deadline: DeadlineRule = .none
    /// What to do with tasks whose runtime the trace does not give.
    public var unknownRuntime: UnknownRuntimePolicy = .drop
    /// Alibaba `instance_num`: one task scaled by it, or that many tasks.
    public var instances: InstanceMode = .scale
    /// Expansion stops at this many instances per task (the rest are counted).
    public var maximumInstancesPerTask = 100_000
    /// Google 2011 events that complete a task (FINISH by default).
    public var terminalEvents: GoogleTerminalEvents = [.finish]

    // MARK: - Origins

    /// How tasks get an origin node.
    public var origins: OriginAssignment = .none
    /// The attribute hashed by `OriginAssignment.hash`.
    public var originKey: OriginKey = .job
    /// The nodes origins are chosen from (required unless `origins` is `.none`).
    public var originNodes: [String] = []

    // MARK: - Resources

    /// Memory for sorting, in bytes; beyond it, sorted runs spill to temporary files.
    public var sortMemoryBytes = 32 << 20
    /// Where sort runs go (default `$TMPDIR`, else `/tmp`).
    public var temporaryDirectory: String?
    /// zlib level of a `.gz` output (1 fastest ... 9 smallest). The default, 1,
    /// costs a fifth of level 6's time for a file about 15 % larger (on
    /// Google's bench file: 0.065 s vs 0.30 s for 15 MB of workload).
    public var compressionLevel: Int32 = 1
    /// Compress the output on a worker thread.
    public var backgroundCompression = true

    /// Options with every default.
    public init() {}

    /// Checks ranges and combinations that do not depend on the inputs.
    ///
    /// - Throws: `.invalidOption` with a message naming the option.
    public func validate(for format: TraceFormat) throws(TraceImportError) {
        if let start = windowStartSeconds, let end = windowEndSeconds, !(start < end) {
            throw .invalidOption("--from must be earlier than --to")
        }
        guard timeScale > 0, timeScale.isFinite else { throw .invalidOption("--time-scale must be a positive number") }
        guard rateFactor > 0, rateFactor.isFinite, rateFactor <= 1000 else {
            throw .invalidOption("--rate-factor must be in (0, 1000]")
        }
        guard sampleFraction > 0, sampleFraction <= 1 else { throw .invalidOption("--sample must be in (0, 1]") }
        if let maximumTasks, maximumTasks < 0 { throw .invalidOption("--max-tasks must be >= 0") }
        guard mipsPerCore > 0, mipsPerCore.isFinite else { throw .invalidOption("--mips-per-core must be positive") }
        guard machineMemoryBytes >= 0 else { throw .invalidOption("--machine-memory-mib must be >= 0") }
        guard maximumInstancesPerTask >= 1 else { throw .invalidOption("--max-instances must be >= 1") }
        guard (1...9).contains(compressionLevel) else { throw .invalidOption("--compression-level must be 1...9") }
        guard sortMemoryBytes >= 1 << 20 else { throw .invalidOption("--sort-memory-mib must be at least 1") }
        if origins != .none && originNodes.isEmpty {
            throw .invalidOption("--origins \(origins == .hash ? "hash" : origins == .roundRobin ? "round-robin" : "random") "
                + "needs nodes: --origin-nodes or --origin-topology")
        }
        if origins == .hash && !format.originKeys.contains(originKey) {
            throw .invalidOption("--origin-key \(originKey.rawValue) is not available for \(format.rawValue) "
                + "(available: \(format.originKeys.map(\.rawValue).joined(separator: ", ")))")
        }
        if case .seconds(let value) = unknownRuntime, !(value >= 0 && value.isFinite) {
            throw .invalidOption("--unknown-runtime must be drop or a number of seconds >= 0")
        }
        if case .seconds(let value) = timeOrigin, !value.isFinite {
            throw .invalidOption("--time-origin must be first, trace or a number of seconds")
        }
    }
}
