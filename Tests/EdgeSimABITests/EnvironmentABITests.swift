@testable import EdgeSimABI
import ScenarioModel
import Simulator
import Testing

/// `es_scenario_*`, `es_env_*` and `es_policy_*` called as a C caller would.
@Suite("C ABI: scenarios, environments, policies")
struct EnvironmentABITests {
    private func lastError(_ environment: UnsafeMutableRawPointer?) -> String {
        String(cString: esEnvLastError(environment)!)
    }

    private func makeEnvironment(
        _ scenario: UnsafeMutableRawPointer, options: String = ""
    ) throws -> (UnsafeMutableRawPointer, CallerBuffers) {
        var error = [CChar](repeating: 0, count: 512)
        guard let environment = esEnvCreate(scenario, options, &error, Int64(error.count)) else {
            throw FixtureError(message: cText(error))
        }
        let buffers = CallerBuffers(
            agents: Int(esScenarioAgentCount(scenario)), slots: Int(esScenarioSlotCount(scenario)),
            observationLength: Int(esScenarioObservationLength(scenario)))
        let code = esEnvBind(environment, buffers.pointers, buffers.counts, Int32(ABIBuffer.allCases.count))
        #expect(code == 0, "\(lastError(environment))")
        return (environment, buffers)
    }

    @Test("shapes and the description JSON")
    func description() throws {
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        #expect(esABIVersion() == EdgeSimABI.version)
        #expect(esScenarioAgentCount(scenario) == 3)
        #expect(esScenarioSlotCount(scenario) == 4)
        #expect(esScenarioObservationLength(scenario) == 42)
        let length = esScenarioDescribe(scenario, nil, 0)
        var text = [CChar](repeating: 0, count: Int(length) + 1)
        #expect(esScenarioDescribe(scenario, &text, Int64(text.count)) == length)
        let json = cText(text)
        #expect(json.contains(#""agents": ["rpi3_0", "rpi3_1", "rpi3_2"]"#))
        #expect(json.contains(#""slotCount": 4"#))
        #expect(json.contains(#""slot0.valid""#))
        // A short buffer gets a truncated, NUL-terminated prefix and the full length.
        var short = [CChar](repeating: 1, count: 8)
        #expect(esScenarioDescribe(scenario, &short, 8) == length)
        #expect(cText(short) == String(json.prefix(7)))
    }

    @Test("bad inputs are error codes with messages, never a trap")
    func errors() throws {
        var error = [CChar](repeating: 0, count: 512)
        #expect(esScenarioLoad("/nonexistent.scenario.json", &error, 512) == nil)
        #expect(cText(error).contains("/nonexistent.scenario.json"))
        #expect(esScenarioLoad(nil, &error, 512) == nil)
        #expect(esScenarioLoad(nil, nil, 0) == nil)
        #expect(esEnvCreate(nil, nil, &error, 512) == nil)
        #expect(cText(error) == "the scenario handle is NULL")
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        for (options, message) in [
            (#"{"horizonSecond": 3}"#, "unknown option 'horizonSecond'"),
            (#"{"maxSteps": 0}"#, "maxSteps must be >= 1"),
            (#"{"arrivalRateScale": -1}"#, "arrivalRateScale must be a positive finite number"),
            ("{", "<options>:1"),
            (#"{"seed": -4}"#, "seed must be >= 0"),
        ] {
            #expect(esEnvCreate(scenario, options, &error, 512) == nil)
            #expect(cText(error).contains(message), "\(options): \(cText(error))")
        }
        #expect(esEnvReset(nil, 0, 0) == ABIResultCode.invalidArgument.rawValue)
        #expect(esEnvStep(nil) == ABIResultCode.invalidArgument.rawValue)
        #expect(String(cString: esEnvLastError(nil)!) == "the handle is NULL")
        guard let environment = esEnvCreate(scenario, nil, &error, 512) else { throw FixtureError(message: "create") }
        defer { esEnvDestroy(environment) }
        #expect(esEnvReset(environment, 1, 1) == ABIResultCode.invalidState.rawValue)
        #expect(lastError(environment).contains("bind buffers"))
        let buffers = CallerBuffers(agents: 3, slots: 4, observationLength: 42)
        var counts = buffers.counts
        counts[1] = 5
        #expect(esEnvBind(environment, buffers.pointers, counts, 8) == ABIResultCode.invalidArgument.rawValue)
        #expect(lastError(environment) == "the observations buffer holds 5 values, expected 126")
        #expect(esEnvBind(environment, buffers.pointers, buffers.counts, 7) == ABIResultCode.invalidArgument.rawValue)
        var pointers = buffers.pointers
        pointers[0] = nil
        #expect(esEnvBind(environment, pointers, buffers.counts, 8) == ABIResultCode.invalidArgument.rawValue)
        #expect(lastError(environment) == "the actions buffer is NULL")
        pointers = buffers.pointers
        pointers[3] = pointers[3].map { $0 + 1 }
        #expect(esEnvBind(environment, pointers, buffers.counts, 8) == ABIResultCode.invalidArgument.rawValue)
        #expect(lastError(environment).contains("not aligned"))
        #expect(esEnvBind(environment, nil, nil, 8) == ABIResultCode.invalidArgument.rawValue)
        #expect(esEnvBind(environment, buffers.pointers, buffers.counts, 8) == 0)
        #expect(lastError(environment) == "")
        #expect(esEnvStep(environment) == ABIResultCode.invalidState.rawValue)
        #expect(lastError(environment) == "call reset(seed:) before step")
        var unknown = [CChar](repeating: 0, count: 512)
        #expect(esPolicyCreate("fastest", &unknown, 512) == nil)
        #expect(cText(unknown).contains("unknown policy 'fastest'"))
    }

    @Test("buffers match the Swift stepping API step for step; a step limit truncates")
    func matchesSwift() throws {
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        let (environment, buffers) = try makeEnvironment(scenario, options: #"{"maxSteps": 40}"#)
        defer { withExtendedLifetime(buffers) { esEnvDestroy(environment) } }
        let reference = try ReplayEnvironment(scenario: try CompiledScenario.load(path: fixture.scenarioPath))
        reference.stepLimit = 40
        #expect(esEnvReset(environment, 11, 1) == 0)
        try reference.reset(seed: 11)
        var status: Int32 = 0
        var steps = 0
        while status == 0 {
            for agent in 0..<3 {
                #expect(buffers.observationRow(agent) == reference.observation(agent: agent))
                #expect(buffers.maskRow(agent) == reference.actionMask(agent: agent))
                #expect(buffers.decisionMask[agent] == (reference.hasDecision(agent: agent) ? 1 : 0))
                buffers.actions[agent] = Int32((steps + agent) % 5)  // 4 is an invalid slot
            }
            status = esEnvStep(environment)
            try reference.step(actions: Array(UnsafeBufferPointer(start: buffers.actions, count: 3)))
            steps += 1
            for agent in 0..<3 {
                #expect(buffers.rewards[agent] == Float(reference.rewards[agent]))
                #expect(buffers.invalidActions[agent] == (reference.invalidActions[agent] ? 1 : 0))
            }
        }
        #expect(status == StepOutcome.Status.truncated.rawValue)
        #expect(steps == 40 && esEnvStepCount(environment) == 40)
        #expect((0..<3).allSatisfy { buffers.truncations[$0] == 1 && buffers.terminations[$0] == 0 })
        #expect(esEnvStep(environment) == ABIResultCode.invalidState.rawValue)
        #expect(lastError(environment).contains("the episode is over"))
        #expect(esEnvTimeSeconds(environment) == reference.timeSeconds)
    }

    @Test("unseeded resets continue one seed sequence; a seed restarts it")
    func seeds() throws {
        let fixture = try ABIFixture(settings: #"{"seed": 5}"#)
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        let (environment, buffers) = try makeEnvironment(scenario)
        defer { withExtendedLifetime(buffers) { esEnvDestroy(environment) } }
        #expect(esEnvReset(environment, 0, 0) == 0)
        #expect(esEnvEpisodeSeed(environment) == 5, "the first unseeded reset uses the scenario's seed")
        var unseeded: [UInt64] = []
        for _ in 0..<3 {
            #expect(esEnvReset(environment, 0, 0) == 0)
            unseeded.append(esEnvEpisodeSeed(environment))
        }
        #expect(Set(unseeded).count == 3)
        #expect(esEnvReset(environment, 5, 1) == 0)
        var again: [UInt64] = []
        for _ in 0..<3 {
            #expect(esEnvReset(environment, 0, 0) == 0)
            again.append(esEnvEpisodeSeed(environment))
        }
        #expect(again == unseeded)
    }

    @Test("a baseline driven through the ABI reproduces Replay.run", arguments: BaselinePolicy.Kind.allCases)
    func policies(kind: BaselinePolicy.Kind) throws {
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        let (environment, buffers) = try makeEnvironment(scenario)
        defer { withExtendedLifetime(buffers) { esEnvDestroy(environment) } }
        var error = [CChar](repeating: 0, count: 256)
        guard let policy = esPolicyCreate(kind.rawValue, &error, 256) else { throw FixtureError(message: "policy") }
        defer { esPolicyDestroy(policy) }
        for seed: UInt64 in [3, 4] {
            var status = esEnvReset(environment, seed, 1)
            while status == 0 {
                #expect(esPolicyActions(policy, environment, buffers.actions, 3) == 0)
                status = esEnvStep(environment)
            }
            #expect(status == StepOutcome.Status.terminated.rawValue)
            var expectedPolicy = BaselinePolicy(kind)
            let expected = try Replay.run(
                try CompiledScenario.load(path: fixture.scenarioPath), policy: &expectedPolicy,
                options: ReplayOptions(seed: seed))
            let length = esEnvSummaryJSON(environment, nil, 0)
            var text = [CChar](repeating: 0, count: Int(length) + 1)
            _ = esEnvSummaryJSON(environment, &text, Int64(text.count))
            let summary = cText(text)
            #expect(summary.contains("\"completed\": \(expected.summary.completed),"), "\(summary)")
            #expect(summary.contains("\"events\": \(expected.summary.events),"))
            #expect(summary.contains("\"seed\": \(seed),"))
        }
        #expect(esPolicyActions(policy, environment, buffers.actions, 2) == ABIResultCode.invalidArgument.rawValue)
        #expect(String(cString: esPolicyLastError(policy)!) == "the actions buffer holds 2 values, expected 3")
        #expect(esPolicyActions(policy, nil, buffers.actions, 3) == ABIResultCode.invalidArgument.rawValue)
    }
}
