import EdgeSimTestSupport
import Testing

@Suite("edgesim validate")
struct ValidateCommandTests {
    @Test("accepts the bundled samples with exit status 0")
    func samples() {
        let outcome = Shell.edgesim([
            "validate", Fixtures.path("topologies/sample-edge.topology.json"), Fixtures.path("traces/sample.workload.csv.gz"),
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("sample-edge.topology.json: valid topology (14 nodes, 14 links)"))
        #expect(outcome.standardOutput.contains("sample.workload.csv.gz: valid workload (176 tasks, 60 jobs, 72 dependencies)"))
    }

    @Test("rejects every broken fixture with FILE:LINE: message and exit status 1", arguments: InvalidFixtureList.files)
    func broken(file: String) {
        let path = Fixtures.fixture("invalid/" + file)
        let outcome = Shell.edgesim(["validate", path])
        #expect(outcome.status == 1)
        let lines = outcome.standardError.split(separator: "\n")
        #expect(lines.first?.hasPrefix(path + ":") == true || lines.first?.contains(".json: cannot open") == true,
                "\(outcome.standardError)")
        #expect(lines.last?.hasPrefix("edgesim: error: 1 of 1 file invalid") == true)
        #expect(!outcome.standardError.contains("Fatal error"))
    }

    @Test("writes the summary JSON, to standard output with -")
    func summary() {
        let outcome = Shell.edgesim(["validate", Fixtures.path("topologies/sample-edge.topology.json"), "--summary-json", "-"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("{\n  \"files\": 1,\n  \"valid\": 1,\n  \"invalid\": 0,\n  \"issues\": 0,"))
        #expect(outcome.standardOutput.contains("\"nodes_device\": 3"))
    }

    @Test("reads standard input with -")
    func standardInput() {
        let bytes = Shell.contents(Fixtures.path("traces/sample.workload.csv.gz")) ?? []
        let outcome = Shell.edgesim(["validate", "-"], input: bytes)
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.contains("-: valid workload (176 tasks"))
    }

    @Test("usage errors exit with 64")
    func usage() {
        #expect(Shell.edgesim(["validate"]).status == 64)
        #expect(Shell.edgesim(["validate", "--max-issues", "0", "x"]).status == 64)
        #expect(Shell.edgesim(["frobnicate"]).status == 64)
    }

    @Test("a folder or a missing file is a clean error")
    func unreadable() {
        let outcome = Shell.edgesim(["validate", Fixtures.path("traces"), Fixtures.path("no-such-file.json")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("traces: cannot open: is a directory, expected a file"))
        #expect(outcome.standardError.contains("no-such-file.json: cannot open: No such file or directory"))
        #expect(outcome.standardError.contains("edgesim: error: 2 of 2 files invalid"))
    }
}

enum InvalidFixtureList {
    static let files = Shell.listing(Fixtures.fixture("invalid"))
}
