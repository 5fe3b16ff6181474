import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing

@Suite("Scenario")
struct ScenarioTests {
    let directory = TemporaryDirectory()

    @Test("an empty settings object means every default")
    func defaults() throws {
        Shell.write(#"{"format": "edgesim-scenario", "version": 1, "name": "d", "topology": {"path": "t.json"}}"#,
                    to: directory.file("d.scenario.json"))
        let scenario = try Scenario.load(path: directory.file("d.scenario.json"))
        #expect(scenario.settings == ModelSettings())
        #expect(scenario.workload == .synthetic)
        #expect(scenario.settings.candidates.hops == 2)
        #expect(scenario.settings.reward.kind == .dense)
    }

    @Test("write then load keeps every setting, and the text is stable")
    func roundTrip() throws {
        var settings = ModelSettings(seed: 99, horizonSeconds: 3600)
        settings.agents = AgentSelection(kinds: [.device, .edge], nodes: ["nuc_0"])
        settings.candidates = CandidateRule(rule: .allReachable, hops: 0, includeLocal: false, includeCloud: false)
        settings.routing = .hops
        settings.origins = OriginRule(rule: .labelWeighted, kinds: [.device], weightLabel: "population")
        settings.decisions = DecisionEpoch(mode: .interval, intervalSeconds: 0.5)
        settings.reward = RewardSettings(kind: .sparse, utility: 1, energyWeight: 0.01)
        settings.syntheticArrivals = SyntheticArrivals(
            ratePerSecondPerOrigin: 2, durationSeconds: 60,
            taskTypes: [.init(name: "small", weight: 3, instructions: 1000, relativeDeadlineSeconds: nil),
                        .init(name: "large", weight: 1, instructions: 40_000_000_000)])
        let tasks = [WorkloadTask(taskId: "t", jobId: "j", arrivalSeconds: 1, instructions: 10)]
        let scenario = Scenario(name: "all", topology: .file(path: "x.topology.json"), workload: .embedded(tasks), settings: settings)
        try scenario.write(to: directory.file("s.scenario.json"))
        let loaded = try Scenario.load(path: directory.file("s.scenario.json"))
        #expect(loaded == scenario)
        #expect(loaded.jsonText == scenario.jsonText)
    }

    @Test("compose stores paths relative to the scenario file")
    func relativePaths() throws {
        let output = directory.file("nested/out.scenario.json")
        Shell.run(["/bin/mkdir", "-p", directory.file("nested")])
        let composer = ScenarioComposer(
            topologyPath: Fixtures.path("topologies/sample-edge.topology.json"),
            workloadPath: Fixtures.path("traces/sample.workload.csv.gz"), outputPath: output)
        let canonicalOutputFolder = FilePaths.canonical(directory.file("nested")) ?? ""
        let result = try composer.compose(name: nil, settings: ModelSettings())
        #expect(result.scenario.name == "out")
        guard case .file(let topologyPath) = result.scenario.topology else {
            Issue.record("expected a topology path")
            return
        }
        let resolved = FilePaths.canonical(FilePaths.resolve(topologyPath, from: canonicalOutputFolder))
        #expect(resolved == FilePaths.canonical(Fixtures.path("topologies/sample-edge.topology.json")))
        try result.scenario.write(to: output)
        #expect(CanonicalFileValidator.validate(path: output).isValid)
    }

    @Test("relative path arithmetic", arguments: [
        ("/a/b", "/a/b/c.json", "c.json"), ("/a/b", "/a/x/c.json", "../x/c.json"),
        ("/a/b/c", "/a/d.json", "../../d.json"), ("/tmp/x", "/work/y.json", "/work/y.json"),
    ])
    func relative(base: String, target: String, expected: String) {
        #expect(FilePaths.relativePath(from: base, to: target) == expected)
    }

    @Test("embedding copies the topology and tasks into the scenario")
    func embedding() throws {
        let composer = ScenarioComposer(
            topologyPath: Fixtures.path("topologies/sample-edge.topology.json"),
            workloadPath: Fixtures.path("traces/sample.workload.csv.gz"),
            outputPath: directory.file("e.scenario.json"), embed: true)
        let result = try composer.compose(name: "embedded", settings: ModelSettings())
        try result.scenario.write(to: directory.file("e.scenario.json"))
        let loaded = try Scenario.load(path: directory.file("e.scenario.json"))
        guard case .embedded(let tasks) = loaded.workload, case .embedded(let topology) = loaded.topology else {
            Issue.record("expected embedded parts")
            return
        }
        #expect(tasks.count == 176)
        #expect(topology.nodes.count == 14)
        #expect(CanonicalFileValidator.validate(path: directory.file("e.scenario.json")).isValid)
    }

    @Test("compose refuses a workload whose origins are not compute nodes of the topology")
    func composeChecksFit() throws {
        Shell.write("""
            # edgesim-workload version 1
            \(WorkloadFormat.columns.joined(separator: ","))
            t,j,0.0,switch_factory,1,0,0,0,,

            """, to: directory.file("w.workload.csv"))
        let composer = ScenarioComposer(
            topologyPath: Fixtures.path("topologies/sample-edge.topology.json"),
            workloadPath: directory.file("w.workload.csv"), outputPath: directory.file("x.scenario.json"))
        #expect {
            _ = try composer.compose(name: nil, settings: ModelSettings())
        } throws: { "\($0)".contains("w.workload.csv:3: origin 'switch_factory' is not a compute node") }
    }
}
