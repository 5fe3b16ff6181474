import EdgeSimTestSupport
import ScenarioModel
import Simulator
import Testing

/// `Replay.run` jumps over interval epochs at which no agent waits (a task of
/// 2^63 instructions once made a replay fire 10^15 of them); stepping fires
/// every epoch as a step. Both must give the same summary, event count included.
@Suite("Idle interval epochs")
struct IdleEpochTests {
    /// A scenario on the sample topology whose tasks arrive far apart (long idle stretches).
    static func sparseScenario(in folder: TemporaryDirectory, intervalSeconds: Double, horizon: String = "null") throws
        -> CompiledScenario
    {
        Shell.write(HostileFixtures.workloadPreamble + """
            t1,j1,0.5,rpi3_0,200000000,1000,100,0,,
            t2,j2,500.25,rpi3_1,200000000,1000,100,0,,
            t3,j3,2000.0,,900000000000,0,0,0,5000.0,
            t4,j4,2000.0,rpi3_2,200000000,1000,100,0,,

            """, to: folder.file("sparse.workload.csv"))
        Shell.write("""
            {"format": "edgesim-scenario", "version": 1, "name": "sparse",
             "topology": {"path": "\(HostileFixtures.sampleTopology)"}, "workload": {"path": "sparse.workload.csv"},
             "settings": {"horizonSeconds": \(horizon), "decisions": {"epoch": "interval", "intervalSeconds": \(intervalSeconds)}}}
            """, to: folder.file("sparse.scenario.json"))
        return try CompiledScenario.load(path: folder.file("sparse.scenario.json"))
    }

    @Test("the same summary stepping every epoch and skipping idle ones", arguments: [
        (0.25, "null"), (1.0, "null"), (7.3, "null"), (0.5, "3000.0"), (0.5, "100000.0"),
    ])
    func skippingMatchesStepping(intervalSeconds: Double, horizon: String) throws {
        let folder = TemporaryDirectory()
        let compiled = try Self.sparseScenario(in: folder, intervalSeconds: intervalSeconds, horizon: horizon)
        for kind in [BaselinePolicy.Kind.local, .leastQueue, .random] {
            var policy = BaselinePolicy(kind)
            let skipped = try Replay.run(compiled, policy: &policy)
            let environment = try ReplayEnvironment(scenario: compiled)
            var stepping = BaselinePolicy(kind)
            stepping.reset(seed: compiled.scenario.settings.seed, agentCount: environment.agentCount)
            var outcome = try environment.reset(seed: compiled.scenario.settings.seed)
            var steps = 0
            while !outcome.isOver {
                outcome = try environment.step(actions: environment.actions(from: &stepping))
                steps += 1
            }
            let stepped = environment.result()
            #expect(stepped.summary == skipped.summary, "\(kind), interval \(intervalSeconds), horizon \(horizon)")
            #expect(steps >= Int(stepped.summary.simulatedTimeSeconds / intervalSeconds) - 1, "stepping fired every epoch")
        }
    }

    @Test("epochs that would run past 2^53 intervals are an error, not a hang")
    func beyondTwoToThe53() throws {
        let folder = TemporaryDirectory()
        let compiled = try Self.sparseScenario(in: folder, intervalSeconds: 1e-9, horizon: "1.0e+300")
        var policy = BaselinePolicy(.local)
        #expect {
            _ = try Replay.run(compiled, policy: &policy)
        } throws: { error in
            "\(error)".hasPrefix("decision epochs every 1e-09 s would run to ")
                && "\(error)".hasSuffix("more than 2^53 epochs; set a shorter horizon or a longer decisions.intervalSeconds")
        }
    }
}
