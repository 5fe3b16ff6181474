import EdgeSimTestSupport
import ScenarioModel
import Simulator
import Testing

@Suite("Replay of the bundled sample")
struct SampleReplayTests {
    static func sampleScenario(_ settings: ModelSettings = ModelSettings()) throws -> CompiledScenario {
        let scenario = Scenario(
            name: "sample", topology: .file(path: Fixtures.path("topologies/sample-edge.topology.json")),
            workload: .file(path: Fixtures.path("traces/sample.workload.csv.gz")), settings: settings)
        return try CompiledScenario(scenario: scenario)
    }

    @Test("every baseline conserves tasks", arguments: BaselinePolicy.Kind.allCases)
    func conservation(kind: BaselinePolicy.Kind) throws {
        let compiled = try Self.sampleScenario()
        var policy = BaselinePolicy(kind)
        let result = try Replay.run(compiled, policy: &policy)
        #expect(result.summary.tasks == 176)
        #expect(result.summary.isConserved)
    }
}
