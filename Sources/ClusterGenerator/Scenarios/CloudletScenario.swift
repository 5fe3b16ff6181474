/// Ether's `Cloudlet` block on its own: racks of servers behind a cloudlet
/// switch, attached to the internet by `FiberToExchange`.
public struct CloudletScenario: ClusterScenario {
    public static let name = "cloudlet"

    /// Servers per rack (Ether's default 5).
    public var serversPerRack: Int
    /// Racks (Ether's default 1).
    public var racks: Int
    /// The servers' archetype.
    public var archetype: String

    /// Creates the scenario with Ether's defaults.
    public init(serversPerRack: Int = 5, racks: Int = 1, archetype: String = "server") {
        self.serversPerRack = serversPerRack
        self.racks = racks
        self.archetype = archetype
    }

    public var parameters: [String: String] {
        ["serversPerRack": String(serversPerRack), "racks": String(racks), "archetype": archetype]
    }

    public var spec: ClusterSpec {
        let cloudlet = Block.cloudlet(
            Block.Cloudlet(
                serversPerRack: .fixed(serversPerRack), racks: .fixed(racks), archetype: archetype, uplink: .fibre))
        return ClusterSpec(name: Self.name, sites: [ClusterSpec.Site(at: "internet", cloudlet)])
    }
}
