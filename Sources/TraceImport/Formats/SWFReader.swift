import StreamingIO

/// Standard Workload Format (Parallel Workloads Archive) → canonical tasks.
///
/// Each job line (18 whitespace-separated fields, -1 = unknown) is a task
/// that arrives at its submit time and runs `run time` seconds on its
/// allocated processors (else the requested ones, else 1); memory is used
/// memory (else requested memory) KB per processor. Field 17 (preceding job)
/// becomes a dependency: the dependent task belongs to the same canonical job
/// as its predecessor (the first job of the chain) and never arrives before
/// it. Think time (field 18) has no canonical equivalent and is only counted.
/// `; Key: value` header comments are reported in the summary.
final class SWFReader: TraceFormatReader {
    enum Field {
        static let job = 0, submit = 1, wait = 2, run = 3, allocated = 4, averageCPU = 5, usedMemory = 6
        static let requested = 7, requestedTime = 8, requestedMemory = 9, status = 10, user = 11, group = 12
        static let executable = 13, queue = 14, partition = 15, preceding = 16, think = 17
        static let count = 18
    }

    private struct KnownJob {
        var arrivalSeconds: Double
        var root: Int64
    }

    let dialect = CSVDialect(separator: .whitespace, allowsQuotes: false)
    private let context: ImportContext
    private let options: TraceImportOptions
    private var known: [Int64: KnownJob] = [:]
    private var header = SWFHeader()
    private var sequence: UInt64 = 0
    private let jobIdBuilder = RecordBuilder(capacity: 32)
    private let taskIdBuilder = RecordBuilder(capacity: 32)
    private let dependencyBuilder = RecordBuilder(capacity: 32)

    private(set) var rows = 0
    private(set) var tasksSeen = 0
    private(set) var jobs = 0
    private var commentLines = 0
    private var duplicateJobs = 0
    private var dependenciesMissing = 0
    private var arrivalsClamped = 0
    private var thinkTimes = 0
    private var processorsUnknown = 0
    private var memoryUnknown = 0
    private var statusCounts: [Int64: Int] = [:]

    init(context: ImportContext) {
        self.context = context
        options = context.options
    }

    func read(_ csv: CSVReader) throws(TraceImportError) {
        while try csv.nextRow() {
            if csv.fieldCount > 0 && csv.withFieldBytes(0, { $0.first == UInt8(ascii: ";") }) {
                commentLines += 1
                header.add(commentLine: csv.recordText)
                continue
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
            throw csv.malformedRow("expected 18 whitespace-separated fields (an SWF job line), found \(csv.fieldCount)")
        }
        let job = try csv.requiredInt64(Field.job, "job number")
        let submit = try csv.requiredDouble(Field.submit, "submit time")
        guard submit >= 0 else { throw csv.malformedRow("field 2: submit time must be >= 0", field: Field.submit) }
        let run = try csv.requiredDouble(Field.run, "run time")
        let allocated = try csv.requiredInt64(Field.allocated, "allocated processors")
        let usedMemory = try csv.requiredDouble(Field.usedMemory, "used memory")
        let requested = try csv.requiredInt64(Field.requested, "requested processors")
        let requestedMemory = try csv.requiredDouble(Field.requestedMemory, "requested memory")
        let status = try csv.requiredInt64(Field.status, "status")
        let preceding = try csv.requiredInt64(Field.preceding, "preceding job number")
        let think = try csv.requiredDouble(Field.think, "think time")
        guard known[job] == nil else {
            duplicateJobs += 1
            throw csv.malformedRow("duplicate job number \(job)", field: Field.job)
        }
        tasksSeen += 1
        statusCounts[status, default: 0] += 1

        var processors = allocated > 0 ? allocated : requested
        if processors <= 0 {
            processors = 1
            processorsUnknown += 1
        }
        let memoryKilobytes = usedMemory >= 0 ? usedMemory : requestedMemory
        if memoryKilobytes < 0 { memoryUnknown += 1 }
        let memory = Conversions.nonNegativeInt64(max(memoryKilobytes, 0) * 1024 * Double(processors))

        var arrival = submit
        var root = job
        var predecessor: Int64? = nil
        if preceding > 0 {
            if let previous = known[preceding] {
                predecessor = preceding
                root = previous.root
                if previous.arrivalSeconds > arrival {
                    arrival = previous.arrivalSeconds
                    arrivalsClamped += 1
                }
                if think >= 0 { thinkTimes += 1 }
            } else {
                dependenciesMissing += 1
                context.problems.repaired(
                    csv.location(field: Field.preceding),
                    "job \(job): preceding job \(preceding) is not an earlier job of the log; dependency dropped")
            }
        }
        if root == job { jobs += 1 }
        known[job] = KnownJob(arrivalSeconds: arrival, root: root)

        jobIdBuilder.reset()
        Conversions.appendDecimal(root, to: jobIdBuilder)
        taskIdBuilder.reset()
        Conversions.appendDecimal(job, to: taskIdBuilder)
        let originKey: UInt64
        switch options.originKey {
        case .user: originKey = try attribute(csv, Field.user)
        case .group: originKey = try attribute(csv, Field.group)
        case .executable: originKey = try attribute(csv, Field.executable)
        case .queue: originKey = try attribute(csv, Field.queue)
        case .partition: originKey = try attribute(csv, Field.partition)
        default: originKey = ByteFingerprint.of(jobIdBuilder.bytes)
        }
        context.encoder.begin(
            TaskRecordHeader(
                runtimeSeconds: run >= 0 ? run : .nan, cores: Double(processors), memoryBytes: memory,
                originKey: originKey, dependentCount: TaskRecordHeader.unknownDependents, flags: .dagMember),
            jobId: jobIdBuilder.bytes, taskId: taskIdBuilder.bytes)
        if let predecessor {
            dependencyBuilder.reset()
            Conversions.appendDecimal(predecessor, to: dependencyBuilder)
            context.encoder.appendDependency(dependencyBuilder.bytes)
        }
        try context.emit(arrivalSeconds: arrival, group: sequence, rank: 0)
        sequence += 1
    }

    private func attribute(_ csv: CSVReader, _ field: Int) throws(TraceImportError) -> UInt64 {
        ByteFingerprint.of(try csv.requiredInt64(field, "attribute"))
    }

    func finish() throws(TraceImportError) {}

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        var headerMap: [String: String] = [:]
        for (key, value) in header.fields { headerMap[key] = value }
        let unixStart = header.value("UnixStartTime").flatMap { Int($0) }
        return [
            ("comment_lines", .integer(commentLines)),
            ("duplicate_jobs", .integer(duplicateJobs)),
            ("dependencies_missing", .integer(dependenciesMissing)),
            ("arrivals_clamped", .integer(arrivalsClamped)),
            ("think_times_ignored", .integer(thinkTimes)),
            ("processors_unknown", .integer(processorsUnknown)),
            ("memory_unknown", .integer(memoryUnknown)),
            ("status_counts", .textMap(Dictionary(uniqueKeysWithValues: statusCounts.map { ("\($0.key)", "\($0.value)") }))),
            ("unix_start_time", unixStart.map { .integer($0) } ?? .null),
            ("header", .textMap(headerMap)),
        ]
    }
}
