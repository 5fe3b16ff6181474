import ClusterGenerator
import EdgeSimTestSupport
import ScenarioModel
import Testing

@Suite("Cluster spec files")
struct SpecFileTests {
    static func load(_ name: String) throws -> ClusterSpecFile.Loaded {
        try ClusterSpecFile.load(path: Fixtures.path("topologies/specs/\(name)"))
    }

    static func decode(_ text: String) throws(GeneratorError) -> ClusterSpec {
        try ClusterSpecFile.decode(bytes: Array(text.utf8), path: "spec.json")
    }

    @Test("the urban-sensing spec file composes exactly the built-in scenario", arguments: [UInt64(1), 2, 3])
    func urbanSensingSpecMatchesScenario(seed: UInt64) throws {
        let loaded = try Self.load("urban-sensing.spec.json")
        #expect(loaded.spec == UrbanSensingScenario().spec.strippingLocations(from: loaded.spec))
        let fromFile = try ClusterGenerator.generate(loaded.spec, seed: seed)
        let builtIn = try ClusterGenerator.generate(UrbanSensingScenario(), seed: seed)
        #expect(fromFile.nodes == builtIn.nodes)
        #expect(fromFile.links == builtIn.links)
        #expect(fromFile.media == builtIn.media)
    }

    @Test("a spec's provenance names the file and fingerprints its content")
    func provenance() throws {
        let loaded = try Self.load("urban-sensing.spec.json")
        #expect(loaded.provenance.generator == "spec")
        #expect(loaded.provenance.parameters["spec"] == "urban-sensing.spec.json")
        #expect(loaded.provenance.parameters["specName"] == "urban-sensing")
        #expect(loaded.provenance.parameters["specFingerprint"]?.count == 16)
        let topology = try ClusterGenerator.generate(loaded.spec, seed: 4, provenance: loaded.provenance)
        #expect(topology.provenance.seed == 4)
        #expect(topology.provenance.source == loaded.provenance.source)
    }

    @Test(
        "Ether's two-site IIoT example written as a spec file matches Ether's output",
        .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: Ether sample skipped"))
    func twoSitesSpec() throws {
        let loaded = try Self.load("iiot-chix-nyc.spec.json")
        let topology = try ClusterGenerator.generate(loaded.spec, seed: 1)
        let ether = try EtherSample(path: (Fixtures.sharedData ?? "") + "/topologies/ether/iiot_chix_nyc_s42.json")
        EtherParityTests.expectSameStructure(topology, ether)
    }

    @Test("every block type, archetype definitions, weighted mixes, layouts and a measured backbone")
    func campus() throws {
        let loaded = try Self.load("campus-wifi.spec.json")
        let spec = loaded.spec
        #expect(spec.archetypes.map(\.name) == ["orin", "phone"])
        let orin = spec.archetypes[0]
        #expect(orin.cores == 8 && orin.architecture == "aarch64" && orin.etherType == "embai")
        #expect(orin.labels["ether.edgerun.io/capabilities/gpu"] == "ampere")
        #expect(orin.queueCapacity == 50, "inherited from nx")
        #expect(spec.archetypes[1].kind == .device && spec.archetypes[1].queueCapacity == 10)
        let topology = try ClusterGenerator.generate(spec, seed: 8)
        #expect(topology.validationIssues(sourceMap: TopologySourceMap()).isEmpty)
        #expect(TopologyGraph(topology).stranded().isEmpty)
        // Six Wi-Fi cells of 5...25 devices each, phones and Raspberry Pi 4.
        #expect(topology.media.count == 6)
        #expect(topology.media.allSatisfy { $0.labels["class"] == "wlan" && $0.bandwidthMbps == 600 })
        let devices = topology.nodes.filter { $0.kind == .device }
        #expect(devices.count >= 30 && devices.count <= 150)
        #expect(Set(devices.compactMap { $0.labels["ether.edgerun.io/model"] }) == ["generic_phone", "rpi4"])
        let wifi = topology.links.filter { $0.labels["class"] == "wlan" }
        #expect(wifi.count == devices.count && wifi.allSatisfy { $0.sharedMediumId != nil })
        // Backbone: the round trip is halved, the geographic link is one way; both undirected.
        let measured = try #require(
            topology.links.first { $0.source == "campus_gw" && $0.target == "internet_eu-central-1" })
        #expect(measured.latencyMs == 4.5 && !measured.directed)
        #expect(measured.labels["latencySource"] == "round-trip/2")
        let modelled = try #require(topology.links.first { $0.labels["latencySource"] == "geographic" })
        #expect(modelled.latencyMs > 5 && modelled.latencyMs < 20, "Frankfurt to Dublin, about 1090 km")
        #expect(topology.links.filter { $0.labels["role"] == "backbone" }.count == 2)
        // Cells on an 80 m grid, devices within 30 m of their cell.
        let cellSwitches = topology.nodes.filter { $0.labels["block"] == "shared" }
        #expect(
            cellSwitches.map(\.position) == [
                .planar(xMeters: 0, yMeters: 0), .planar(xMeters: 80, yMeters: 0), .planar(xMeters: 160, yMeters: 0),
                .planar(xMeters: 0, yMeters: 80), .planar(xMeters: 80, yMeters: 80), .planar(xMeters: 160, yMeters: 80),
            ])
        #expect(topology.nodeCountsByKind[.cloud] == 8)
    }

    /// A spec with `{"format": "edgesim-cluster-spec", "version": 1, ` before `fragment` (the
    /// columns in expected messages count that prefix).
    static func spec(_ fragment: String) -> String {
        #"{"format": "edgesim-cluster-spec", "version": 1, "# + fragment + "}"
    }

    static let twoRouters =
        #""backbone": {"routers": [{"id": "a"}, {"id": "b"}], "links": [{"source": "a", "target": "b", "#

    @Test(
        "spec errors name the file, line, column and what was expected",
        arguments: [
            (spec(#""sites": [{"block": {"type": "hosts", "archetype": "rpi9"}}]"#), "unknown archetype 'rpi9'"),
            (
                spec(#""sites": [{"block": {"type": "lan", "members": [], "count": 3}}]"#),
                "spec.json:1:110: $.sites[0].block.count: 'count' does not apply to a 'lan' block"
            ),
            (
                spec(#""sites": [{"block": {"type": "hosts", "archetype": "rpi3", "count": "n"}}]"#),
                "uses n, but no enclosing repeat block draws a size"
            ),
            (
                spec(#""sites": [{"block": {"type": "tower"}}]"#),
                "spec.json:1:70: $.sites[0].block: unknown block type 'tower'"
            ),
            (
                spec(#""sites": [{"block": {"type": "hosts", "archetype": "rpi3", "count": -2}}]"#),
                "a count must be within 0...100000000, found -2"
            ),
            (
                spec(#""sites": [{"block": {"type": "shared", "members": [], "uplink": "satellite"}}]"#),
                "unknown uplink 'satellite'"
            ),
            (spec(#""sites": [{"at": "mars", "block": {"type": "cloudlet"}}]"#), "unknown backbone router 'mars'"),
            (
                spec(twoRouters + #""rttMs": 8, "latencyMs": 4}]}, "sites": []"#),
                "needs exactly one of 'latencyMs' (one way), 'rttMs' (round trip, halved)"
            ),
            (
                spec(twoRouters + #""latency": "geographic"}]}, "sites": []"#),
                "a geographic latency needs positions on both 'a' and 'b'"
            ),
            (#"{"format": "edgesim-cluster-spec", "version": 2, "sites": []}"#, "unsupported spec version 2"),
            (#"{"format": "edgesim-topology", "version": 1, "sites": []}"#, "expected format 'edgesim-cluster-spec'"),
            (spec(#""sites": [], "zones": []"#), "unknown key 'zones' in a cluster spec"),
            (
                spec(#""sites": [{"block": {"type": "hosts", "archetype": {"rpi3": 0}}}]"#),
                "expected a positive number, found 0.0"
            ),
            (
                spec(#""archetypes": [{"name": "x", "cores": 2}], "sites": []"#),
                "archetype 'x' needs 'cores', 'coreSpeedMips' and 'memoryBytes'"
            ),
            (
                #"{"format": "edgesim-cluster-spec", "version": 1, "sites": [{"block": {"type": "hosts"}}"#,
                "spec.json:1:"
            ),
        ])
    func errors(text: String, expected: String) {
        do {
            let spec = try Self.decode(text)
            _ = try ClusterGenerator.generate(spec, seed: 1)
            Issue.record("expected an error containing \(expected)")
        } catch {
            #expect(error.description.contains(expected), "\(error.description)")
        }
    }

    @Test("counts out of range while materialising fail cleanly instead of trapping")
    func runawayCounts() throws {
        let spec = ClusterSpec(
            name: "runaway",
            sites: [
                ClusterSpec.Site(
                    at: "internet",
                    .repeated(
                        Block.Repeat(
                            .hosts("rpi3", count: .linear(perSize: 50_000_000, offset: 0)), count: .fixed(1),
                            size: .fixed(3))))
            ])
        #expect(throws: GeneratorError.self) { try ClusterGenerator.generate(spec, seed: 1) }
        let wide = ClusterSpec(
            name: "wide",
            sites: [
                ClusterSpec.Site(at: "internet", .hosts("rpi3", count: .fixed(2000)))
            ])
        do {
            _ = try ClusterGenerator.generate(wide, seed: 1, maximumNodes: 1000)
            Issue.record("the node limit was not enforced")
        } catch {
            #expect(error.description.contains("more than 1000 nodes"))
        }
        let heavyTail = ClusterSpec(
            name: "tail",
            sites: [
                ClusterSpec.Site(
                    at: "internet",
                    .repeated(
                        Block.Repeat(
                            .hosts("rpi3"), count: .lognormal(shape: 40, location: 0, scale: 1e9))))
            ])
        #expect(throws: GeneratorError.self) { try ClusterGenerator.generate(heavyTail, seed: 3) }
    }

    @Test(
        "linear counts parse in their written forms",
        arguments: [
            ("n", Count.linear(perSize: 1, offset: 0)), ("2n", .linear(perSize: 2, offset: 0)),
            ("2n+1", .linear(perSize: 2, offset: 1)), (" 3n - 2 ", .linear(perSize: 3, offset: -2)),
            ("-n+4", .linear(perSize: -1, offset: 4)), ("7", .fixed(7)),
        ])
    func linearCounts(text: String, expected: Count) throws {
        let hosts = #"{"type": "hosts", "archetype": "rpi3", "count": "\#(text)"}"#
        let spec = try Self.decode(
            Self.spec(#""sites": [{"block": {"type": "repeat", "count": 1, "size": 5, "block": "# + hosts + "}}]"))
        guard case .repeated(let repetition) = spec.sites[0].block, case .hosts(let hosts) = repetition.block else {
            Issue.record("unexpected block shape")
            return
        }
        #expect(hosts.count == expected)
    }
}

extension ClusterSpec {
    /// This spec with the source locations of `other` (a decoded spec carries
    /// locations; a spec built in code has none), so the two compare by content.
    func strippingLocations(from other: ClusterSpec) -> ClusterSpec {
        var copy = self
        copy.sites = zip(sites, other.sites).map { mine, theirs in
            var site = mine
            site.location = theirs.location
            site.block = mine.block.withLocations(of: theirs.block)
            return site
        }
        return copy
    }
}

extension Block {
    func withLocations(of other: Block) -> Block {
        switch (self, other) {
        case (.hosts(var mine), .hosts(let theirs)):
            mine.location = theirs.location
            return .hosts(mine)
        case (.lan(var mine), .lan(let theirs)):
            mine.location = theirs.location
            mine.members = zip(mine.members, theirs.members).map { $0.withLocations(of: $1) }
            return .lan(mine)
        case (.shared(var mine), .shared(let theirs)):
            mine.location = theirs.location
            mine.members = zip(mine.members, theirs.members).map { $0.withLocations(of: $1) }
            return .shared(mine)
        case (.cloudlet(var mine), .cloudlet(let theirs)):
            mine.location = theirs.location
            return .cloudlet(mine)
        case (.repeated(var mine), .repeated(let theirs)):
            mine.location = theirs.location
            mine.block = mine.block.withLocations(of: theirs.block)
            return .repeated(mine)
        default:
            return self
        }
    }
}
