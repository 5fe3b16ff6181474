import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

/// Names that become canonical ids must be UTF-8 text: two job names differing
/// only in invalid bytes (0xFB, 0xFF) once decoded to the same id, and the
/// import wrote a workload with a duplicate task id (found by FuzzAlibaba2018).
@Suite("Trace names that are not UTF-8 text")
struct NonTextIdentifierTests {
    let directory = TemporaryDirectory()

    private func write(_ rows: [[UInt8]], _ name: String) -> String {
        let path = directory.file(name)
        Shell.write(rows.flatMap { $0 + [0x0A] }, to: path)
        return path
    }

    @Test("Alibaba 2018: a job name of invalid UTF-8 makes its row malformed, with file, line and field")
    func alibaba2018() throws {
        let path = write([
            Array("M1,1,j_1,1,Terminated,100,110,100,0.5".utf8),
            Array("M1,1,j_".utf8) + [0xFF, 0xFB] + Array(",1,Terminated,100,110,100,0.5".utf8),
            Array("M1,1,j_".utf8) + [0xFF, 0xFF] + Array(",1,Terminated,100,110,100,0.5".utf8),
        ], "batch_task.csv")
        let outcome = try importTrace(.alibaba2018, [path])
        #expect(outcome.tasks.map(\.taskId) == ["j_1/M1"])
        #expect(outcome.integer("malformed_rows") == 2)
        let first = try #require(outcome.diagnostics.first?.description)
        #expect(first.contains("batch_task.csv:2"))
        #expect(first.contains("field 3: job_name is not UTF-8 text"))
        let strict = TraceImporter(format: .alibaba2018, inputs: [path], output: directory.file("strict.workload.csv.gz"),
                                   options: options { $0.strict = true })
        #expect(throws: TraceImportError.self) { try strict.run() }
    }

    @Test("Azure Functions 2021: an app or function name of invalid UTF-8 makes its row malformed")
    func azure2021() throws {
        let path = write([
            Array("app,func,end_timestamp,duration".utf8),
            Array("a1,f1,10.5,0.5".utf8),
            Array("a".utf8) + [0xC3] + Array(",f1,11.0,0.5".utf8),
            Array("a1,f".utf8) + [0xE2, 0x82] + Array(",12.0,0.5".utf8),
            Array("a\u{e9},f1,13.0,0.5".utf8),
        ], "invocations.csv")
        let outcome = try importTrace(.azure2021, [path])
        #expect(outcome.integer("malformed_rows") == 2)
        #expect(outcome.tasks.count == 2)
        #expect(outcome.tasks.contains { $0.jobId.hasPrefix("a\u{e9}/f1") })
    }
}
