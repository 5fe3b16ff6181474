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

    /// The conventional tier of a kind: devices 0, edge and network gear 1, cloud 2.
    static func conventionalTier(of kind: NodeKind) -> Int {
        switch kind {
        case .device: return 0
        case .edge, .switch, .router: return 1
        case .cloud: return 2
        }
    }
}
