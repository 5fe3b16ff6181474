import StreamingIO

/// Google clusterdata-2011-2 `task_events` → canonical tasks.
///
/// A task is (job ID, task index). It arrives at its first SUBMIT, runs from
/// the SCHEDULE that starts its final attempt to its terminal event (FINISH,
/// or the events in `--terminal-events`), and needs CPU request × cores and
/// memory request × machine memory (the latest non-empty requests). Rows are
/// time-ordered, but a task is only known at its terminal event: completed
/// tasks go into the arrival sort keyed by (first SUBMIT time, SUBMIT order).
/// Open tasks (including ones whose attempt ended without completing them,
/// which may be resubmitted) are kept in a table; completed tasks cost one bit,
/// so that events after completion (a resubmission) never produce a duplicate.
final class Google2011Reader: TraceFormatReader {
    enum Field {
        static let time = 0, missingInfo = 1, job = 2, index = 3, machine = 4, event = 5, user = 6
        static let schedulingClass = 7, priority = 8, cpu = 9, memory = 10, disk = 11, constraint = 12
        static let count = 13
    }

    /// Google's marker for "after the end of the trace window".
    static let afterTrace = Int64.max

    let dialect = CSVDialect(separator: .byte(UInt8(ascii: ",")), allowsQuotes: false, commentPrefix: UInt8(ascii: "#"))
    private let context: ImportContext
    private let options: TraceImportOptions
    private let table = Google2011TaskTable()
    private var logicalJobs: [Int64: UInt64] = [:]
    private var submitSequence: UInt64 = 0
    private let jobIdBuilder = RecordBuilder(capacity: 64)
    private let taskIdBuilder = RecordBuilder(capacity: 64)
    private let needsUser: Bool
    private let needsMachine: Bool

    private(set) var rows = 0
    private(set) var tasksSeen = 0
    var jobs: Int { table.jobCount }
    /// Rows per event type 0...8 (manually managed: updated on every row).
    private let eventCounts: UnsafeMutablePointer<Int> = {
        let counts = UnsafeMutablePointer<Int>.allocate(capacity: 9)
        counts.initialize(repeating: 0, count: 9)
        return counts
    }()
    private var rowsTimeZero = 0
    private var rowsAfterTrace = 0
    private var rowsWithoutSubmit = 0
    private var eventsAfterCompletion = 0
    private var tasksResubmitted = 0
    private var tasksCompleted = 0
    private var tasksMissingRequest = 0
    private var tasksIncomplete = 0
    private var endedOtherwise = [Int](repeating: 0, count: 7)
    private var jobEventRows = 0
    private var jobEventJobs = 0

    deinit {
        eventCounts.deallocate()
    }

    init(context: ImportContext) {
        self.context = context
        options = context.options
        needsUser = options.origins == .hash && options.originKey == .user
        needsMachine = options.origins == .hash && options.originKey == .machine
    }

    // MARK: - job_events

    /// Reads a `job_events` file (8 columns): the logical job name of each job.
    func readJobEvents(_ csv: CSVReader) throws(TraceImportError) {
        while try csv.nextRow() {
            jobEventRows += 1
            do throws(TraceImportError) {
                guard csv.fieldCount == 8 else {
                    throw csv.malformedRow("expected 8 fields (a job_events row), found \(csv.fieldCount)")
                }
                let job = try csv.requiredInt64(2, "job ID")
                if !csv.isEmpty(7), logicalJobs[job] == nil {
                    logicalJobs[job] = csv.withFieldBytes(7) { ByteFingerprint.of($0) }
                    jobEventJobs += 1
                }
            } catch {
                try context.problems.handle(error)
            }
        }
    }

    // MARK: - task_events

    func read(_ csv: CSVReader) throws(TraceImportError) {
        while try csv.nextRow() {
            rows += 1
            context.tick(rows: rows)
            do throws(TraceImportError) {
                try readRow(csv)
            } catch {
                try context.problems.handle(error)
            }
        }
    }

    @inline(__always)
    private func readRow(_ csv: CSVReader) throws(TraceImportError) {
        guard csv.fieldCount == Field.count else {
            throw csv.malformedRow("expected 13 fields (a task_events row), found \(csv.fieldCount)")
        }
        let time = try csv.requiredInt64(Field.time, "time")
        let job = try csv.requiredInt64(Field.job, "job ID")
        let index = try csv.requiredInt64(Field.index, "task index")
        let eventValue = try csv.requiredInt64(Field.event, "event type")
        guard eventValue >= 0, eventValue <= 8 else {
            throw csv.malformedRow("field 6: event type must be 0...8, found \(eventValue)", field: Field.event)
        }
        guard time >= 0 else { throw csv.malformedRow("field 1: time must be >= 0", field: Field.time) }
        guard index >= 0 && index < Google2011TaskTable.maximumTaskIndex else {
            throw csv.malformedRow(
                "field 4: task index must be 0...\(Google2011TaskTable.maximumTaskIndex - 1), found \(index)",
                field: Field.index)
        }
        let event = Int(eventValue)
        eventCounts[event] += 1
        if time == 0 { rowsTimeZero += 1 }
        if time == Self.afterTrace { rowsAfterTrace += 1 }
        let jobNumber = table.job(job)
        let taskIndex = Int(index)
        guard let stateIndex = table.find(job: jobNumber, index: taskIndex) else {
            if table.isFinished(job: jobNumber, index: taskIndex) {
                eventsAfterCompletion += 1
            } else if event == 0 {
                try submitNew(csv, jobNumber: jobNumber, job: job, index: index, time: time)
            } else {
                rowsWithoutSubmit += 1
            }
            return
        }
        let state = table.state(stateIndex)
        switch event {
        case 0:  // SUBMIT again: a resubmission after an attempt ended.
            tasksResubmitted += 1
            state.pointee.scheduleMicros = -1
            try updateRequests(csv, state)
        case 1:  // SCHEDULE: a new attempt starts.
            state.pointee.scheduleMicros = time == Self.afterTrace ? -1 : time
            if needsMachine, let machine = try csv.int64Field(Field.machine) {
                state.pointee.originKey = ByteFingerprint.of(machine)
            }
            try updateRequests(csv, state)
        case 7, 8:  // UPDATE_PENDING, UPDATE_RUNNING: requests may change.
            try updateRequests(csv, state)
        default:  // 2 EVICT, 3 FAIL, 4 FINISH, 5 KILL, 6 LOST: the attempt ends.
            if options.terminalEvents.contains(eventType: event) {
                let completed = state.pointee
                table.complete(job: jobNumber, index: taskIndex)
                try complete(completed, endMicros: time)
            } else {
                state.pointee.scheduleMicros = -1
                state.pointee.lastEnd = UInt8(event)
            }
        }
    }

    private func submitNew(
        _ csv: CSVReader, jobNumber: Int, job: Int64, index: Int64, time: Int64
    ) throws(TraceImportError) {
        tasksSeen += 1
        var originKey: UInt64 = 0
        if needsUser { originKey = csv.withFieldBytes(Field.user) { ByteFingerprint.of($0) } }
        let stateIndex = table.insert(job: jobNumber, index: Int(index), Google2011TaskTable.State(
            job: job, index: index, arrivalMicros: time, submitSequence: submitSequence, scheduleMicros: -1,
            cpuRequest: 0, memoryRequest: 0, originKey: originKey, lastEnd: 0, hasRequest: false))
        submitSequence += 1
        try updateRequests(csv, table.state(stateIndex))
    }

    @inline(__always)
    private func updateRequests(
        _ csv: CSVReader, _ state: UnsafeMutablePointer<Google2011TaskTable.State>
    ) throws(TraceImportError) {
        if let cpu = try csv.nonNegativeDouble(Field.cpu, "CPU request") {
            state.pointee.cpuRequest = cpu
            state.pointee.hasRequest = true
        }
        if let memory = try csv.nonNegativeDouble(Field.memory, "memory request") {
            state.pointee.memoryRequest = memory
        }
    }

    private func complete(_ state: Google2011TaskTable.State, endMicros: Int64) throws(TraceImportError) {
        tasksCompleted += 1
        var runtime = Double.nan
        if state.scheduleMicros >= 0 && endMicros != Self.afterTrace && endMicros >= state.scheduleMicros {
            runtime = Double(endMicros - state.scheduleMicros) / 1e6
        }
        try emit(state, runtimeSeconds: runtime)
    }

    private func emit(_ state: Google2011TaskTable.State, runtimeSeconds: Double) throws(TraceImportError) {
        if !state.hasRequest { tasksMissingRequest += 1 }
        jobIdBuilder.reset()
        Conversions.appendDecimal(state.job, to: jobIdBuilder)
        taskIdBuilder.reset()
        taskIdBuilder.appendRaw(jobIdBuilder.bytes)
        taskIdBuilder.append(UInt8(ascii: "/"))
        Conversions.appendDecimal(state.index, to: taskIdBuilder)
        let originKey: UInt64
        switch options.originKey {
        case .user, .machine: originKey = state.originKey != 0 ? state.originKey : ByteFingerprint.of(jobIdBuilder.bytes)
        case .logicalJob: originKey = logicalJobs[state.job] ?? ByteFingerprint.of(jobIdBuilder.bytes)
        default: originKey = ByteFingerprint.of(jobIdBuilder.bytes)
        }
        let memory = Conversions.nonNegativeInt64(state.memoryRequest * Double(options.machineMemoryBytes))
        context.encoder.begin(
            TaskRecordHeader(
                runtimeSeconds: runtimeSeconds, cores: state.cpuRequest, memoryBytes: memory, originKey: originKey,
                dependentCount: 0, flags: state.arrivalMicros == 0 ? .beforeTrace : []),
            jobId: jobIdBuilder.bytes, taskId: taskIdBuilder.bytes)
        try context.emit(arrivalSeconds: Double(state.arrivalMicros) / 1e6, group: state.submitSequence, rank: 0)
    }

    /// Tasks still open: pending or running ones are incomplete (runtime
    /// unknown, handled by `--unknown-runtime`); ones whose last attempt ended
    /// with a non-terminal event are counted by that event and left out.
    func finish() throws(TraceImportError) {
        try table.forEachOpen { (state) throws(TraceImportError) in
            if state.lastEnd != 0 && state.scheduleMicros < 0 {
                endedOtherwise[Int(state.lastEnd)] += 1
                return
            }
            tasksIncomplete += 1
            try emit(state, runtimeSeconds: .nan)
        }
    }

    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        let names = ["submit", "schedule", "evict", "fail", "finish", "kill", "lost", "update_pending", "update_running"]
        var entries: [(String, TraceImportSummary.Value)] = [
            ("tasks_completed", .integer(tasksCompleted)),
            ("tasks_incomplete", .integer(tasksIncomplete)),
            ("tasks_ended_evict", .integer(endedOtherwise[2])),
            ("tasks_ended_fail", .integer(endedOtherwise[3])),
            ("tasks_ended_finish", .integer(endedOtherwise[4])),
            ("tasks_ended_kill", .integer(endedOtherwise[5])),
            ("tasks_ended_lost", .integer(endedOtherwise[6])),
            ("tasks_resubmitted", .integer(tasksResubmitted)),
            ("tasks_missing_request", .integer(tasksMissingRequest)),
            ("rows_without_submit", .integer(rowsWithoutSubmit)),
            ("events_after_completion", .integer(eventsAfterCompletion)),
            ("rows_time_zero", .integer(rowsTimeZero)),
            ("rows_after_trace", .integer(rowsAfterTrace)),
            ("job_events_rows", .integer(jobEventRows)),
            ("job_events_jobs", .integer(jobEventJobs)),
        ]
        for (event, name) in names.enumerated() { entries.append(("events_\(name)", .integer(eventCounts[event]))) }
        return entries
    }
}
