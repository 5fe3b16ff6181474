/// Ether's `IndustrialIoTScenario`: factory premises, each a LAN with an IoT
/// compute box (NUC + Jetson TX2), three Raspberry Pi 3 on a 300 Mbit/s shared
/// medium, a business-ISP uplink, and an on-premises cloudlet of 3 racks × 5
/// servers behind a 10 Gbit/s up/down link. Deterministic: no random draws.
///
/// Per premises: 20 compute nodes (1 nuc, 1 tx2, 3 rpi3, 15 servers).
public struct IndustrialIoTScenario: ClusterScenario {
    public static let name = "industrial-iot"

    /// Premises (Ether's `num_premises`, default 1).
    public var premises: Int
    /// Capacity of the factory floor's shared medium (Ether: 300 Mbit/s).
    public var floorBandwidthMbps: Double
    /// Servers per cloudlet rack (Ether: 5).
    public var cloudletServersPerRack: Int
    /// Cloudlet racks (Ether: 3).
    public var cloudletRacks: Int

    /// Creates the scenario with Ether's defaults.
    public init(
        premises: Int = 1, floorBandwidthMbps: Double = 300, cloudletServersPerRack: Int = 5, cloudletRacks: Int = 3
    ) {
        self.premises = premises
        self.floorBandwidthMbps = floorBandwidthMbps
        self.cloudletServersPerRack = cloudletServersPerRack
        self.cloudletRacks = cloudletRacks
    }

    public var parameters: [String: String] {
        [
            "premises": String(premises), "floorBandwidthMbps": Self.text(floorBandwidthMbps),
            "cloudletServersPerRack": String(cloudletServersPerRack), "cloudletRacks": String(cloudletRacks),
        ]
    }

    /// One premises, as a block to place at a backbone router.
    public var premisesBlock: Block {
        Self.premisesBlock(
            floorBandwidthMbps: floorBandwidthMbps, serversPerRack: cloudletServersPerRack, racks: cloudletRacks)
    }

    static func premisesBlock(floorBandwidthMbps: Double, serversPerRack: Int, racks: Int) -> Block {
        let computeBox = Block.lan(Block.LANCell([.hosts("nuc"), .hosts("tx2")]))
        let floor = Block.shared(
            Block.SharedCell([.hosts("rpi3", count: .fixed(3))], bandwidthMbps: floorBandwidthMbps))
        let cloudlet = Block.cloudlet(
            Block.Cloudlet(
                serversPerRack: .fixed(serversPerRack), racks: .fixed(racks),
                uplink: .upDown(downMbps: 10_000, upMbps: 10_000)))
        return .lan(Block.LANCell([computeBox, floor, cloudlet], uplink: .businessISP))
    }

    public var spec: ClusterSpec {
        ClusterSpec(
            name: Self.name,
            sites: [ClusterSpec.Site(at: "internet", .repeated(Block.Repeat(premisesBlock, count: .fixed(premises))))])
    }
}
