/// A canonical scenario: a topology, a workload (or synthetic arrivals) and the
/// model settings of a replay.
///
/// Stored as `*.scenario.json` (format `edgesim-scenario`, version 1). The
/// topology and workload are referenced by paths relative to the scenario
/// file, or embedded when small.
public struct Scenario: Hashable, Sendable {
    /// The `format` field of scenario files.
    public static let formatName = "edgesim-scenario"
    /// The format version this build reads and writes.
    public static let formatVersion = 1

    /// Where the topology is.
    public enum TopologySource: Hashable, Sendable {
        /// A topology file, relative to the scenario file's folder (or absolute).
        case file(path: String)
        /// A topology embedded in the scenario.
        case embedded(Topology)
    }

    /// Where the tasks come from.
    public enum WorkloadSource: Hashable, Sendable {
        /// A workload file, relative to the scenario file's folder (or absolute).
        case file(path: String)
        /// Tasks embedded in the scenario, in arrival order.
        case embedded([WorkloadTask])
        /// No tasks: the simulator draws `settings.syntheticArrivals`.
        case synthetic
    }

    /// A human-readable name.
    public var name: String
    /// The topology.
    public var topology: TopologySource
    /// The workload.
    public var workload: WorkloadSource
    /// The model settings.
    public var settings: ModelSettings

    /// Creates a scenario.
    public init(
        name: String, topology: TopologySource, workload: WorkloadSource = .synthetic,
        settings: ModelSettings = ModelSettings()
    ) {
        self.name = name
        self.topology = topology
        self.workload = workload
        self.settings = settings
    }
}
