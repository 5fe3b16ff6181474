import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

@Suite("Azure Functions 2021")
struct Azure2021ReaderTests {
    @Test("arrival = end - duration, sorted; the function is the job")
    func mapping() throws {
        let outcome = try importTrace(.azure2021, [traceFixture("azure2021-invocations.csv")])
        #expect(outcome.tasks.map(\.taskId) == ["a2/f9/4", "a2/f9/3", "a1/f1/2", "a1/f1/1"])
        #expect(outcome.tasks.map(\.jobId) == ["a2/f9", "a2/f9", "a1/f1", "a1/f1"])
        #expect(outcome.tasks.map(\.arrivalSeconds) == [0, 2, 5, 10])
        #expect(outcome.tasks.map(\.instructions) == [1_500_000_000, 1_000_000_000, 250_000_000, 500_000_000])
        let expected: [String: Int] = [
            "rows": 4, "header_lines": 1, "jobs": 2, "apps": 2, "functions": 2, "tasks_seen": 4, "tasks": 4,
            "rows_out_of_order": 3, "tasks_before_trace": 1,
        ]
        for (key, value) in expected { #expect(outcome.integer(key) == value, "\(key)") }
    }

    @Test("CRLF line ends, no header and no final newline")
    func lineEnds() throws {
        let outcome = try importTrace(.azure2021, [traceFixture("azure2021-crlf-no-final-newline.csv")])
        #expect(outcome.tasks.map(\.taskId) == ["a2/f9/3", "a1/f2/2", "a1/f1/1"])
        #expect(outcome.tasks.map(\.arrivalSeconds) == [0, 1, 8])
        #expect(outcome.integer("header_lines") == 0)
    }

    @Test("a small sort budget spills runs and merges them to the same output")
    func spilling() throws {
        let directory = TemporaryDirectory()
        let path = directory.file("many.csv")
        var text = "app,func,end_timestamp,duration\n"
        var generator = SeededGenerator(seed: 3)
        for row in 0..<30_000 {
            let end = generator.nextUnitInterval() * 10_000
            text += "app\(row % 7),func\(row % 13),\(end),\(generator.nextUnitInterval())\n"
        }
        Shell.write(text, to: path)
        let inMemory = try importTrace(.azure2021, [path])
        let spilled = try importTrace(.azure2021, [path], options: options {
            $0.sortMemoryBytes = 1 << 20
            $0.temporaryDirectory = directory.path
        })
        #expect(spilled.integer("sort_runs_spilled") ?? 0 > 1)
        #expect(inMemory.integer("sort_runs_spilled") == 0)
        #expect(spilled.outputBytes == inMemory.outputBytes)
        #expect(Shell.listing(directory.path).filter { $0.hasPrefix("edgesim-sort") }.isEmpty)
    }
}
