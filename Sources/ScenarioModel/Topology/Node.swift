/// A vertex of the topology: a compute host or a piece of network gear.
///
/// Compute nodes (kind device, edge or cloud) need at least one core and a
/// positive per-core speed; network nodes forward only and keep zeros.
public struct Node: Hashable, Sendable {
    /// Stable identifier, unique in the topology (Ether names such as `rpi3_0`).
    public var id: String
    /// What the node is.
    public var kind: NodeKind
    /// Tier in the hierarchy: 0 devices, 1 edge, 2 cloud by convention.
    public var tier: Int
    /// Number of cores that execute tasks in parallel.
    public var cores: Int
    /// Speed of one core in millions of instructions per second.
    public var coreSpeedMips: Double
    /// Memory in bytes.
    public var memoryBytes: Int64
    /// Tasks the node can hold waiting for a core; nil means unbounded.
    public var queueCapacity: Int?
    /// Power drawn while idle, in watts.
    public var idlePowerWatts: Double
    /// Power drawn with every core busy, in watts.
    public var busyPowerWatts: Double
    /// Power drawn while transmitting, in watts.
    public var transmitPowerWatts: Double
    /// Where the node is, when known.
    public var position: Position?
    /// Free-form labels (Ether's `ether.edgerun.io/*`, source attributes).
    public var labels: [String: String]

    /// Creates a node; only the identifier and kind are required.
    public init(
        id: String, kind: NodeKind, tier: Int = 0, cores: Int = 0, coreSpeedMips: Double = 0,
        memoryBytes: Int64 = 0, queueCapacity: Int? = nil, idlePowerWatts: Double = 0,
        busyPowerWatts: Double = 0, transmitPowerWatts: Double = 0, position: Position? = nil,
        labels: [String: String] = [:]
    ) {
        self.id = id
        self.kind = kind
        self.tier = tier
        self.cores = cores
        self.coreSpeedMips = coreSpeedMips
        self.memoryBytes = memoryBytes
        self.queueCapacity = queueCapacity
        self.idlePowerWatts = idlePowerWatts
        self.busyPowerWatts = busyPowerWatts
        self.transmitPowerWatts = transmitPowerWatts
        self.position = position
        self.labels = labels
    }

    /// Total speed of the node in MIPS (`cores * coreSpeedMips`).
    public var totalSpeedMips: Double { Double(cores) * coreSpeedMips }
}
