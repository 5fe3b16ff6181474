import ClusterGenerator
import ScenarioModel
import Testing

@Suite("Determinism")
struct DeterminismTests {
    @Test("the same scenario and seed give byte-identical topologies", arguments: 0..<ScenarioTests.cases.count)
    func sameSeedSameBytes(caseIndex: Int) throws {
        let scenario = ScenarioTests.cases[caseIndex].1
        let first = try ClusterGenerator.generate(scenario, seed: 99).jsonText
        let second = try ClusterGenerator.generate(scenario, seed: 99).jsonText
        #expect(first == second)
    }

    @Test("seeds change the random draws: neighbourhood sizes and device mixes")
    func seedsMatter() throws {
        let urban = UrbanSensingScenario(cells: 30)
        let sizes = try (1...3).map { seed in
            NeighbourhoodSizes(try ClusterGenerator.generate(urban, seed: seed)).sizes
        }
        #expect(sizes[0] != sizes[1] || sizes[1] != sizes[2])
        let mec = MECScenario(baseStations: 2, devicesPerStation: 40)
        let first = try ClusterGenerator.generate(mec, seed: 1).jsonText
        let second = try ClusterGenerator.generate(mec, seed: 2).jsonText
        #expect(first != second)
        // The industrial IoT scenario draws nothing: every seed gives the same nodes and links.
        let a = try ClusterGenerator.generate(IndustrialIoTScenario(premises: 2), seed: 1)
        let b = try ClusterGenerator.generate(IndustrialIoTScenario(premises: 2), seed: 2)
        #expect(a.nodes == b.nodes && a.links == b.links)
        #expect(a.provenance.seed == 1 && b.provenance.seed == 2)
    }

    @Test("names are counted per topology, not per process (Ether's counters never reset)")
    func countersPerTopology() throws {
        for _ in 0..<2 {
            let topology = try ClusterGenerator.generate(IndustrialIoTScenario(), seed: 1)
            let ids = Set(topology.nodes.map(\.id))
            #expect(
                ids.isSuperset(of: [
                    "rpi3_0", "rpi3_2", "nuc_0", "tx2_0", "server_14", "switch_lan_4", "shared_0",
                    "switch_cloudlet_0", "internet",
                ]))
            #expect(!ids.contains("rpi3_3"))
        }
    }

    @Test("a topology's provenance records the scenario, its parameters and the seed")
    func provenance() throws {
        let topology = try ClusterGenerator.generate(UrbanSensingScenario(cells: 4), seed: 12)
        #expect(topology.provenance.generator == "urban-sensing")
        #expect(topology.provenance.seed == 12)
        #expect(topology.provenance.parameters["cells"] == "4")
        #expect(topology.provenance.parameters["density"] == "lognormal(0.82, 2.02, 1.0)")
    }
}
