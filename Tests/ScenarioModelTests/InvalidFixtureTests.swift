import EdgeSimTestSupport
import ScenarioModel
import Testing

/// One broken file per validation rule, with the message and line expected.
@Suite("Validation rules")
struct InvalidFixtureTests {
    static let cases: [(file: String, expected: String)] = [
        ("topology-unknown-node.topology.json", ":11:5: $.links[0].target: unknown node 'ghost'"),
        ("topology-duplicate-node-id.topology.json", ":8:5: $.nodes[1].id: duplicate node id 'd0'"),
        ("topology-negative-bandwidth.topology.json", "$.links[0].bandwidthMbps: bandwidthMbps must be a positive finite number, found -100.0"),
        ("topology-wrong-version.topology.json", ":3:14: $.version: unsupported format version 2"),
        ("topology-compute-without-cores.topology.json", "$.nodes[0].cores: device node 'd0' must have at least 1 core"),
        ("topology-unknown-key.topology.json", "$.nodes[0].teir: unknown key 'teir' in a node"),
        ("topology-unknown-kind.topology.json", "$.nodes[0].kind: unknown value 'fog'"),
        ("workload-unsorted-arrivals.workload.csv", ":5:6: arrivalSeconds: arrivals must be sorted: 1.0 comes after 2.0"),
        ("workload-non-finite-arrival.workload.csv", ":4:6: arrivalSeconds: arrival time must be a finite number >= 0, found nan"),
        ("workload-negative-instructions.workload.csv", ":4:11: instructions: must be >= 0, found -5"),
        ("workload-unknown-dependency.workload.csv", ":4: dependency on unknown task 'zzz'"),
        ("workload-dependency-cycle.workload.csv", ":3: dependency cycle: a -> c -> b -> a"),
        ("workload-dependency-after-dependent.workload.csv", ":3: dependency 'b' appears later (line 4)"),
        ("workload-dependency-other-job.workload.csv", ":4: dependency 'a' belongs to another job than 'j2'"),
        ("workload-duplicate-task-id.workload.csv", ":5: duplicate task id 'a'"),
        ("workload-wrong-version.workload.csv", ":1: unsupported format version 2"),
        ("workload-wrong-header.workload.csv", ":2: expected the header"),
        ("workload-wrong-field-count.workload.csv", ":3: expected 10 fields, found 7"),
        ("scenario-wrong-version.scenario.json", ":3:14: $.version: unsupported format version 7"),
        ("scenario-dangling-topology.scenario.json", "no-such.topology.json: cannot open: No such file or directory"),
        ("scenario-negative-horizon.scenario.json", ":8:23: $.settings.horizonSeconds: must be a positive finite number, found -5.0"),
        ("scenario-origin-not-compute.scenario.json", ":9:7: $.workload.tasks[1]: origin 's0' is not a compute node"),
        ("scenario-unknown-agent.scenario.json", "$.settings.agents.nodes: agent node 'nobody' (entry 0) is not in the topology"),
        ("scenario-wrong-type.scenario.json", ":7:24: $.settings.seed: expected an integer, found a string"),
        ("scenario-embedded-cycle.scenario.json", ":8:7: $.workload.tasks[0]: dependency cycle: t1 -> t2 -> t1"),
        ("not-canonical.txt", ":1: expected format 'a topology, workload or scenario'"),
    ]

    @Test("each broken fixture is rejected with its message and location", arguments: cases)
    func rejected(file: String, expected: String) {
        let path = Fixtures.fixture("invalid/" + file)
        let report = CanonicalFileValidator.validate(path: path)
        #expect(!report.isValid)
        let lines = report.issues.map(\.description)
        #expect(lines.contains { $0.contains(expected) }, "got: \(lines)")
    }

    @Test("the valid fixtures and samples pass", arguments: [
        "Tests/Fixtures/valid/tiny.topology.json", "Tests/Fixtures/valid/tiny.scenario.json",
        "topologies/sample-edge.topology.json", "traces/sample.workload.csv.gz",
    ])
    func accepted(file: String) {
        let report = CanonicalFileValidator.validate(path: Fixtures.path(file))
        #expect(report.isValid, "\(report.issues)")
    }
}
