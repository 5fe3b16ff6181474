import ScenarioModel
import StreamingIO

/// The last stage of an import: takes task records in arrival order and
/// writes the canonical workload, applying every mapping option that depends
/// on output order (time window and origin, sampling, thinning and
/// replication, the task limit, byte counts, deadlines, origins).
///
/// Dependencies stay valid whatever is filtered: a dependency on a task that
/// was not written is dropped (and counted). To know that with bounded memory,
/// a task with dependents is remembered only until its last dependent has
/// been seen.
final class WorkloadAssembler {
    private struct PendingTask {
        var written: Bool
        var remainingDependents: UInt32
    }

    /// Generator streams, one per kind of decision, so adding draws to one never shifts another.
    private enum Stream: UInt64 {
        case sample = 1, rate, inputBytes, outputBytes, origins
    }

    private let options: TraceImportOptions
    private let writer: WorkloadWriter
    private var pending: [UInt64: PendingTask] = [:]
    private var inputBytesGenerator: SeededGenerator
    private var outputBytesGenerator: SeededGenerator
    private var originGenerator: SeededGenerator
    private var originSeconds: Double?
    private var roundRobinNext = 0
    private var keptDependencies: [UnsafeRawBufferPointer] = []
    private let nodeNames: [[UInt8]]
    /// Reused buffers for the text fields of the row being written.
    private let taskIdBytes = RecordBuilder(capacity: 256)
    private let jobIdBytes = RecordBuilder(capacity: 256)
    private let dependencyBytes = RecordBuilder(capacity: 1024)

    // MARK: - Counts

    private(set) var tasksWritten = 0
    private(set) var dependenciesWritten = 0
    private(set) var dependenciesDropped = 0
    private(set) var replicasWritten = 0
    private(set) var tasksBeforeTrace = 0
    private(set) var droppedBeforeTrace = 0
    private(set) var tasksRuntimeUnknown = 0
    private(set) var droppedRuntimeUnknown = 0
    private(set) var droppedWindow = 0
    private(set) var droppedSample = 0
    private(set) var droppedRate = 0
    private(set) var droppedLimit = 0
    private(set) var arrivalsClampedToZero = 0
    private(set) var firstArrivalSeconds: Double?
    private(set) var lastArrivalSeconds: Double?

    private let arrivalTicksPerSecond: Double?

    init(options: TraceImportOptions, format: TraceFormat, writer: WorkloadWriter) {
        self.options = options
        arrivalTicksPerSecond = format.arrivalTicksPerSecond
        nodeNames = options.originNodes.map { Array($0.utf8) }
        self.writer = writer
        inputBytesGenerator = SeededGenerator(seed: options.seed, stream: Stream.inputBytes.rawValue)
        outputBytesGenerator = SeededGenerator(seed: options.seed, stream: Stream.outputBytes.rawValue)
        originGenerator = SeededGenerator(seed: options.seed, stream: Stream.origins.rawValue)
        switch options.timeOrigin {
        case .firstArrival: originSeconds = nil
        case .trace: originSeconds = 0
        case .seconds(let value): originSeconds = value
        }
    }

    /// Writes every record of `stream`, calling `progress` with the records
    /// merged so far every 64 Ki records.
    ///
    /// - Throws: `.output` when the workload cannot be written, `.io` when a sort run cannot be read.
    func consume(_ stream: SortedStream, progress: ((Int) -> Void)? = nil) throws(TraceImportError) {
        var merged = 0
        while try stream.next() {
            try consume(arrivalSeconds: stream.key.arrivalSeconds, record: TaskRecordView(stream.payload))
            merged += 1
            if merged & 0xFFFF == 0, let progress { progress(merged) }
        }
    }

    private func consume(arrivalSeconds: Double, record: TaskRecordView) throws(TraceImportError) {
        let header = record.header
        taskIdBytes.reset()
        record.appendTaskId(to: taskIdBytes)
        let taskId = taskIdBytes.bytes
        var copies = 1
        var runtime = header.runtimeSeconds
        if header.flags.contains(.beforeTrace) {
            tasksBeforeTrace += 1
            if options.beforeTrace == .drop {
                copies = 0
                droppedBeforeTrace += 1
            }
        }
        if copies > 0 && runtime.isNaN {
            tasksRuntimeUnknown += 1
            switch options.unknownRuntime {
            case .drop:
                copies = 0
                droppedRuntimeUnknown += 1
            case .seconds(let value):
                runtime = value
            }
        }
        if copies > 0 {
            if let start = options.windowStartSeconds, arrivalSeconds < start { copies = 0 }
            if let end = options.windowEndSeconds, arrivalSeconds >= end { copies = 0 }
            if copies == 0 { droppedWindow += 1 }
        }
        if copies > 0 && options.sampleFraction < 1 {
            let job = ByteFingerprint.of(record.jobId)
            var generator = SeededGenerator(seed: options.seed, stream: ByteFingerprint.combine(job, Stream.sample.rawValue))
            if generator.nextUnitInterval() >= options.sampleFraction {
                copies = 0
                droppedSample += 1
            }
        }
        if copies > 0 && options.rateFactor != 1 {
            // DAG members decide per job so that a DAG is kept or copied whole.
            let unit = header.flags.contains(.dagMember) ? record.jobId : taskId
            var generator = SeededGenerator(
                seed: options.seed, stream: ByteFingerprint.combine(ByteFingerprint.of(unit), Stream.rate.rawValue))
            let whole = options.rateFactor.rounded(.down)
            copies = Int(whole) + (generator.nextUnitInterval() < options.rateFactor - whole ? 1 : 0)
            if copies == 0 { droppedRate += 1 }
        }
        if copies > 0, let limit = options.maximumTasks, tasksWritten >= limit {
            copies = 0
            droppedLimit += 1
        }

        // Dependencies: keep those on written tasks, release bookkeeping either way.
        keptDependencies.removeAll(keepingCapacity: true)
        record.forEachDependency { dependency in
            let print = ByteFingerprint.of(dependency)
            guard var entry = pending[print] else {
                if copies > 0 { dependenciesDropped += 1 }
                return
            }
            if copies > 0 {
                if entry.written { keptDependencies.append(dependency) } else { dependenciesDropped += 1 }
            }
            if entry.remainingDependents != TaskRecordHeader.unknownDependents {
                entry.remainingDependents -= 1
                if entry.remainingDependents == 0 {
                    pending.removeValue(forKey: print)
                    return
                }
            }
            pending[print] = entry
        }
        if header.dependentCount > 0 {
            pending[ByteFingerprint.of(taskId)] = PendingTask(
                written: copies > 0, remainingDependents: header.dependentCount)
        }
        guard copies > 0 else { return }
        try write(record, arrivalSeconds: arrivalSeconds, runtime: runtime, copies: copies)
    }

    private func write(
        _ record: TaskRecordView, arrivalSeconds: Double, runtime: Double, copies: Int
    ) throws(TraceImportError) {
        let header = record.header
        let zero = originSeconds ?? arrivalSeconds
        originSeconds = zero
        var arrival = arrivalSeconds - zero
        if let ticks = arrivalTicksPerSecond, arrival != 0 {
            // Dividing an integer by the tick rate gives the double nearest to the decimal value.
            arrival = (arrival * ticks).rounded() / ticks
        }
        arrival *= options.timeScale
        if arrival < 0 {
            arrival = 0
            arrivalsClampedToZero += 1
        }
        let instructions = Conversions.nonNegativeInt64(runtime * header.cores * options.mipsPerCore * 1e6)
        let deadline = options.deadline.deadline(runtimeSeconds: runtime)
        let idLength = taskIdBytes.count
        for replica in 0..<copies {
            if let limit = options.maximumTasks, tasksWritten >= limit {
                droppedLimit += 1
                return
            }
            // Copies k >= 1 append "#k" to the task, job and dependency ids.
            taskIdBytes.truncate(to: idLength)
            jobIdBytes.reset()
            jobIdBytes.appendRaw(record.jobId)
            dependencyBytes.reset()
            for (index, dependency) in keptDependencies.enumerated() {
                if index > 0 { dependencyBytes.append(UInt8(ascii: ";")) }
                dependencyBytes.appendRaw(dependency)
                if replica > 0 { appendSuffix(replica, to: dependencyBytes) }
            }
            if replica > 0 {
                appendSuffix(replica, to: taskIdBytes)
                appendSuffix(replica, to: jobIdBytes)
            }
            let node = originNode(for: header.originKey, replica: replica)
            let inputBytes = options.inputBytes.draw(using: &inputBytesGenerator)
            let outputBytes = options.outputBytes.draw(using: &outputBytesGenerator)
            try TraceImportError.catching {
                try appendRow(
                    arrival: arrival, node: node, instructions: instructions, inputBytes: inputBytes,
                    outputBytes: outputBytes, memoryBytes: header.memoryBytes, deadline: deadline)
            }
            tasksWritten += 1
            dependenciesWritten += keptDependencies.count
            if replica > 0 { replicasWritten += 1 }
            if firstArrivalSeconds == nil { firstArrivalSeconds = arrival }
            lastArrivalSeconds = arrival
        }
    }

    private func appendRow(
        arrival: Double, node: Int?, instructions: Int64, inputBytes: Int64, outputBytes: Int64,
        memoryBytes: Int64, deadline: Double?
    ) throws(ScenarioError) {
        let write = { (origin: UnsafeRawBufferPointer?) throws(ScenarioError) in
            try self.writer.appendEncoded(
                taskId: self.taskIdBytes.bytes, jobId: self.jobIdBytes.bytes, arrivalSeconds: arrival, origin: origin,
                instructions: instructions, inputBytes: inputBytes, outputBytes: outputBytes,
                memoryBytes: memoryBytes, relativeDeadlineSeconds: deadline,
                dependencies: self.dependencyBytes.bytes)
        }
        guard let node else {
            try write(nil)
            return
        }
        let result: Result<Void, ScenarioError> = nodeNames[node].withUnsafeBytes { bytes in
            do throws(ScenarioError) {
                try write(bytes)
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    private func appendSuffix(_ replica: Int, to builder: RecordBuilder) {
        builder.append(UInt8(ascii: "#"))
        Conversions.appendDecimal(Int64(replica), to: builder)
    }

    /// The index of the task's origin node, or nil for none.
    private func originNode(for key: UInt64, replica: Int) -> Int? {
        guard !nodeNames.isEmpty else { return nil }
        let count = UInt64(nodeNames.count)
        switch options.origins {
        case .none:
            return nil
        case .hash:
            let print = replica == 0 ? key : ByteFingerprint.combine(key, UInt64(replica))
            return Int(print.multipliedFullWidth(by: count).high)
        case .roundRobin:
            defer { roundRobinNext = (roundRobinNext + 1) % nodeNames.count }
            return roundRobinNext
        case .random:
            return Int(originGenerator.next().multipliedFullWidth(by: count).high)
        }
    }

    /// Adds the counts of records the readers dropped before sorting.
    func add(_ early: ImportContext.EarlyDrops) {
        tasksBeforeTrace += early.beforeTrace
        droppedBeforeTrace += early.droppedBeforeTrace
        tasksRuntimeUnknown += early.runtimeUnknown
        droppedRuntimeUnknown += early.droppedRuntimeUnknown
    }

    /// The mapping counts, in report order.
    func summaryEntries() -> [(String, TraceImportSummary.Value)] {
        [
            ("tasks_replicas", .integer(replicasWritten)),
            ("tasks_before_trace", .integer(tasksBeforeTrace)),
            ("tasks_runtime_unknown", .integer(tasksRuntimeUnknown)),
            ("tasks_dropped_before_trace", .integer(droppedBeforeTrace)),
            ("tasks_dropped_runtime_unknown", .integer(droppedRuntimeUnknown)),
            ("tasks_dropped_window", .integer(droppedWindow)),
            ("tasks_dropped_sample", .integer(droppedSample)),
            ("tasks_dropped_rate", .integer(droppedRate)),
            ("tasks_dropped_max_tasks", .integer(droppedLimit)),
            ("dependencies_dropped", .integer(dependenciesDropped)),
            ("arrivals_clamped_to_zero", .integer(arrivalsClampedToZero)),
        ]
    }
}
