import EdgeSimTestSupport
import Testing

@Suite("edgesim compose")
struct ComposeCommandTests {
    let directory = TemporaryDirectory()

    @Test("composes the bundled samples into a scenario that validates")
    func composeSamples() {
        let output = directory.file("demo.scenario.json")
        let outcome = Shell.edgesim([
            "compose", "--topology", Fixtures.path("topologies/sample-edge.topology.json"),
            "--workload", Fixtures.path("traces/sample.workload.csv.gz"), "--seed", "7", "--hops", "3",
            "--reward", "sparse", "-o", output, "--summary-json", directory.file("summary.json"),
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let text = String(decoding: Shell.contents(output) ?? [], as: UTF8.self)
        #expect(text.contains("\"seed\": 7"))
        #expect(text.contains("\"hops\": 3"))
        #expect(text.contains("\"kind\": \"sparse\""))
        let summary = String(decoding: Shell.contents(directory.file("summary.json")) ?? [], as: UTF8.self)
        #expect(summary.contains("\"tasks\": 176"))
        #expect(Shell.edgesim(["validate", output]).status == 0)
    }

    @Test("the same inputs give byte-identical scenarios")
    func deterministic() {
        for name in ["a", "b"] {
            _ = Shell.edgesim([
                "compose", "--topology", Fixtures.path("topologies/sample-edge.topology.json"), "--embed",
                "--workload", Fixtures.path("traces/sample.workload.csv.gz"), "-o", directory.file("\(name).scenario.json"),
                "--name", "same",
            ])
        }
        let first = Shell.contents(directory.file("a.scenario.json"))
        #expect(first != nil)
        #expect(first == Shell.contents(directory.file("b.scenario.json")))
    }

    @Test("an invalid topology fails with exit status 1 and writes nothing")
    func invalidInput() {
        let output = directory.file("never.scenario.json")
        let outcome = Shell.edgesim([
            "compose", "--topology", Fixtures.fixture("invalid/topology-unknown-node.topology.json"), "-o", output,
        ])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: "))
        #expect(outcome.standardError.contains("topology-unknown-node.topology.json:11:5: $.links[0].target: unknown node 'ghost'"))
        #expect(!Shell.exists(output))
    }

    @Test("settings come from a JSON file, then from options")
    func settingsFile() {
        Shell.write(#"{"seed": 3, "routing": "hops", "syntheticArrivals": {"ratePerSecondPerOrigin": 4.0}}"#,
                    to: directory.file("settings.json"))
        let outcome = Shell.edgesim([
            "compose", "--topology", Fixtures.path("topologies/sample-edge.topology.json"),
            "--settings", directory.file("settings.json"), "--seed", "5", "-o", "-",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("\"seed\": 5"))
        #expect(outcome.standardOutput.contains("\"routing\": \"hops\""))
        #expect(outcome.standardOutput.contains("\"ratePerSecondPerOrigin\": 4.0"))
        #expect(outcome.standardOutput.contains("\"workload\": null"))
    }

    @Test("bad option values are usage errors")
    func badOptions() {
        let outcome = Shell.edgesim([
            "compose", "--topology", "t.json", "--routing", "teleport", "-o", directory.file("x.json"),
        ])
        #expect(outcome.status == 64)
    }
}
