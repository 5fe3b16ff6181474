/// Ether's `CloudRegionsScenario`: one cloudlet of cloud servers per region,
/// joined to the region's backbone router with a `lan` link; the routers form
/// a full mesh with one-way geographic latencies.
///
/// Ether loads a measured inet graph here and uses its round-trip averages as
/// one-way latencies, with one arc per pair in undirected graphs; this
/// scenario's backbone is undirected and one-way (see `Backbone`). For
/// measured latencies, write a spec with `rttMs` links.
public struct CloudRegionsScenario: ClusterScenario {
    public static let name = "cloud-regions"

    /// The regions (default: the 20 built-in AWS regions of Ether's cloudping graph).
    public var regions: [CloudRegion]
    /// Servers per rack in each region (Ether's sample: 5).
    public var serversPerRack: Int
    /// Racks per region (Ether's sample: 1).
    public var racks: Int

    /// Creates the scenario.
    public init(regions: [CloudRegion] = CloudRegion.awsRegions, serversPerRack: Int = 5, racks: Int = 1) {
        self.regions = regions
        self.serversPerRack = serversPerRack
        self.racks = racks
    }

    public var parameters: [String: String] {
        [
            "regions": regions.map(\.id).joined(separator: ","), "serversPerRack": String(serversPerRack),
            "racks": String(racks),
        ]
    }

    public var spec: ClusterSpec {
        let backbone = Backbone.regions(regions)
        let sites = zip(regions, backbone.routers).map { _, router in
            ClusterSpec.Site(
                at: router.id,
                .cloudlet(Block.Cloudlet(serversPerRack: .fixed(serversPerRack), racks: .fixed(racks), kind: .cloud)))
        }
        return ClusterSpec(name: Self.name, backbone: backbone, sites: sites)
    }
}
