import ScenarioModel
import StreamingIO

/// A block tree resolved for materialisation: archetypes looked up, default
/// attachments chosen for each position in the tree, label maps built once
/// (every node and link of a kind shares one map), name counters assigned.
/// Planning checks the spec; materialising a plan only draws and appends.
///
/// The pieces are classes: materialising visits them millions of times, and
/// a class reference costs one retain where a struct of arrays and label maps
/// costs one per field.
indirect enum PlannedBlock {
    case hosts(PlannedHosts)
    case lan(PlannedLAN)
    case shared(PlannedShared)
    case repeated(PlannedRepeat)
}

/// An archetype ready to stamp out nodes.
final class PlannedArchetype {
    let nameSlot: Int
    let kind: NodeKind
    let tier: Int
    let cores: Int
    let coreSpeedMips: Double
    let memoryBytes: Int64
    let queueCapacity: Int?
    let idlePowerWatts: Double
    let busyPowerWatts: Double
    let transmitPowerWatts: Double
    let labels: [String: String]

    init(
        nameSlot: Int, kind: NodeKind, tier: Int, cores: Int, coreSpeedMips: Double, memoryBytes: Int64,
        queueCapacity: Int?, idlePowerWatts: Double, busyPowerWatts: Double, transmitPowerWatts: Double,
        labels: [String: String]
    ) {
        self.nameSlot = nameSlot
        self.kind = kind
        self.tier = tier
        self.cores = cores
        self.coreSpeedMips = coreSpeedMips
        self.memoryBytes = memoryBytes
        self.queueCapacity = queueCapacity
        self.idlePowerWatts = idlePowerWatts
        self.busyPowerWatts = busyPowerWatts
        self.transmitPowerWatts = transmitPowerWatts
        self.labels = labels
    }
}

/// The link or links joining a child to its parent.
final class PlannedAttachment {
    enum Shape {
        case undirected(bandwidthMbps: Double, labels: [String: String])
        case upDown(downMbps: Double, upMbps: Double, upLabels: [String: String], downLabels: [String: String])
    }

    let shape: Shape
    let latencyMs: Double
    let distribution: LatencyDistribution?

    init(shape: Shape, latencyMs: Double, distribution: LatencyDistribution?) {
        self.shape = shape
        self.latencyMs = latencyMs
        self.distribution = distribution
    }
}

final class PlannedHosts {
    let archetypes: [PlannedArchetype]
    let weights: [Double]
    let count: Count
    let attachment: PlannedAttachment
    let scatterMeters: Double?
    let location: SourceLocation?

    init(
        archetypes: [PlannedArchetype], weights: [Double], count: Count, attachment: PlannedAttachment,
        scatterMeters: Double?, location: SourceLocation?
    ) {
        self.archetypes = archetypes
        self.weights = weights
        self.count = count
        self.attachment = attachment
        self.scatterMeters = scatterMeters
        self.location = location
    }
}

final class PlannedLAN {
    let switchSlot: Int
    let labels: [String: String]
    let attachment: PlannedAttachment
    var members: [PlannedBlock]

    init(switchSlot: Int, labels: [String: String], attachment: PlannedAttachment, members: [PlannedBlock]) {
        self.switchSlot = switchSlot
        self.labels = labels
        self.attachment = attachment
        self.members = members
    }
}

final class PlannedShared {
    let slot: Int
    let nodeLabels: [String: String]
    let mediumLabels: [String: String]
    let bandwidthMbps: Double
    let attachment: PlannedAttachment
    let members: [PlannedBlock]

    init(
        slot: Int, nodeLabels: [String: String], mediumLabels: [String: String], bandwidthMbps: Double,
        attachment: PlannedAttachment, members: [PlannedBlock]
    ) {
        self.slot = slot
        self.nodeLabels = nodeLabels
        self.mediumLabels = mediumLabels
        self.bandwidthMbps = bandwidthMbps
        self.attachment = attachment
        self.members = members
    }
}

final class PlannedRepeat {
    let count: Count
    let size: Count?
    let gridSpacingMeters: Double?
    let block: PlannedBlock
    let location: SourceLocation?

    init(count: Count, size: Count?, gridSpacingMeters: Double?, block: PlannedBlock, location: SourceLocation?) {
        self.count = count
        self.size = size
        self.gridSpacingMeters = gridSpacingMeters
        self.block = block
        self.location = location
    }
}

/// A planned site: its router's id and block.
struct PlannedSite {
    var router: String
    var block: PlannedBlock
}
