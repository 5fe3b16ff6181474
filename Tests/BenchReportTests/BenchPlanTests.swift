import BenchReport
import Testing

@Suite("BenchPlan")
struct BenchPlanTests {
    @Test("jobs come in scenario, sweep value, policy, seed order")
    func order() throws {
        let spec = BenchFixtures.spec(
            scenarios: ["a", "b"], policies: ["p", "q"], seeds: [7, 3],
            sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1]))
        let plan = try BenchPlan(spec: spec)
        #expect(plan.jobs.count == 16)
        #expect(plan.jobs.indices.allSatisfy { plan.jobs[$0].index == $0 })
        let tuples = plan.jobs.prefix(6).map { "\($0.scenario.name) \($0.sweepPoint?.value ?? -1) \($0.policy) \($0.seed)" }
        #expect(tuples == ["a 0.5 p 7", "a 0.5 p 3", "a 0.5 q 7", "a 0.5 q 3", "a 1.0 p 7", "a 1.0 p 3"])
        #expect(plan.jobs[8].scenario.name == "b")
        #expect(plan.jobs[8].scenarioIndex == 1)
        #expect(plan.jobs[11].policyIndex == 1 && plan.jobs[11].seedIndex == 1 && plan.jobs[11].sweepPoint?.index == 0)
        #expect(plan.groupKeys.count == 8)
        #expect(plan.groupKeys == plan.groupKeys.sorted())
        #expect(plan.jobs.map(\.groupKey) == plan.jobs.map(\.groupKey).sorted())
    }

    @Test("a job describes itself for error messages")
    func description() throws {
        let plan = try BenchPlan(spec: BenchFixtures.spec(
            scenarios: ["edge"], policies: ["random"], seeds: [2],
            sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.75])))
        #expect(plan.jobs[0].description == "bench job 1: scenario 'edge', policy 'random', seed 2, arrivalRateScale=0.75")
    }

    @Test("invalid specs are rejected before expansion", arguments: [
        (BenchFixtures.spec(scenarios: []), "invalid bench: a bench needs at least one scenario"),
        (BenchFixtures.spec(policies: []), "invalid bench: expected at least one policy"),
        (BenchFixtures.spec(seeds: []), "invalid bench: a bench needs at least one seed"),
        (BenchFixtures.spec(seeds: [1, 2, 1]), "invalid bench: seed 1 appears twice"),
        (BenchFixtures.spec(policies: ["a", "a"]), "invalid bench: policy 'a' appears twice"),
        (BenchFixtures.spec(sweep: ParameterSweep(parameter: "x", values: [])), "invalid bench: a sweep needs at least one value"),
    ])
    func rejected(spec: BenchSpec, message: String) {
        #expect(throws: BenchError.rejectedPlan(message: message)) { try BenchPlan(spec: spec) }
    }

    @Test("a plan larger than the limit is refused, not allocated")
    func tooLarge() {
        let spec = BenchSpec(
            scenarios: (0..<200).map { BenchScenario(name: "s\($0)", path: "s\($0).json") },
            policies: (0..<100).map { "p\($0)" }, seeds: Array(0..<100))
        #expect(throws: BenchError.rejectedPlan(message: "the bench has more than 100000 jobs; split the study")) {
            try BenchPlan(spec: spec)
        }
    }
}

@Suite("BenchCommandOptions")
struct BenchCommandOptionsTests {
    @Test("command-line options make a spec with defaults")
    func commandLine() throws {
        let options = BenchCommandOptions(
            scenarioPaths: [#filePath, #filePath.replacingSuffix()], policies: "local,cloud", sweep: "arrivalRateScale=0.5..1.5:3",
            sweepLabel: "Load (×)")
        let spec = try options.makeSpec(defaultPolicies: ["unused"])
        #expect(spec.scenarios.map(\.name) == ["BenchPlanTests.swift", "BenchSpecTests.swift"])
        #expect(spec.policies == ["local", "cloud"])
        #expect(spec.seeds == Array(1...10))
        #expect(spec.sweep == ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1, 1.5], label: "Load (×)"))
        let defaults = try BenchCommandOptions(scenarioPaths: [#filePath]).makeSpec(defaultPolicies: ["local", "random"])
        #expect(defaults.policies == ["local", "random"])
    }

    @Test("usage errors name the option", arguments: [
        (BenchCommandOptions(), "SCENARIO: name at least one scenario file, or a bench spec with --spec"),
        (BenchCommandOptions(scenarioPaths: [#filePath], seeds: "x"),
         "--seeds: expected a seed (a non-negative integer) or a range such as 1..10, found 'x'"),
        (BenchCommandOptions(scenarioPaths: [#filePath], policies: "a,a"), "--policies: policy 'a' appears twice"),
        (BenchCommandOptions(scenarioPaths: [#filePath], sweep: "x=3..1:2"), "--sweep: a sweep range needs from < to"),
        (BenchCommandOptions(scenarioPaths: [#filePath], sweepLabel: "x"), "--sweep-label: there is no sweep to label"),
        (BenchCommandOptions(scenarioPaths: [#filePath, #filePath]), "bench: scenario file '\(#filePath)' appears twice"),
    ])
    func usageErrors(options: BenchCommandOptions, message: String) {
        do {
            _ = try options.makeSpec(defaultPolicies: ["local"])
            Issue.record("expected \(message)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("a missing scenario file is a data error, not a usage error")
    func missingScenario() {
        #expect(throws: BenchError.input(.cannotOpen(path: "/nonexistent/x.scenario.json", reason: "no such scenario file"))) {
            try BenchCommandOptions(scenarioPaths: ["/nonexistent/x.scenario.json"]).makeSpec(defaultPolicies: ["local"])
        }
    }

    @Test("--jobs is checked; the default is the core count")
    func workers() throws {
        #expect(try BenchCommandOptions(jobs: 3).workerCount() == 3)
        #expect(try BenchCommandOptions().workerCount() >= 1)
        #expect(throws: BenchError.invalidArgument(option: "--jobs", message: "expected 1 to 256 workers, found 0")) {
            try BenchCommandOptions(jobs: 0).workerCount()
        }
    }
}

extension String {
    /// This test file's sibling, BenchSpecTests.swift.
    fileprivate func replacingSuffix() -> String {
        var parts = split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        parts[parts.count - 1] = "BenchSpecTests.swift"
        return parts.joined(separator: "/")
    }
}
