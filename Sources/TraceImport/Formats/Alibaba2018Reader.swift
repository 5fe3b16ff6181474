import StreamingIO

/// Alibaba cluster-trace-v2018 `batch_task` (and optionally `batch_instance`)
/// → canonical tasks with their DAGs.
///
/// A job's DAG is only complete once all its rows are read, and the table is
/// not grouped by job, so rows are first staged through an external sort by
/// job (bounded memory), then assembled job by job (`Alibaba2018JobAssembler`:
/// DAG parsing, anomaly repair, topological order, arrival clamping, instance
/// expansion) into the arrival sort. Inputs with 9 fields per row are
/// batch_task, with 14 batch_instance; both may come as `.tar.gz`.
final class Alibaba2018Reader: TraceFormatReader {
    enum TaskField {
        static let name = 0, instances = 1, job = 2, type = 3, status = 4, start = 5, end = 6, cpu = 7, memory = 8
        static let count = 9
    }

    enum InstanceField {
        static let name = 0, task = 1, job = 2, type = 3, status = 4, start = 5, end = 6, machine = 7
        static let sequence = 8, total = 9, cpuAverage = 10, cpuMaximum = 11, memoryAverage = 12, memoryMaximum = 13
        static let count = 14
    }

    let dialect = CSVDialect.comma
    private let context: ImportContext
    private let grouping: ExternalSorter
    private let builder = RecordBuilder()
    private var files: [String] = []
    private var sequence: UInt64 = 0
    private var assembler: Alibaba2018JobAssembler

    private(set) var rows = 0
    private var taskRows = 0
    private var instanceRows = 0
    private var knownStatusCounts = [Int](repeating: 0, count: Alibaba2018Reader.statuses.count)
    private var otherStatusCounts: [String: Int] = [:]
    var tasksSeen: Int { assembler.counts.tasks }
    var jobs: Int { assembler.counts.jobs }
    var spilledRuns: Int { grouping.spilledRuns }

    init(context: ImportContext, groupingBudgetBytes: Int) {
        self.context = context
        grouping = ExternalSorter(
            memoryBudgetBytes: groupingBudgetBytes, temporaryDirectory: context.options.temporaryDirectory,
            label: "jobs")
        assembler = Alibaba2018JobAssembler(context: context)
    }

    func read(_ csv: CSVReader) throws(TraceImportError) {
        let fileIndex = UInt32(truncatingIfNeeded: files.count)
        files.append(csv.path)
        assembler.files = files
        while try csv.nextRow() {
            rows += 1
            context.tick(rows: rows)
            do throws(TraceImportError) {
                switch csv.fieldCount {
                case TaskField.count: try readTaskRow(csv, fileIndex: fileIndex)
                case InstanceField.count: try readInstanceRow(csv, fileIndex: fileIndex)
                default:
                    throw csv.malformedRow(
                        "expected 9 fields (a batch_task row) or 14 (a batch_instance row), found \(csv.fieldCount)")
                }
            } catch {
                try context.problems.handle(error)
            }
        }
    }

    /// A non-empty UTF-8 text field without `;` (borrowed until the next record).
    private func identifier(_ csv: CSVReader, _ field: Int, _ name: StaticString) throws(TraceImportError)
        -> UnsafeRawBufferPointer
    {
        let bytes = csv.fieldBytes(field)
        guard !bytes.isEmpty else { throw csv.malformedRow("field \(field + 1): \(name) is empty", field: field) }
        guard !ByteSearch.contains(bytes, UInt8(ascii: ";")) else {
            throw csv.malformedRow("field \(field + 1): \(name) must not contain ';'", field: field)
        }
        guard csv.isText(field) else {
            throw csv.malformedRow("field \(field + 1): \(name) is not UTF-8 text", field: field)
        }
        return bytes
    }

    private func readTaskRow(_ csv: CSVReader, fileIndex: UInt32) throws(TraceImportError) {
        let name = try identifier(csv, TaskField.name, "task_name")
        let job = try identifier(csv, TaskField.job, "job_name")
        let count = try csv.int64Field(TaskField.instances) ?? 0
        let start = try csv.requiredInt64(TaskField.start, "start_time")
        let end = try csv.int64Field(TaskField.end) ?? Int64.min
        let cpu = try csv.nonNegativeDouble(TaskField.cpu, "plan_cpu") ?? .nan
        let memory = try csv.nonNegativeDouble(TaskField.memory, "plan_mem") ?? .nan
        taskRows += 1
        countStatus(csv.fieldBytes(TaskField.status))
        Alibaba2018Staging.encodeTask(
            fileIndex: fileIndex, line: UInt32(truncatingIfNeeded: csv.lineNumber), instanceCount: max(count, 0),
            start: start, end: end, planCPU: cpu, planMemory: memory, name: name,
            taskType: csv.fieldBytes(TaskField.type), job: job, into: builder)
        try stage(Alibaba2018Staging.jobKey(job))
    }

    private func readInstanceRow(_ csv: CSVReader, fileIndex: UInt32) throws(TraceImportError) {
        let instance = try identifier(csv, InstanceField.name, "instance_name")
        let task = try identifier(csv, InstanceField.task, "task_name")
        let job = try identifier(csv, InstanceField.job, "job_name")
        let start = try csv.requiredInt64(InstanceField.start, "start_time")
        let end = try csv.int64Field(InstanceField.end) ?? Int64.min
        let sequenceNumber = try csv.int64Field(InstanceField.sequence) ?? 0
        let cpu = try csv.nonNegativeDouble(InstanceField.cpuAverage, "cpu_avg") ?? .nan
        let memory = try csv.nonNegativeDouble(InstanceField.memoryAverage, "mem_avg") ?? .nan
        let machine = csv.isEmpty(InstanceField.machine) ? 0 : ByteFingerprint.of(csv.fieldBytes(InstanceField.machine))
        instanceRows += 1
        Alibaba2018Staging.encodeInstance(
            fileIndex: fileIndex, line: UInt32(truncatingIfNeeded: csv.lineNumber), start: start, end: end,
            sequenceNumber: sequenceNumber, averageCPU: cpu, averageMemory: memory, machine: machine,
            taskName: task, instanceName: instance, job: job, into: builder)
        try stage(Alibaba2018Staging.jobKey(job))
    }

    /// Counts a status word; the documented ones without creating a `String`.
    private func countStatus(_ bytes: UnsafeRawBufferPointer) {
        for (index, word) in Self.statuses.enumerated() where bytes.elementsEqual(word.utf8) {
            knownStatusCounts[index] += 1
            return
        }
        otherStatusCounts[String(decoding: bytes, as: UTF8.self), default: 0] += 1
    }

    static let statuses = ["Terminated", "Failed", "Running", "Waiting", "Ready", "Cancelled", "Interrupted"]

    private func stage(_ key: (UInt64, UInt64)) throws(TraceImportError) {
        let (primary, secondary) = key
        try grouping.append(SortKey(primary: primary, secondary: secondary, tertiary: sequence), builder.bytes)
        sequence += 1
    }

    /// Assembles the jobs, in job-key order, into the arrival sort.
    func finish() throws(TraceImportError) {
        let stream = try grouping.finish()
        let job = Alibaba2018Job()
        var currentKey: (UInt64, UInt64)? = nil
        while try stream.next() {
            let key = (stream.key.primary, stream.key.secondary)
            let name = Alibaba2018Staging.jobName(stream.payload)
            if let current = currentKey, current != key || !job.bytes(job.name).elementsEqual(name) {
                try assembler.assemble(job)
                currentKey = nil
            }
            if currentKey == nil {
                job.reset(name: name)
                currentKey = key
            }
            Alibaba2018Staging.decode(stream.payload, into: job)
        }
        if currentKey != nil { try assembler.assemble(job) }
    }

    private func statusCounts() -> [String: String] {
        var counts = otherStatusCounts.mapValues { String($0) }
        for (index, word) in Self.statuses.enumerated() where knownStatusCounts[index] > 0 {
            counts[word] = String(knownStatusCounts[index])
        }
        return counts
    }

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        [
            ("task_rows", .integer(taskRows)),
            ("instance_rows", .integer(instanceRows)),
        ] + assembler.counts.summaryEntries() + [
            ("status_counts", .textMap(statusCounts())),
        ]
    }
}
