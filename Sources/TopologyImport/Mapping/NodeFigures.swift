import ScenarioModel

/// The scalar figures of a canonical node apart from its id, position and
/// labels. Many nodes share one set (every generic node, every rpi3), so the
/// table stores each distinct set once.
struct NodeFigures: Hashable {
    var kind: NodeKind
    var tier: Int
    var cores: Int
    var coreSpeedMips: Double
    var memoryBytes: Int64
    var queueCapacity: Int?
    var idlePowerWatts: Double
    var busyPowerWatts: Double
    var transmitPowerWatts: Double

    init(
        kind: NodeKind, tier: Int = 0, cores: Int = 0, coreSpeedMips: Double = 0, memoryBytes: Int64 = 0,
        queueCapacity: Int? = nil, idlePowerWatts: Double = 0, busyPowerWatts: Double = 0,
        transmitPowerWatts: Double = 0
    ) {
        self.kind = kind
        self.tier = tier
        self.cores = cores
        self.coreSpeedMips = coreSpeedMips
        self.memoryBytes = memoryBytes
        self.queueCapacity = queueCapacity
        self.idlePowerWatts = idlePowerWatts
        self.busyPowerWatts = busyPowerWatts
        self.transmitPowerWatts = transmitPowerWatts
    }

    /// A cheap mix of the figures that tell profiles apart (not `Hasher`:
    /// a cache index, collisions only cost a dictionary lookup).
    var quickHash: Int {
        var mixed = UInt64(truncatingIfNeeded: kind.ordinal)
        mixed = mixed &* 31 &+ UInt64(truncatingIfNeeded: tier)
        mixed = mixed &* 31 &+ UInt64(truncatingIfNeeded: cores)
        mixed = mixed &* 31 &+ UInt64(truncatingIfNeeded: memoryBytes >> 20)
        mixed = mixed &* 31 &+ (coreSpeedMips.bitPattern >> 32)
        mixed = mixed &* 31 &+ (idlePowerWatts.bitPattern >> 32) &+ (busyPowerWatts.bitPattern >> 40)
        mixed = (mixed ^ (mixed >> 29)) &* 0xBF58_476D_1CE4_E5B9
        return Int(truncatingIfNeeded: mixed ^ (mixed >> 32))
    }

    /// The conventional tier of a kind: devices 0, edge and network gear 1, cloud 2.
    static func conventionalTier(of kind: NodeKind) -> Int {
        switch kind {
        case .device: return 0
        case .edge, .switch, .router: return 1
        case .cloud: return 2
        }
    }
}

extension NodeFigures {
    /// The first canonical validation rule (FORMAT.md) the figures break, as
    /// a message naming the field, or nil. Mappers check values read from the
    /// input with this, so the error names the input's line rather than a
    /// JSON path in the output not yet written.
    func problem() -> String? {
        if tier < 0 { return "tier must be >= 0, found \(tier)" }
        if cores < 0 { return "cores must be >= 0, found \(cores)" }
        if memoryBytes < 0 { return "memoryBytes must be >= 0, found \(memoryBytes)" }
        if let queueCapacity, queueCapacity < 0 { return "queueCapacity must be >= 0 or null, found \(queueCapacity)" }
        for (name, value) in [("coreSpeedMips", coreSpeedMips), ("idlePowerWatts", idlePowerWatts),
                              ("busyPowerWatts", busyPowerWatts), ("transmitPowerWatts", transmitPowerWatts)]
        where !(value.isFinite && value >= 0) {
            return "\(name) must be a finite number >= 0, found \(value)"
        }
        if kind.isCompute {
            if cores < 1 { return "a \(kind.rawValue) node must have at least 1 core, found \(cores)" }
            if !(coreSpeedMips > 0) { return "a \(kind.rawValue) node must have coreSpeedMips > 0, found \(coreSpeedMips)" }
        }
        return nil
    }

    /// The first rule a position breaks, or nil.
    static func problem(of position: Position) -> String? {
        switch position {
        case .geographic(let latitude, let longitude):
            if !(latitude >= -90 && latitude <= 90) { return "latitude must be within [-90, 90], found \(latitude)" }
            if !(longitude >= -180 && longitude <= 180) { return "longitude must be within [-180, 180], found \(longitude)" }
        case .planar(let x, let y):
            if !x.isFinite || !y.isFinite { return "position coordinates must be finite, found (\(x), \(y))" }
        }
        return nil
    }
}

extension NodeKind {
    /// The case's position, for cheap hashing.
    var ordinal: Int {
        switch self {
        case .device: return 0
        case .edge: return 1
        case .cloud: return 2
        case .switch: return 3
        case .router: return 4
        }
    }
}
