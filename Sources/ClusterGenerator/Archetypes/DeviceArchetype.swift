import ScenarioModel

/// A kind of machine the generator can place: Ether's capacities (cores,
/// architecture, memory, labels) plus what a simulator needs and Ether lacks
/// (per-core speed, power, queue capacity).
///
/// The built-in catalogue (`DeviceArchetype.catalogue`) has Ether's ten
/// archetypes; FORMAT.md ("Generator archetypes and scenarios") gives the
/// source or assumption behind every figure. Specs can add archetypes derived
/// from a built-in one.
public struct DeviceArchetype: Hashable, Sendable {
    /// The name blocks refer to (`rpi3`, `server`, ...), Ether's function name.
    public var name: String
    /// Node ids are `<namePrefix>_<k>`, counted per prefix (Ether: `rpi3_0`, `cloudvm_3`).
    public var namePrefix: String
    /// The canonical node kind by default (device, edge or cloud); blocks may override it.
    public var kind: NodeKind
    /// Cores that run tasks in parallel (Ether: `cpu_millis / 1000`).
    public var cores: Int
    /// Ether's architecture string (`x86`, `arm32`, `arm32v7`, `aarch64`).
    public var architecture: String
    /// Memory in bytes (Ether's size strings resolved: `G` = 10^9, `Gi` = 2^30).
    public var memoryBytes: Int64
    /// Ether's `ether.edgerun.io/type` label (`sbc`, `sffc`, `embai`, `server`, `vm`).
    public var etherType: String
    /// Ether's `ether.edgerun.io/model` label (`rpi3b+`, `nuci5`, ...).
    public var etherModel: String
    /// Further Ether labels without the `ether.edgerun.io/` prefix (`capabilities/cuda`: `10`).
    public var extraLabels: [String: String]
    /// Speed of one core in millions of instructions per second (Dhrystone MIPS).
    public var coreSpeedMips: Double
    /// Power drawn idle, in watts.
    public var idlePowerWatts: Double
    /// Power drawn with every core busy, in watts.
    public var busyPowerWatts: Double
    /// Power drawn while transmitting, in watts.
    public var transmitPowerWatts: Double
    /// Tasks that may wait for a core; nil = unbounded.
    public var queueCapacity: Int?

    /// Creates an archetype.
    public init(
        name: String, namePrefix: String, kind: NodeKind, cores: Int, architecture: String, memoryBytes: Int64,
        etherType: String, etherModel: String, extraLabels: [String: String] = [:], coreSpeedMips: Double,
        idlePowerWatts: Double, busyPowerWatts: Double, transmitPowerWatts: Double, queueCapacity: Int?
    ) {
        self.name = name
        self.namePrefix = namePrefix
        self.kind = kind
        self.cores = cores
        self.architecture = architecture
        self.memoryBytes = memoryBytes
        self.etherType = etherType
        self.etherModel = etherModel
        self.extraLabels = extraLabels
        self.coreSpeedMips = coreSpeedMips
        self.idlePowerWatts = idlePowerWatts
        self.busyPowerWatts = busyPowerWatts
        self.transmitPowerWatts = transmitPowerWatts
        self.queueCapacity = queueCapacity
    }

    /// The labels a node of this archetype carries, as Ether sets them: the
    /// `ether.edgerun.io/` keys `type`, `model`, the extra labels, and `arch`.
    public var labels: [String: String] {
        var labels: [String: String] = [
            Self.labelPrefix + "type": etherType,
            Self.labelPrefix + "model": etherModel,
            Self.labelPrefix + "arch": architecture,
        ]
        for (key, value) in extraLabels { labels[Self.labelPrefix + key] = value }
        return labels
    }

    /// Ether's label namespace.
    public static let labelPrefix = "ether.edgerun.io/"

    /// The default tier of a node kind: 0 devices, 1 edge, 2 cloud.
    static func tier(of kind: NodeKind) -> Int {
        switch kind {
        case .device: return 0
        case .edge, .switch: return 1
        case .cloud, .router: return 2
        }
    }
}
