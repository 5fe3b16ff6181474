import EdgeSimTestSupport
import Foundation
import Testing

@Suite("edgesim import trace")
struct ImportTraceCommandTests {
    let directory = TemporaryDirectory()

    private func fixture(_ name: String) -> String {
        Fixtures.fixture("traces/" + name)
    }

    private func summary(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test("writes a valid workload and the summary JSON with the common keys first")
    func importAndSummary() throws {
        let output = directory.file("g.workload.csv.gz")
        let outcome = Shell.edgesim([
            "import", "trace", "--format", "google2011", fixture("google2011-task_events.csv"), "-o", output,
            "--summary-json", "-",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardError.isEmpty)  // quiet when standard error is not a terminal
        #expect(outcome.standardOutput.hasPrefix("""
            {
              "rows": 18,
              "malformed_rows": 0,
              "jobs": 5,
              "tasks_seen": 5,
              "tasks": 3,
              "dependencies": 0,
              "first_arrival_s": 0.0,
              "last_arrival_s": 7.0,
            """))
        let figures = try summary(outcome.standardOutput)
        #expect(figures["format"] as? String == "google2011")
        #expect(figures["output"] as? String == output)
        #expect((figures["tasks_incomplete"] as? NSNumber)?.intValue == 1)
        let validation = Shell.edgesim(["validate", output])
        #expect(validation.status == 0)
        #expect(validation.standardOutput.contains("valid workload (3 tasks, 2 jobs, 0 dependencies)"))
    }

    @Test("mapping options on the command line")
    func mappingOptions() throws {
        let output = directory.file("a.workload.csv")
        let outcome = Shell.edgesim([
            "import", "trace", "--format", "alibaba2018", fixture("alibaba2018-batch_task.csv"), "-o", output,
            "--instances", "expand", "--deadline", "runtime:2", "--input-bytes", "uniform:1000,2000",
            "--output-bytes", "500", "--origins", "round-robin", "--origin-topology",
            Fixtures.path("topologies/sample-edge.topology.json"), "--max-tasks", "6", "--seed", "3",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = (Shell.contents(output).map { String(decoding: $0, as: UTF8.self) } ?? "").split(separator: "\n")
        #expect(lines.count == 8)  // marker, header, 6 tasks
        #expect(lines[2].hasPrefix("j_1/M1/0,j_1,0.0,rpi3_0,"))
        #expect(lines[4].hasPrefix("j_1/M1,j_1,0.0,rpi3_2,0,"))
        #expect(lines[4].hasSuffix(",500,0,0.001,j_1/M1/0;j_1/M1/1"))
        #expect(Shell.edgesim(["validate", output]).status == 0)
    }

    @Test("the same inputs and seed give byte-identical output")
    func deterministic() {
        var outputs: [[UInt8]] = []
        for name in ["one", "two"] {
            let output = directory.file("\(name).workload.csv.gz")
            let outcome = Shell.edgesim([
                "import", "trace", "--format", "azure2021", fixture("azure2021-invocations.csv"), "-o", output,
                "--origins", "random", "--origin-nodes", "a,b,c", "--input-bytes", "exponential:1e5", "--seed", "8",
            ])
            #expect(outcome.status == 0)
            outputs.append(Shell.contents(output) ?? [])
        }
        #expect(!outputs[0].isEmpty && outputs[0] == outputs[1])
    }

    @Test("malformed rows are warnings on standard error; --strict makes the first one an error")
    func malformed() {
        let path = fixture("google2011-malformed.csv")
        let lenient = Shell.edgesim([
            "import", "trace", "--format", "google2011", path, "-o", directory.file("m.workload.csv"),
            "--report-problems", "2",
        ])
        #expect(lenient.status == 0)
        let warnings = lenient.standardError.split(separator: "\n")
        #expect(warnings.count == 3)
        #expect(warnings[0].hasPrefix("edgesim: warning: \(path):3:18: skipped malformed row: field 6"))
        #expect(warnings[2] == "edgesim: warning: 2 more malformed rows not shown (4 in total; see malformed_rows in --summary-json)")
        let strict = Shell.edgesim([
            "import", "trace", "--format", "google2011", path, "-o", directory.file("s.workload.csv"), "--strict",
        ])
        #expect(strict.status == 1)
        #expect(strict.standardError == "edgesim: error: \(path):3:18: field 6: event type must be 0...8, found 9\n")
        #expect(!Shell.exists(directory.file("s.workload.csv")))
    }

    @Test("data errors exit 1 with one line; the output is not created")
    func dataErrors() {
        let compressed = Shell.gzip(Array(String(repeating: "1,,2,3,,0,u,0,0,0.5,0.5,0,0\n", count: 20_000).utf8))
        let cut = directory.file("cut.csv.gz")
        Shell.write(Array(compressed.prefix(compressed.count - 20)), to: cut)
        let output = directory.file("x.workload.csv.gz")
        let outcome = Shell.edgesim(["import", "trace", "--format", "google2011", cut, "-o", output])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: \(cut): byte "))
        #expect(outcome.standardError.hasSuffix(": truncated gzip data: the file ends inside a compressed member\n"))
        #expect(!Shell.exists(output))
        let missing = Shell.edgesim(["import", "trace", "--format", "swf", directory.file("none.swf"), "-o", output])
        #expect(missing.status == 1)
        #expect(missing.standardError == "edgesim: error: \(directory.file("none.swf")): cannot open: No such file or directory\n")
    }

    @Test("usage errors exit 64", arguments: [
        ["--format", "nope", "x", "-o", "y"],
        ["--format", "swf", "x"],
        ["--format", "swf", "x", "-o", "y", "--deadline", "later"],
        ["--format", "swf", "x", "-o", "y", "--origins", "hash"],
        ["--format", "swf", "x", "-o", "y", "--origins", "hash", "--origin-nodes", "a", "--origin-key", "machine"],
        ["--format", "swf", "x", "-o", "-", "--summary-json", "-"],
        ["--format", "swf", "x", "-o", "y", "--sample", "0"],
        ["--format", "swf", "x", "-o", "y", "--input-bytes", "gamma:2"],
    ])
    func usage(arguments: [String]) {
        let outcome = Shell.edgesim(["import", "trace"] + arguments)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(!outcome.standardError.contains("Fatal error"))
    }

    @Test("standard input and standard output")
    func standardStreams() throws {
        let bytes = try #require(Shell.contents(fixture("sample.swf")))
        let outcome = Shell.edgesim(["import", "trace", "--format", "swf", "-", "-o", "-"], input: Shell.gzip(bytes))
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let lines = outcome.standardOutput.split(separator: "\n")
        #expect(lines.first == "# edgesim-workload version 1")
        #expect(lines.count == 6)
    }

    @Test("--help documents the summary keys and the mapping options")
    func help() {
        let outcome = Shell.edgesim(["import", "trace", "--help"])
        #expect(outcome.status == 0)
        for text in ["first_arrival_s", "cycles_broken", "tasks_incomplete", "--rate-factor", "--origin-key",
                     "--compression-level", "--sort-memory-mib"] {
            #expect(outcome.standardOutput.contains(text), "\(text)")
        }
        #expect(Shell.edgesim(["import", "--help"]).standardOutput.contains("trace"))
    }
}
