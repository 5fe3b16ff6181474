import ScenarioModel
import StreamingIO

/// A block tree resolved for materialisation: archetypes looked up, default
/// attachments chosen for each position in the tree, label maps built once
/// (every node and link of a kind shares one map), name counters assigned.
/// Planning checks the spec; materialising a plan only draws and appends.
indirect enum PlannedBlock {
    case hosts(PlannedHosts)
    case lan(PlannedLAN)
    case shared(PlannedShared)
    case repeated(PlannedRepeat)
}

/// An archetype ready to stamp out nodes.
struct PlannedArchetype {
    var nameSlot: Int
    var kind: NodeKind
    var tier: Int
    var cores: Int
    var coreSpeedMips: Double
    var memoryBytes: Int64
    var queueCapacity: Int?
    var idlePowerWatts: Double
    var busyPowerWatts: Double
    var transmitPowerWatts: Double
    var labels: [String: String]
}

/// The link or links joining a child to its parent.
struct PlannedAttachment {
    enum Shape {
        case undirected(bandwidthMbps: Double, labels: [String: String])
        case upDown(downMbps: Double, upMbps: Double, upLabels: [String: String], downLabels: [String: String])
    }

    var shape: Shape
    var latencyMs: Double
    var distribution: LatencyDistribution?
}

struct PlannedHosts {
    var archetypes: [PlannedArchetype]
    var weights: [Double]
    var count: Count
    var attachment: PlannedAttachment
    var scatterMeters: Double?
    var location: SourceLocation?
}

struct PlannedLAN {
    var switchSlot: Int
    var labels: [String: String]
    var attachment: PlannedAttachment
    var members: [PlannedBlock]
}

struct PlannedShared {
    var slot: Int
    var nodeLabels: [String: String]
    var mediumLabels: [String: String]
    var bandwidthMbps: Double
    var attachment: PlannedAttachment
    var members: [PlannedBlock]
}

struct PlannedRepeat {
    var count: Count
    var size: Count?
    var gridSpacingMeters: Double?
    var block: PlannedBlock
    var location: SourceLocation?
}

/// A planned site: its router's id and block.
struct PlannedSite {
    var router: String
    var block: PlannedBlock
}
