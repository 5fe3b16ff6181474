import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing

@testable import TraceImport

/// What one import left behind: its summary, the tasks written (read back),
/// the diagnostics reported and the output's bytes.
struct ImportOutcome {
    var summary: TraceImportSummary
    var tasks: [WorkloadTask]
    var diagnostics: [TraceDiagnostic]
    var outputBytes: [UInt8]

    func task(_ id: String) -> WorkloadTask? {
        tasks.first { $0.taskId == id }
    }

    func integer(_ key: String) -> Int? {
        summary.integer(key)
    }
}

/// Collects diagnostics from the importer's handler.
final class DiagnosticSink: @unchecked Sendable {
    var items: [TraceDiagnostic] = []
}

/// The path of a trace fixture.
func traceFixture(_ name: String) -> String {
    Fixtures.fixture("traces/" + name)
}

/// Imports `inputs`, checks that the output is a valid workload (the rule
/// every import must satisfy) and reads it back.
func importTrace(
    _ format: TraceFormat, _ inputs: [String], options: TraceImportOptions = TraceImportOptions(),
    jobEvents: [String] = [], output: String? = nil
) throws -> ImportOutcome {
    let directory = TemporaryDirectory()
    let path = output ?? directory.file("out.workload.csv.gz")
    let importer = TraceImporter(format: format, inputs: inputs, output: path, options: options)
    importer.jobEventInputs = jobEvents
    let sink = DiagnosticSink()
    importer.diagnostics = { sink.items.append($0) }
    let summary = try importer.run()
    let (figures, issues) = try WorkloadValidator().validate(path: path)
    #expect(issues.isEmpty, "the import wrote an invalid workload: \(issues.prefix(3))")
    #expect(figures.tasks == summary.integer("tasks"))
    #expect(figures.dependencies == summary.integer("dependencies"))
    let reader = try WorkloadReader(path: path)
    var tasks: [WorkloadTask] = []
    while let task = try reader.next() { tasks.append(task) }
    return ImportOutcome(
        summary: summary, tasks: tasks, diagnostics: sink.items, outputBytes: Shell.contents(path) ?? [])
}

/// Options with a few fields changed.
func options(_ change: (inout TraceImportOptions) -> Void) -> TraceImportOptions {
    var options = TraceImportOptions()
    change(&options)
    return options
}

/// True when every task's dependencies appear on earlier lines.
func dependenciesPrecede(_ tasks: [WorkloadTask]) -> Bool {
    var seen = Set<String>()
    for task in tasks {
        guard task.dependencies.allSatisfy(seen.contains) else { return false }
        seen.insert(task.taskId)
    }
    return true
}

/// 64 GiB, the default machine memory.
let defaultMachineMemory: Int64 = 64 << 30
