import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing

@testable import TraceImport

@Suite("Google 2011 task_events")
struct Google2011ReaderTests {
    let events = traceFixture("google2011-task_events.csv")

    @Test("arrival at the first SUBMIT, runtime from the final SCHEDULE to FINISH, requests mapped")
    func lifecycle() throws {
        let outcome = try importTrace(.google2011, [events])
        #expect(outcome.tasks.map(\.taskId) == ["100/0", "100/1", "500/0"])
        let first = try #require(outcome.task("100/0"))
        #expect(first.jobId == "100")
        #expect(first.arrivalSeconds == 0)
        #expect(first.instructions == 1_000_000_000)  // 2 s x 0.5 cores x 1000 MIPS
        #expect(first.memoryBytes == defaultMachineMemory / 4)
        // Evicted at 4 s, resubmitted with smaller requests, scheduled at 6 s, finished at 10 s.
        let second = try #require(outcome.task("100/1"))
        #expect(second.arrivalSeconds == 0)
        #expect(second.instructions == 1_000_000_000)  // 4 s x 0.25 cores
        #expect(second.memoryBytes == defaultMachineMemory / 8)
        let missing = try #require(outcome.task("500/0"))
        #expect(missing.arrivalSeconds == 7)
        #expect(missing.instructions == 0)
        #expect(missing.origin == nil && missing.relativeDeadlineSeconds == nil && missing.inputBytes == 0)
    }

    @Test("summary: the common keys and every lifecycle count")
    func summary() throws {
        let outcome = try importTrace(.google2011, [events])
        for key in TraceImportSummary.commonKeys { #expect(outcome.summary[key] != nil, "\(key)") }
        let expected: [String: Int] = [
            "rows": 18, "malformed_rows": 0, "jobs": 5, "tasks_seen": 5, "tasks": 3, "dependencies": 0,
            "tasks_completed": 3, "tasks_incomplete": 1, "tasks_ended_kill": 1, "tasks_ended_evict": 0,
            "tasks_resubmitted": 1, "tasks_missing_request": 1, "rows_without_submit": 1,
            "events_after_completion": 1, "rows_time_zero": 2, "tasks_before_trace": 2,
            "tasks_runtime_unknown": 1, "tasks_dropped_runtime_unknown": 1, "events_submit": 7,
            "events_schedule": 6, "events_finish": 3, "events_kill": 1, "events_evict": 1,
        ]
        for (key, value) in expected { #expect(outcome.integer(key) == value, "\(key)") }
        #expect(outcome.summary.number("first_arrival_s") == 0)
        #expect(outcome.summary.number("last_arrival_s") == 7)
    }

    @Test("--terminal-events kill completes killed tasks; --unknown-runtime keeps incomplete ones")
    func terminalEventsAndUnknownRuntime() throws {
        let outcome = try importTrace(.google2011, [events], options: options {
            $0.terminalEvents = [.finish, .kill]
            $0.unknownRuntime = .seconds(60)
        })
        #expect(outcome.tasks.map(\.taskId) == ["100/0", "100/1", "200/0", "300/0", "500/0"])
        let killed = try #require(outcome.task("200/0"))
        #expect(killed.arrivalSeconds == 2)
        #expect(killed.instructions == 10_000_000)  // 0.1 s x 0.1 cores x 1000 MIPS
        let pending = try #require(outcome.task("300/0"))
        #expect(pending.instructions == 12_000_000_000)  // 60 s x 0.2 cores
        #expect(outcome.integer("tasks_ended_kill") == 0)
        #expect(outcome.integer("tasks_dropped_runtime_unknown") == 0)
        #expect(outcome.integer("tasks_runtime_unknown") == 1)
    }

    @Test("--terminal-events evict ends a task at its first eviction")
    func evictIsTerminal() throws {
        let outcome = try importTrace(.google2011, [events], options: options { $0.terminalEvents = [.finish, .evict] })
        let evicted = try #require(outcome.task("100/1"))
        #expect(evicted.instructions == 1_500_000_000)  // 1 s -> 4 s at 0.5 cores
        #expect(outcome.integer("events_after_completion") == 4)  // 100/1: SUBMIT, SCHEDULE, FINISH; 100/0: SUBMIT
    }

    @Test("tasks from before the trace (time 0) can be dropped")
    func beforeTrace() throws {
        let outcome = try importTrace(.google2011, [events], options: options { $0.beforeTrace = .drop })
        #expect(outcome.tasks.map(\.taskId) == ["500/0"])
        #expect(outcome.tasks[0].arrivalSeconds == 0)  // the first written task arrives at 0
        #expect(outcome.integer("tasks_dropped_before_trace") == 2)
    }

    @Test("inputs are one stream: a task submitted in one file finishes in the next")
    func severalInputs() throws {
        let directory = TemporaryDirectory()
        let lines = try #require(Shell.contents(events)).split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let first = directory.file("part-00000.csv")
        let second = directory.file("part-00001.csv.gz")
        Shell.write(Array(lines[0..<9].joined(separator: [UInt8(ascii: "\n")])) + [0x0A], to: first)
        Shell.write(Shell.gzip(Array(lines[9...].joined(separator: [UInt8(ascii: "\n")]))), to: second)
        let split = try importTrace(.google2011, [first, second])
        let whole = try importTrace(.google2011, [events])
        #expect(split.tasks == whole.tasks)
        #expect(split.integer("rows") == 18)
    }

    @Test("job_events give logical job names for origin hashing")
    func jobEvents() throws {
        let outcome = try importTrace(
            .google2011, [events],
            options: options {
                $0.terminalEvents = [.finish, .kill]
                $0.origins = .hash
                $0.originKey = .logicalJob
                $0.originNodes = ["n0", "n1", "n2", "n3", "n4", "n5", "n6", "n7"]
            }, jobEvents: [traceFixture("google2011-job_events.csv")])
        #expect(outcome.integer("job_events_rows") == 4)
        #expect(outcome.integer("job_events_jobs") == 3)
        // Jobs 100 and 200 share the logical name, so they arrive at the same node.
        #expect(outcome.task("100/0")?.origin == outcome.task("200/0")?.origin)
        #expect(outcome.tasks.allSatisfy { $0.origin != nil })
    }

    @Test("malformed rows are skipped, counted and reported with file and line")
    func malformedRows() throws {
        let path = traceFixture("google2011-malformed.csv")
        let outcome = try importTrace(.google2011, [path])
        #expect(outcome.integer("malformed_rows") == 4)
        #expect(outcome.integer("rows") == 7)
        #expect(outcome.tasks.map(\.taskId) == ["100/0"])
        let messages = outcome.diagnostics.map(\.description)
        #expect(messages.count == 4)
        #expect(messages[0].hasPrefix("\(path):3:18: skipped malformed row: field 6: event type must be 0...8"))
        #expect(messages[1].hasPrefix("\(path):4:10: skipped malformed row: field 3: expected an integer, found '1x00'"))
        #expect(messages[2] == "\(path):5: skipped malformed row: expected 13 fields (a task_events row), found 9")
        #expect(messages[3].contains(":6:") && messages[3].contains("CPU request must be a finite number >= 0"))
    }

    @Test("--strict turns the first malformed row into an error naming file, line and column")
    func strict() throws {
        let path = traceFixture("google2011-malformed.csv")
        #expect {
            _ = try importTrace(.google2011, [path], options: options { $0.strict = true })
        } throws: { error in
            "\(error)" == "\(path):3:18: field 6: event type must be 0...8, found 9"
        }
    }

    @Test("an empty input file is an error naming it (issue 9: a failed download, not an empty trace)")
    func emptyInput() throws {
        let path = traceFixture("empty.csv")
        #expect {
            _ = try importTrace(.google2011, [path])
        } throws: { error in
            "\(error)" == "\(path):1: the input is empty: no rows to import"
        }
    }

    @Test("an input whose rows are all skipped gives an empty workload with null arrivals")
    func noUsableRows() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("malformed-only.csv")
        Shell.write("not,a,task,event\n", to: path)
        let outcome = try importTrace(.google2011, [path])
        #expect(outcome.tasks.isEmpty)
        #expect(outcome.integer("rows") == 1)
        #expect(outcome.integer("malformed_rows") == 1)
        #expect(outcome.summary["first_arrival_s"] == .null)
        #expect(outcome.summary["last_arrival_s"] == .null)
    }

    @Test("the same input gives byte-identical output, with or without worker threads")
    func deterministic() throws {
        let threaded = try importTrace(.google2011, [events])
        let again = try importTrace(.google2011, [events])
        let single = try importTrace(.google2011, [events], options: options {
            $0.readAhead = false
            $0.backgroundCompression = false
        })
        #expect(threaded.outputBytes == again.outputBytes)
        #expect(threaded.outputBytes == single.outputBytes)
    }
}
