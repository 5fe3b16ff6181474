/// Multi-access edge computing on 5G: base stations (gNBs) on a grid, each
/// with a shared radio cell of devices and MEC servers on its switch, joined
/// by fibre to a metro core that reaches the internet and a cloud.
///
/// Not in Ether; figures are documented assumptions (FORMAT.md): 500 m
/// inter-site distance (3GPP TR 38.901 urban macro), devices scattered in a
/// 250 m disc around their station, 100 Mbit/s down / 50 up per device (ITU-R
/// M.2410 user-experienced rates) over a 1 Gbit/s shared radio cell with the
/// `radio_5g` latency class, 10 Gbit/s fibre backhaul.
public struct MECScenario: ClusterScenario {
    public static let name = "mec"

    /// Base stations.
    public var baseStations: Int
    /// Devices per base station.
    public var devicesPerStation: Int
    /// MEC servers on each base station's switch.
    public var mecServersPerStation: Int
    /// The MEC servers' archetype.
    public var mecArchetype: String
    /// Device archetypes and weights, drawn per device.
    public var deviceMix: [Block.WeightedArchetype]
    /// Distance between neighbouring base stations.
    public var stationSpacingMeters: Double
    /// Capacity of each station's radio cell, shared by its devices.
    public var radioBandwidthMbps: Double
    /// Cloud servers behind the internet (0 for none).
    public var cloudServers: Int

    /// Creates the scenario.
    public init(
        baseStations: Int = 7, devicesPerStation: Int = 20, mecServersPerStation: Int = 1,
        mecArchetype: String = "server",
        deviceMix: [Block.WeightedArchetype] = [
            .init("rpi4", weight: 2), .init("nano", weight: 1), .init("coral", weight: 1),
        ],
        stationSpacingMeters: Double = 500, radioBandwidthMbps: Double = 1000, cloudServers: Int = 5
    ) {
        self.baseStations = baseStations
        self.devicesPerStation = devicesPerStation
        self.mecServersPerStation = mecServersPerStation
        self.mecArchetype = mecArchetype
        self.deviceMix = deviceMix
        self.stationSpacingMeters = stationSpacingMeters
        self.radioBandwidthMbps = radioBandwidthMbps
        self.cloudServers = cloudServers
    }

    public var parameters: [String: String] {
        [
            "baseStations": String(baseStations), "devicesPerStation": String(devicesPerStation),
            "mecServersPerStation": String(mecServersPerStation), "mecArchetype": mecArchetype,
            "deviceMix": deviceMix.map { "\($0.name):\(Self.text($0.weight))" }.joined(separator: ","),
            "stationSpacingMeters": Self.text(stationSpacingMeters),
            "radioBandwidthMbps": Self.text(radioBandwidthMbps), "cloudServers": String(cloudServers),
        ]
    }

    /// 10 Gbit/s fibre both ways with `lan` latency.
    static let fibre10G = Attachment(
        shape: .upDown(downMbps: 10_000, upMbps: 10_000), latency: .lan, technology: "fibre")
    /// A device's radio link: 100 Mbit/s down, 50 up, `radio_5g` latency.
    static let radioLink = Attachment(shape: .upDown(downMbps: 100, upMbps: 50), latency: .radio5G, technology: "5g")

    public var spec: ClusterSpec {
        let devices = Block.hosts(
            Block.Hosts(
                deviceMix, count: .fixed(devicesPerStation), kind: .device, uplink: Self.radioLink,
                scatterMeters: stationSpacingMeters / 2))
        let radioCell = Block.shared(
            Block.SharedCell(
                [devices], bandwidthMbps: radioBandwidthMbps, memberLatency: .radio5G, prefix: "radio"))
        let mecServers = Block.hosts(
            Block.Hosts(
                [Block.WeightedArchetype(mecArchetype)], count: .fixed(mecServersPerStation), kind: .edge))
        let station = Block.lan(Block.LANCell([radioCell, mecServers], uplink: Self.fibre10G, switchPrefix: "gnb"))
        let core = Block.lan(
            Block.LANCell(
                [
                    .repeated(
                        Block.Repeat(station, count: .fixed(baseStations), gridSpacingMeters: stationSpacingMeters))
                ],
                uplink: Self.fibre10G, switchPrefix: "switch_core"))
        var sites = [ClusterSpec.Site(at: "internet", core)]
        if cloudServers > 0 {
            sites.append(
                ClusterSpec.Site(
                    at: "internet",
                    .cloudlet(
                        Block.Cloudlet(
                            serversPerRack: .fixed(cloudServers), racks: .fixed(1), kind: .cloud, uplink: Self.fibre10G)
                    )))
        }
        return ClusterSpec(name: Self.name, sites: sites)
    }
}
