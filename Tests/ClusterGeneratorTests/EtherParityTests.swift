import ClusterGenerator
import EdgeSimTestSupport
import ScenarioModel
import Testing

/// Structure parity with Ether's own output (edgerun-ether 0.3.3 exports in
/// `../shared/data/topologies/ether`): compute nodes by model and links by
/// class, after reducing Ether's link vertices the way FORMAT.md describes.
@Suite(
    "Structure parity with Ether samples",
    .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: Ether parity corpus tests skipped")
)
struct EtherParityTests {
    static func sample(_ name: String) throws -> EtherSample {
        try EtherSample(path: (Fixtures.sharedData ?? "") + "/topologies/ether/\(name).json")
    }

    static func expectSameStructure(_ topology: Topology, _ ether: EtherSample, excludingBackbone: Bool = false) {
        #expect(EtherSample.computeModels(of: topology) == ether.computeModels)
        var ours = EtherSample.linkClasses(of: topology)
        var theirs = ether.linkClasses
        if excludingBackbone {
            ours = ours.filter { $0.key.role != "backbone" }
            theirs = theirs.filter { $0.key.role != "backbone" }
        }
        // Every canonical link has an Ether counterpart and nothing is left over.
        #expect(ours.values.reduce(0, +) == theirs.values.reduce(0, +))
        let routers = topology.nodes.filter { $0.kind == .router }.count
        #expect(theirs.values.reduce(0, +) >= topology.nodes.count - routers, "every non-router node has a parent link")
        let classes = Set(ours.keys).union(theirs.keys).sorted { $0.description < $1.description }
        for linkClass in classes {
            #expect(ours[linkClass, default: 0] == theirs[linkClass, default: 0], "links \(linkClass)")
        }
        #expect(topology.validationIssues(sourceMap: TopologySourceMap()).isEmpty)
    }

    @Test("industrial IoT: one and three premises", arguments: [(1, "iiot_p1_s42"), (3, "iiot_p3_s42")])
    func industrialIoT(premises: Int, sample: String) throws {
        let ether = try Self.sample(sample)
        let topology = try ClusterGenerator.generate(IndustrialIoTScenario(premises: premises), seed: 42)
        Self.expectSameStructure(topology, ether)
        #expect(
            ether.computeModels == [
                "nuci5": premises, "nvidia_jetson_tx2": premises, "rpi3b+": 3 * premises,
                "server": 15 * premises,
            ])
    }

    @Test("industrial IoT across two sites (Ether's examples/iiot.py): 3 premises at chix, 1 at nyc, 10 ms apart")
    func industrialIoTTwoSites() throws {
        let ether = try Self.sample("iiot_chix_nyc_s42")
        let premises = IndustrialIoTScenario().premisesBlock
        let spec = ClusterSpec(
            name: "iiot-chix-nyc",
            backbone: Backbone(
                routers: [Backbone.Router(id: "internet_chix"), Backbone.Router(id: "internet_nyc")],
                links: [Backbone.Link(source: "internet_chix", target: "internet_nyc", latency: .oneWayMs(10))]),
            sites: [
                ClusterSpec.Site(at: "internet_chix", .repeated(Block.Repeat(premises, count: .fixed(3)))),
                ClusterSpec.Site(at: "internet_nyc", premises),
            ])
        let topology = try ClusterGenerator.generate(spec, seed: 42)
        Self.expectSameStructure(topology, ether)
        let backbone = topology.links.filter { $0.labels["role"] == "backbone" }
        #expect(backbone.count == 1)
        #expect(backbone.first?.latencyMs == ether.backboneArcs.first?.latencyMs)
        #expect(ether.backboneArcs.count == 2, "Ether keeps the undirected connection as two arcs")
    }

    @Test("cloudlet: 3 racks of 5 servers on fibre")
    func cloudlet() throws {
        let ether = try Self.sample("cloudlet_5x3_s42")
        let topology = try ClusterGenerator.generate(CloudletScenario(serversPerRack: 5, racks: 3), seed: 42)
        Self.expectSameStructure(topology, ether)
    }

    @Test(
        "urban sensing: the same neighbourhood sizes give the same structure",
        arguments: [
            "urban_sensing_c3_s42", "urban_sensing_c10_s7",
        ])
    func urbanSensing(sample: String) throws {
        let ether = try Self.sample(sample)
        let sizes = ether.neighbourhoodSizes.values.sorted()
        #expect(sizes.count == (sample.contains("c10") ? 10 : 3))
        // Ether's cells drawn by its own random generator: replay them with their sizes.
        let defaults = UrbanSensingScenario()
        var spec = UrbanSensingScenario(cells: 0).spec
        guard case .repeated(let city) = spec.sites[0].block else {
            Issue.record("urban-sensing starts with its city of repeated cells")
            return
        }
        spec.sites.replaceSubrange(
            0..<1,
            with: sizes.map { size in
                ClusterSpec.Site(
                    at: "internet", .repeated(Block.Repeat(city.block, count: .fixed(1), size: .fixed(size))))
            })
        let topology = try ClusterGenerator.generate(spec, seed: 42)
        Self.expectSameStructure(topology, ether)
        #expect(defaults.cloudletRacks * defaults.cloudletServersPerRack == ether.computeModels["server"])
    }

    @Test("cloud regions: cloudlets per region as Ether; the backbone is undirected and one way")
    func cloudRegions() throws {
        let ether = try Self.sample("cloud_regions_cloudping_s42")
        let regionIds = Set(ether.backboneArcs.map { $0.source }).map { String($0.dropFirst("internet_".count)) }
        let regions = CloudRegion.awsRegions.filter { regionIds.contains($0.id) }
        #expect(regions.count == 20)
        let topology = try ClusterGenerator.generate(CloudRegionsScenario(regions: regions), seed: 42)
        Self.expectSameStructure(topology, ether, excludingBackbone: true)
        // Ether: 380 arcs of a directed measured graph, round trips used as one-way latencies.
        #expect(ether.backboneArcs.count == 380)
        let backbone = topology.links.filter { $0.labels["role"] == "backbone" }
        #expect(backbone.count == 190)
        #expect(backbone.allSatisfy { !$0.directed })
        var pairs = Set<String>()
        for link in backbone { pairs.insert([link.source, link.target].sorted().joined(separator: "|")) }
        let etherPairs = Set(ether.backboneArcs.map { [$0.source, $0.target].sorted().joined(separator: "|") })
        #expect(pairs == etherPairs)
    }
}
