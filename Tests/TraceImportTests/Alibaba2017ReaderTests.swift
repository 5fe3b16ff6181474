import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

@Suite("Alibaba 2017 batch_task")
struct Alibaba2017ReaderTests {
    let table = traceFixture("alibaba2017-batch_task.csv")

    @Test("unsorted rows come out by arrival; times <= 0 are before the trace; a header is skipped")
    func mapping() throws {
        let outcome = try importTrace(.alibaba2017, [table])
        #expect(outcome.tasks.map(\.taskId) == ["3/5", "4/7", "5/1", "3/4"])
        #expect(outcome.tasks.map(\.arrivalSeconds) == [0, 0, 100, 6459])
        let scaled = try #require(outcome.task("3/4"))
        #expect(scaled.jobId == "3")
        #expect(scaled.instructions == 65_000_000_000)  // 65 s x (0.5 cores x 2 instances)
        #expect(scaled.memoryBytes == defaultMachineMemory / 2)  // 0.25 of a machine x 2
        #expect(outcome.task("3/5")?.instructions == 110_000_000_000)  // runtime counted from create -10
        #expect(outcome.task("4/7")?.instructions == 150_000_000_000)  // no plan: 1 core x 3 instances
        #expect(outcome.task("4/7")?.memoryBytes == 0)
    }

    @Test("summary counts: header, duplicates, missing plans, end before create")
    func counts() throws {
        let outcome = try importTrace(.alibaba2017, [table])
        let expected: [String: Int] = [
            "rows": 6, "header_lines": 1, "malformed_rows": 1, "duplicate_tasks": 1, "jobs": 3, "tasks_seen": 5,
            "tasks": 4, "tasks_before_trace": 2, "end_before_create": 1, "tasks_missing_plan": 1,
            "tasks_dropped_runtime_unknown": 1,
        ]
        for (key, value) in expected { #expect(outcome.integer(key) == value, "\(key)") }
        #expect(outcome.summary["status_counts"] == .textMap(["Terminated": "2", "Waiting": "1", "Failed": "1", "Running": "1"]))
    }

    @Test("--instances expand writes one task per instance")
    func expand() throws {
        let outcome = try importTrace(.alibaba2017, [table], options: options { $0.instances = .expand })
        #expect(outcome.tasks.map(\.taskId) == ["3/5", "4/7/0", "4/7/1", "4/7/2", "5/1", "3/4/0", "3/4/1"])
        #expect(outcome.task("3/4/1")?.instructions == 32_500_000_000)
        #expect(outcome.integer("instances_expanded") == 5)
    }

    @Test("--max-instances caps expansion and counts what was left out")
    func cap() throws {
        let outcome = try importTrace(.alibaba2017, [table], options: options {
            $0.instances = .expand
            $0.maximumInstancesPerTask = 2
        })
        #expect(outcome.integer("instances_capped") == 1)
        #expect(outcome.tasks.filter { $0.jobId == "4" }.count == 2)
    }
}
