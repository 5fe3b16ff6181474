import ClusterGenerator
import ScenarioModel
import StreamingIO
import Testing

@Suite("Built-in scenarios")
struct ScenarioTests {
    /// A spread of scenarios and parameters, small enough for a debug build.
    static let cases: [(String, any ClusterScenario)] = [
        ("urban-sensing default", UrbanSensingScenario()),
        ("urban-sensing 40 cells", UrbanSensingScenario(cells: 40, cloudletServersPerRack: 3, cloudletRacks: 4)),
        ("industrial-iot 1", IndustrialIoTScenario()),
        ("industrial-iot 5", IndustrialIoTScenario(premises: 5, floorBandwidthMbps: 100)),
        ("cloudlet 5x3", CloudletScenario(serversPerRack: 5, racks: 3)),
        ("cloudlet of NUCs", CloudletScenario(serversPerRack: 4, racks: 2, archetype: "nuc")),
        ("cloud-regions", CloudRegionsScenario()),
        ("cloud-regions 3", CloudRegionsScenario(regions: Array(CloudRegion.awsRegions.prefix(3)), racks: 2)),
        ("mec default", MECScenario()),
        (
            "mec 12x30",
            MECScenario(baseStations: 12, devicesPerStation: 30, mecServersPerStation: 2, mecArchetype: "nx")
        ),
    ]

    static func generate(_ scenario: any ClusterScenario, seed: UInt64 = 7) throws -> Topology {
        try ClusterGenerator.generate(scenario, seed: seed)
    }

    @Test("every generated topology passes validation and reads back identically", arguments: 0..<cases.count)
    func valid(caseIndex: Int) throws {
        let (name, scenario) = Self.cases[caseIndex]
        let topology = try Self.generate(scenario)
        #expect(topology.validationIssues(sourceMap: TopologySourceMap()).isEmpty, "\(name)")
        #expect(!topology.nodes.isEmpty)
        let text = topology.jsonText
        let reread = try Topology.decode(from: JSONReaderFactory.reader(text))
        #expect(reread.0 == topology, "\(name) survives a JSON round trip")
        #expect(topology.provenance.generator == type(of: scenario).name)
        #expect(topology.provenance.seed == 7)
    }

    @Test("every device reaches a cloud or cloudlet server and back", arguments: 0..<cases.count)
    func connected(caseIndex: Int) throws {
        let (name, scenario) = Self.cases[caseIndex]
        let topology = try Self.generate(scenario)
        let graph = TopologyGraph(topology)
        #expect(graph.stranded().isEmpty, "\(name)")
        // Every node is attached: from the first backbone router everything is reachable (cloud-regions: a mesh).
        if let router = topology.nodes.first(where: { $0.kind == .router }) {
            #expect(graph.reachable(from: router.id).count == topology.nodes.count, "\(name)")
        }
    }

    @Test("urban sensing: each cell of size n has 4n+1 compute nodes, 5n+3 nodes and 5n+4 links")
    func urbanSensingCells() throws {
        let scenario = UrbanSensingScenario(cells: 25)
        let topology = try Self.generate(scenario, seed: 3)
        let sizes = NeighbourhoodSizes(topology).sizes
        #expect(sizes.count == 25)
        let total = sizes.reduce(0, +)
        let counts = topology.nodeCountsByKind
        // Devices: 2 rpi3 per box; edge: a nuc and 2n tx2 per cell plus 10 cloudlet servers.
        #expect(counts[.device] == 2 * total)
        #expect(counts[.edge] == 2 * total + 25 + 10)
        #expect(topology.nodes.count == 1 + sizes.map { 5 * $0 + 3 }.reduce(0, +) + 1 + 2 + 10)
        #expect(topology.links.count == sizes.map { 5 * $0 + 4 }.reduce(0, +) + 10 + 2 + 2)
        #expect(topology.media.count == 25)
        #expect(topology.media.allSatisfy { $0.bandwidthMbps == 500 })
    }

    @Test("industrial IoT: 20 compute nodes, 7 switches and 29 links per premises")
    func industrialIoTPremises() throws {
        for premises in [1, 4] {
            let topology = try Self.generate(IndustrialIoTScenario(premises: premises))
            let counts = topology.nodeCountsByKind
            #expect(counts[.device] == 3 * premises)
            #expect(counts[.edge] == 17 * premises)
            #expect(counts[.switch] == 7 * premises)
            #expect(counts[.router] == 1)
            #expect(topology.links.count == 29 * premises)
            #expect(topology.media.count == premises)
        }
    }

    @Test("MEC: stations on a grid, devices within half the spacing of their station, radio links 50/100 Mbit/s")
    func mec() throws {
        let scenario = MECScenario(baseStations: 9, devicesPerStation: 15, stationSpacingMeters: 400)
        let topology = try Self.generate(scenario, seed: 11)
        let stations = topology.nodes.filter { $0.id.hasPrefix("gnb_") }
        #expect(stations.count == 9)
        var positions: [String: (Double, Double)] = [:]
        for node in topology.nodes {
            if case .planar(let x, let y) = node.position { positions[node.id] = (x, y) }
        }
        #expect(positions["gnb_8"].map { $0 == (800.0, 800.0) } == true, "a 3x3 grid with 400 m spacing")
        // Devices hang off their station's radio hub through an up/down pair.
        var kindById: [String: NodeKind] = [:]
        for node in topology.nodes { kindById[node.id] = node.kind }
        var hubOfDevice: [String: String] = [:]
        var stationOfHub: [String: String] = [:]
        for link in topology.links {
            if link.labels["role"] == "uplink" && kindById[link.source] == .device {
                hubOfDevice[link.source] = link.target
                #expect(link.bandwidthMbps == 50)
                #expect(link.labels["class"] == "radio_5g")
                #expect(link.sharedMediumId == link.target)
            }
            if link.labels["role"] == "shared" { stationOfHub[link.source] = link.target }
        }
        #expect(hubOfDevice.count == 9 * 15)
        for (device, hub) in hubOfDevice {
            guard let station = stationOfHub[hub], let at = positions[station], let position = positions[device] else {
                Issue.record("device \(device) has no station position")
                continue
            }
            let distance = ((position.0 - at.0) * (position.0 - at.0) + (position.1 - at.1) * (position.1 - at.1))
                .squareRoot()
            #expect(distance <= 200.01)
        }
        let models = Set(
            topology.nodes.filter { $0.kind == .device }.compactMap { $0.labels["ether.edgerun.io/model"] })
        #expect(models == ["rpi4", "nvidia_jetson_nano", "coral"])
        // Jetson Nanos are edge-class archetypes; in the mix they are placed as devices.
        #expect(topology.nodeCountsByKind[.device] == 135)
        #expect(topology.nodeCountsByKind[.cloud] == 5)
    }

    @Test("cloud regions: routers at their regions, servers of kind cloud, a full one-way mesh")
    func cloudRegions() throws {
        let regions = Array(CloudRegion.awsRegions.prefix(5))
        let topology = try Self.generate(CloudRegionsScenario(regions: regions, serversPerRack: 2, racks: 2))
        #expect(topology.nodeCountsByKind[.cloud] == 20)
        #expect(topology.nodeCountsByKind[.router] == 5)
        let backbone = topology.links.filter { $0.labels["role"] == "backbone" }
        #expect(backbone.count == 10)
        #expect(topology.nodes.first { $0.id == "internet_eu-central-1" } == nil)
        let capeTown = topology.nodes.first { $0.id == "internet_af-south-1" }
        #expect(capeTown?.position == .geographic(latitudeDegrees: -33.92, longitudeDegrees: 18.42))
    }
}

/// Parses text with the library's JSON reader.
enum JSONReaderFactory {
    static func reader(_ text: String) -> JSONReader {
        JSONReader(bytes: Array(text.utf8), path: "<memory>")
    }
}

/// Neighbourhood sizes of an urban-sensing topology, read from its structure:
/// per shared hub, the IoT boxes (switches holding rpi3 devices) attached to it.
struct NeighbourhoodSizes {
    var sizes: [Int] = []

    init(_ topology: Topology) {
        var kindById: [String: NodeKind] = [:]
        for node in topology.nodes { kindById[node.id] = node.kind }
        var sensorBoxes: Set<String> = []
        for link in topology.links where link.labels["role"] == "host" && kindById[link.source] == .device {
            sensorBoxes.insert(link.target)
        }
        var boxesPerHub: [String: Int] = [:]
        for link in topology.links where link.labels["role"] == "switch" && sensorBoxes.contains(link.source) {
            boxesPerHub[link.target, default: 0] += 1
        }
        sizes = boxesPerHub.keys.sorted().compactMap { boxesPerHub[$0] }
    }
}
