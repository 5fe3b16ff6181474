import StreamingIO

/// Alibaba cluster-trace-v2017 `batch_task` → canonical tasks.
///
/// Columns: create_timestamp, modify (end) timestamp, job_id, task_id,
/// instance_num, status, plan_cpu (100 = 1 core, per instance), plan_mem
/// (normalised, 1.0 = one machine, per instance). A header line (which some
/// redistributed copies add) is recognised and skipped. Times <= 0 mean
/// "before the trace": such tasks arrive at 0 (or are dropped with
/// `--before-trace drop`). Rows are not sorted by time; the arrival sort
/// orders them.
final class Alibaba2017Reader: TraceFormatReader {
    enum Field {
        static let create = 0, end = 1, job = 2, task = 3, instances = 4, status = 5, planCPU = 6, planMemory = 7
        static let count = 8
    }

    let dialect = CSVDialect.comma
    private let context: ImportContext
    private let options: TraceImportOptions
    private let jobSet = UInt64Set()
    private let taskSet = UInt64Set(minimumCapacity: 1 << 14)
    private var sequence: UInt64 = 0
    private let jobIdBuilder = RecordBuilder(capacity: 64)
    private let taskIdBuilder = RecordBuilder(capacity: 64)

    private(set) var rows = 0
    private(set) var tasksSeen = 0
    var jobs: Int { jobSet.count }
    private var headerLines = 0
    private var duplicateTasks = 0
    private var tasksMissingPlan = 0
    private var endBeforeCreate = 0
    private var instanceNumberInvalid = 0
    private var instancesCapped = 0
    private var instancesExpanded = 0
    private var statusCounts: [String: Int] = [:]

    init(context: ImportContext) {
        self.context = context
        options = context.options
    }

    func read(_ csv: CSVReader) throws(TraceImportError) {
        var firstRecord = true
        while try csv.nextRow() {
            if firstRecord {
                firstRecord = false
                if csv.fieldCount > 0, case .failure = csv.withFieldBytes(0, { NumberParsing.int64($0) }) {
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
            throw csv.malformedRow("expected 8 fields (a v2017 batch_task row), found \(csv.fieldCount)")
        }
        let create = try csv.requiredInt64(Field.create, "create timestamp")
        let end = try csv.int64Field(Field.end)
        let job = try csv.requiredInt64(Field.job, "job_id")
        let task = try csv.requiredInt64(Field.task, "task_id")
        var instances = try csv.int64Field(Field.instances) ?? 0
        let planCPU = try csv.nonNegativeDouble(Field.planCPU, "plan_cpu")
        let planMemory = try csv.nonNegativeDouble(Field.planMemory, "plan_mem")
        let key = PairKey.make(job, task)
        guard taskSet.insert(key) else {
            duplicateTasks += 1
            throw csv.malformedRow("duplicate task (job_id \(job), task_id \(task))")
        }
        tasksSeen += 1
        jobSet.insert(UInt64(bitPattern: job))
        statusCounts[csv.string(Field.status), default: 0] += 1
        if instances < 1 {
            instanceNumberInvalid += 1
            instances = 1
        }
        if planCPU == nil || planMemory == nil { tasksMissingPlan += 1 }
        var runtime = Double.nan
        if let end, end >= create {
            runtime = Double(end) - Double(create)  // in doubles: extreme values cannot overflow
        } else {
            endBeforeCreate += 1
        }
        let beforeTrace = create <= 0
        let arrival = beforeTrace ? 0 : Double(create)
        let coresPerInstance = (planCPU ?? 100) / 100
        let memoryPerInstance = (planMemory ?? 0) * Double(options.machineMemoryBytes)
        jobIdBuilder.reset()
        Conversions.appendDecimal(job, to: jobIdBuilder)
        taskIdBuilder.reset()
        taskIdBuilder.appendRaw(jobIdBuilder.bytes)
        taskIdBuilder.append(UInt8(ascii: "/"))
        Conversions.appendDecimal(task, to: taskIdBuilder)
        let originKey = ByteFingerprint.of(jobIdBuilder.bytes)
        let flags: TaskRecordFlags = beforeTrace ? .beforeTrace : []
        let group = sequence
        sequence += 1
        if options.instances == .scale || instances == 1 {
            context.encoder.begin(
                TaskRecordHeader(
                    runtimeSeconds: runtime, cores: coresPerInstance * Double(instances),
                    memoryBytes: Conversions.nonNegativeInt64(memoryPerInstance * Double(instances)),
                    originKey: originKey, dependentCount: 0, flags: flags),
                jobId: jobIdBuilder.bytes, taskId: taskIdBuilder.bytes)
            try context.emit(arrivalSeconds: arrival, group: group, rank: 0)
            return
        }
        let expanded = min(instances, Int64(options.maximumInstancesPerTask))
        instancesCapped += Int(instances - expanded)
        instancesExpanded += Int(expanded)
        let prefixLength = taskIdBuilder.count
        for instance in 0..<expanded {
            taskIdBuilder.truncate(to: prefixLength)
            taskIdBuilder.append(UInt8(ascii: "/"))
            Conversions.appendDecimal(instance, to: taskIdBuilder)
            context.encoder.begin(
                TaskRecordHeader(
                    runtimeSeconds: runtime, cores: coresPerInstance,
                    memoryBytes: Conversions.nonNegativeInt64(memoryPerInstance), originKey: originKey,
                    dependentCount: 0, flags: flags),
                jobId: jobIdBuilder.bytes, taskId: taskIdBuilder.bytes)
            try context.emit(arrivalSeconds: arrival, group: group, rank: UInt64(instance))
        }
    }

    func finish() throws(TraceImportError) {}

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        [
            ("header_lines", .integer(headerLines)),
            ("duplicate_tasks", .integer(duplicateTasks)),
            ("tasks_missing_plan", .integer(tasksMissingPlan)),
            ("end_before_create", .integer(endBeforeCreate)),
            ("instance_num_invalid", .integer(instanceNumberInvalid)),
            ("instances_expanded", .integer(instancesExpanded)),
            ("instances_capped", .integer(instancesCapped)),
            ("status_counts", .textMap(statusCounts.mapValues { String($0) })),
        ]
    }
}
