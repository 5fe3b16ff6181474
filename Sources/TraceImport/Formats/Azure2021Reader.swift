import StreamingIO

/// Azure Functions invocation trace 2021 → canonical tasks.
///
/// Columns `app,func,end_timestamp,duration` (seconds; a header line is
/// recognised and skipped). Each invocation is a task that arrives at
/// end_timestamp − duration and runs for duration on one core; its job is the
/// function (`app/func`), and its id adds the data row number (`app/func/ROW`,
/// counted from 1 across all inputs), since a function is invoked many times.
/// Rows are not sorted; the arrival sort orders them within its memory budget.
final class Azure2021Reader: TraceFormatReader {
    enum Field {
        static let app = 0, function = 1, end = 2, duration = 3
        static let count = 4
    }

    let dialect = CSVDialect.comma
    private let context: ImportContext
    private let options: TraceImportOptions
    private let functionSet = UInt64Set()
    private let appSet = UInt64Set()
    private let jobIdBuilder = RecordBuilder(capacity: 256)
    private let taskIdBuilder = RecordBuilder(capacity: 256)
    private var previousEnd = -Double.infinity

    private(set) var rows = 0
    var tasksSeen: Int { tasks }
    var jobs: Int { functionSet.count }
    private var tasks = 0
    private var headerLines = 0
    private var rowsOutOfOrder = 0

    init(context: ImportContext) {
        self.context = context
        options = context.options
    }

    func read(_ csv: CSVReader) throws(TraceImportError) {
        var firstRecord = true
        while try csv.nextRow() {
            if firstRecord {
                firstRecord = false
                if csv.fieldCount > 0 && csv.fieldEquals(0, "app") {
                    headerLines += 1
                    continue
                }
            }
            rows += 1
            context.tick(rows: rows)
            do throws(TraceImportError) {
                try readRow(csv)
            } catch {
                try context.problems.handle(error)
            }
        }
    }

    private func readRow(_ csv: CSVReader) throws(TraceImportError) {
        guard csv.fieldCount == Field.count else {
            throw csv.malformedRow("expected 4 fields (app,func,end_timestamp,duration), found \(csv.fieldCount)")
        }
        guard !csv.isEmpty(Field.app), !csv.isEmpty(Field.function) else {
            throw csv.malformedRow("app and func must not be empty")
        }
        let end = try csv.requiredDouble(Field.end, "end_timestamp")
        guard let duration = try csv.nonNegativeDouble(Field.duration, "duration") else {
            throw csv.malformedRow("field 4: duration is empty", field: Field.duration)
        }
        if csv.withFieldBytes(Field.app, { ByteSearch.contains($0, UInt8(ascii: ";")) })
            || csv.withFieldBytes(Field.function, { ByteSearch.contains($0, UInt8(ascii: ";")) })
        {
            throw csv.malformedRow("app and func must not contain ';'")
        }
        guard csv.isText(Field.app), csv.isText(Field.function) else {
            throw csv.malformedRow("app and func must be UTF-8 text")
        }
        if end < previousEnd { rowsOutOfOrder += 1 }
        previousEnd = end
        tasks += 1
        jobIdBuilder.reset()
        csv.withFieldBytes(Field.app) { jobIdBuilder.appendRaw($0) }
        let appPrint = ByteFingerprint.of(jobIdBuilder.bytes)
        appSet.insert(appPrint)
        jobIdBuilder.append(UInt8(ascii: "/"))
        csv.withFieldBytes(Field.function) { jobIdBuilder.appendRaw($0) }
        let functionPrint = ByteFingerprint.of(jobIdBuilder.bytes)
        functionSet.insert(functionPrint)
        taskIdBuilder.reset()
        taskIdBuilder.appendRaw(jobIdBuilder.bytes)
        taskIdBuilder.append(UInt8(ascii: "/"))
        Conversions.appendDecimal(Int64(tasks), to: taskIdBuilder)
        let start = end - duration
        let beforeTrace = start < 0
        context.encoder.begin(
            TaskRecordHeader(
                runtimeSeconds: duration, cores: 1, memoryBytes: 0,
                originKey: options.originKey == .application ? appPrint : functionPrint,
                dependentCount: 0, flags: beforeTrace ? .beforeTrace : []),
            jobId: jobIdBuilder.bytes, taskId: taskIdBuilder.bytes)
        try context.emit(arrivalSeconds: beforeTrace ? 0 : start, group: UInt64(tasks), rank: 0)
    }

    func finish() throws(TraceImportError) {}

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        [
            ("header_lines", .integer(headerLines)),
            ("apps", .integer(appSet.count)),
            ("functions", .integer(functionSet.count)),
            ("rows_out_of_order", .integer(rowsOutOfOrder)),
        ]
    }
}
