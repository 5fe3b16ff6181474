import StreamingIO

/// What format readers share: options, the problem log, the arrival sort and
/// a reused record encoder.
final class ImportContext {
    let options: TraceImportOptions
    let problems: ProblemLog
    let arrivals: ExternalSorter
    let encoder = TaskRecordEncoder()
    private let progressHandler: ((TraceImportProgress) -> Void)?
    private let storedBytesTotal: Int64?
    private var storedBytesFinished: Int64 = 0
    private var currentInput: TraceInput?
    private var rowsAtLastTick = 0

    init(
        options: TraceImportOptions, problems: ProblemLog, storedBytesTotal: Int64?,
        progress: ((TraceImportProgress) -> Void)?, sortMemoryBytes: Int
    ) {
        self.options = options
        self.problems = problems
        self.storedBytesTotal = storedBytesTotal
        progressHandler = progress
        arrivals = ExternalSorter(
            memoryBudgetBytes: sortMemoryBytes, temporaryDirectory: options.temporaryDirectory, label: "arrivals")
    }

    /// Records that a reader already knows will be dropped (counted the way
    /// the assembler would count them), so they are never sorted.
    struct EarlyDrops {
        var beforeTrace = 0
        var droppedBeforeTrace = 0
        var runtimeUnknown = 0
        var droppedRuntimeUnknown = 0
    }

    private(set) var earlyDrops = EarlyDrops()

    /// Appends the record in `encoder` to the arrival sort, unless the options
    /// drop it whatever happens to other tasks (standalone tasks from before
    /// the trace with `--before-trace drop`, or without a runtime with
    /// `--unknown-runtime drop`): those are only counted.
    @inline(__always)
    func emit(arrivalSeconds: Double, group: UInt64, rank: UInt64) throws(TraceImportError) {
        if encoder.isStandalone {
            let beforeTrace = encoder.flags.contains(.beforeTrace)
            if beforeTrace && options.beforeTrace == .drop {
                earlyDrops.beforeTrace += 1
                earlyDrops.droppedBeforeTrace += 1
                return
            }
            if encoder.runtimeSeconds.isNaN && options.unknownRuntime == .drop {
                if beforeTrace { earlyDrops.beforeTrace += 1 }
                earlyDrops.runtimeUnknown += 1
                earlyDrops.droppedRuntimeUnknown += 1
                return
            }
        }
        try arrivals.append(SortKey(arrivalSeconds: arrivalSeconds, group: group, rank: rank), encoder.bytes)
    }

    // MARK: - Progress

    func beginInput(_ input: TraceInput) {
        currentInput = input
    }

    func endInput(_ input: TraceInput) {
        storedBytesFinished += input.storedSizeBytes ?? input.storedBytesConsumed
        currentInput = nil
    }

    /// Reports progress every 64 Ki rows (cheap enough to call on every row).
    @inline(__always)
    func tick(rows: Int) {
        guard progressHandler != nil, rows &- rowsAtLastTick >= 65_536 else { return }
        rowsAtLastTick = rows
        report(rows: rows)
    }

    func report(
        rows: Int, phase: TraceImportProgress.Phase = .reading, tasksWritten: Int = 0, recordsMerged: Int = 0
    ) {
        guard let progressHandler else { return }
        let read = storedBytesFinished + (currentInput?.storedBytesConsumed ?? 0)
        progressHandler(TraceImportProgress(
            phase: phase, storedBytesRead: read, storedBytesTotal: storedBytesTotal, rows: rows,
            tasksWritten: tasksWritten, recordsMerged: recordsMerged, recordsTotal: arrivals.recordCount))
    }

    /// Whether anyone listens to progress (so writers can skip the bookkeeping).
    var reportsProgress: Bool { progressHandler != nil }
}
