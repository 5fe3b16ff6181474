import ClusterGenerator
import EdgeSimTestSupport
import ScenarioModel
import Testing

@Suite("Backbone latencies")
struct BackboneTests {
    @Test("great-circle distances: Frankfurt–Dublin about 1090 km, antipodes half the circumference")
    func distances() {
        let frankfurtDublin = GeographicLatencyModel.distanceKm(
            latitude1: 50.11, longitude1: 8.68, latitude2: 53.35, longitude2: -6.26)
        #expect(abs(frankfurtDublin - 1090) < 15)
        let antipodes = GeographicLatencyModel.distanceKm(latitude1: 0, longitude1: 0, latitude2: 0, longitude2: 180)
        #expect(abs(antipodes - Double.pi * GeographicLatencyModel.earthRadiusKm) < 0.001)
        let model = GeographicLatencyModel()
        #expect(model.latencyMs(latitude1: 1, longitude1: 2, latitude2: 1, longitude2: 2) == 2)
    }

    @Test("round trips are halved, one-way values kept, every link undirected, no duplicates")
    func measuredLinks() throws {
        let backbone = Backbone(
            routers: [Backbone.Router(id: "a"), Backbone.Router(id: "b"), Backbone.Router(id: "c")],
            links: [
                Backbone.Link(source: "a", target: "b", latency: .roundTripMs(30)),
                Backbone.Link(source: "b", target: "c", latency: .oneWayMs(7)),
            ])
        let topology = try ClusterGenerator.generate(ClusterSpec(name: "b", backbone: backbone, sites: []), seed: 1)
        #expect(topology.links.map(\.latencyMs) == [15, 7])
        #expect(topology.links.allSatisfy { !$0.directed && $0.labels["role"] == "backbone" })
        var duplicate = backbone
        duplicate.links.append(Backbone.Link(source: "b", target: "a", latency: .oneWayMs(1)))
        #expect(throws: GeneratorError.self) {
            try ClusterGenerator.generate(ClusterSpec(name: "b", backbone: duplicate, sites: []), seed: 1)
        }
    }

    @Test(
        "the geographic model agrees with half of cloudping's measured round trips; Ether's one-way use doubles them",
        .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: cloudping comparison skipped"))
    func cloudping() throws {
        let ether = try EtherSample(
            path: (Fixtures.sharedData ?? "") + "/topologies/ether/cloud_regions_cloudping_s42.json")
        let topology = try ClusterGenerator.generate(CloudRegionsScenario(), seed: 1)
        var modelled: [String: Double] = [:]
        for link in topology.links where link.labels["role"] == "backbone" {
            modelled[[link.source, link.target].sorted().joined(separator: "|")] = link.latencyMs
        }
        var ratios: [Double] = []
        for arc in ether.backboneArcs {
            guard let model = modelled[[arc.source, arc.target].sorted().joined(separator: "|")] else {
                Issue.record("no modelled link for \(arc.source) - \(arc.target)")
                continue
            }
            ratios.append(model / (arc.latencyMs / 2))
        }
        #expect(ratios.count == 380)
        ratios.sort()
        let median = ratios[ratios.count / 2]
        #expect(median > 0.85 && median < 1.2, "median modelled / measured one-way: \(median)")
        // Most routes are within a factor of two; detours (Cape Town, Bahrain) are the exceptions.
        let withinTwo = ratios.filter { $0 > 0.5 && $0 < 2 }.count
        #expect(Double(withinTwo) / Double(ratios.count) > 0.9)
        // Ether sums its arcs as one-way latencies: against the one-way truth that is twice too slow.
        let etherMedian = ratios.map { 2 / $0 }.sorted()[ratios.count / 2]
        #expect(etherMedian > 1.6)
    }
}
