import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

@Suite("Standard Workload Format")
struct SWFReaderTests {
    let log = traceFixture("sample.swf")

    @Test("jobs map to tasks; preceding jobs become dependencies inside the chain's job")
    func mapping() throws {
        let outcome = try importTrace(.swf, [log])
        #expect(outcome.tasks.map(\.taskId) == ["1", "2", "4", "5"])
        #expect(outcome.tasks.map(\.jobId) == ["1", "1", "4", "1"])
        #expect(outcome.tasks.map(\.dependencies) == [[], ["1"], [], ["2"]])
        #expect(outcome.tasks.map(\.arrivalSeconds) == [0, 50, 60, 70])
        #expect(outcome.task("1")?.instructions == 400_000_000_000)  // 100 s x 4 processors
        #expect(outcome.task("1")?.memoryBytes == 4 << 20)  // 1024 KB x 4 processors
        #expect(outcome.task("2")?.instructions == 1_600_000_000_000)  // allocated -1: 8 requested
        #expect(outcome.task("2")?.memoryBytes == 16 << 20)  // used -1: 2048 KB requested x 8
        #expect(outcome.task("5")?.instructions == 10_000_000_000)  // no processor count: 1
    }

    @Test("header comments: first occurrence wins, continuation lines are not keys")
    func header() throws {
        let outcome = try importTrace(.swf, [log])
        guard case .textMap(let header)? = outcome.summary["header"] else {
            Issue.record("no header map")
            return
        }
        #expect(header == [
            "Version": "2.2", "Computer": "Test cluster", "UnixStartTime": "1000000000", "Note": "first note",
            "MaxJobs": "5",
        ])
        #expect(outcome.integer("unix_start_time") == 1_000_000_000)
    }

    @Test("counts: -1 fields, missing predecessors, think times")
    func counts() throws {
        let outcome = try importTrace(.swf, [log])
        let expected: [String: Int] = [
            "rows": 5, "comment_lines": 8, "jobs": 3, "tasks_seen": 5, "tasks": 4, "dependencies": 2,
            "dependencies_missing": 1, "think_times_ignored": 2, "processors_unknown": 1, "memory_unknown": 2,
            "tasks_runtime_unknown": 1, "arrivals_clamped": 0,
        ]
        for (key, value) in expected { #expect(outcome.integer(key) == value, "\(key)") }
        #expect(outcome.summary["status_counts"] == .textMap(["1": "3", "0": "1", "5": "1"]))
        #expect(outcome.diagnostics.map(\.description) == [
            "\(log):12:75: job 4: preceding job 99 is not an earlier job of the log; dependency dropped",
        ])
    }

    @Test("a dropped predecessor drops the dependency, not the dependent")
    func droppedPredecessor() throws {
        let outcome = try importTrace(.swf, [log], options: options { $0.windowStartSeconds = 40 })
        #expect(outcome.tasks.map(\.taskId) == ["2", "4", "5"])
        #expect(outcome.task("2")?.dependencies == [])
        #expect(outcome.task("5")?.dependencies == ["2"])
        #expect(outcome.integer("dependencies_dropped") == 1)
    }

    @Test("a wrong field count is a malformed row")
    func malformed() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("short.swf")
        Shell.write("; Version: 2.2\n1 0 -1 10 1\n2 5 -1 10 1 -1 -1 1 -1 -1 1 1 1 1 1 -1 -1 -1\n", to: path)
        let outcome = try importTrace(.swf, [path])
        #expect(outcome.integer("malformed_rows") == 1)
        #expect(outcome.diagnostics.first?.description
            == "\(path):2: skipped malformed row: expected 18 whitespace-separated fields (an SWF job line), found 5")
        #expect(outcome.tasks.map(\.taskId) == ["2"])
    }
}
