#if canImport(Glibc)
import Glibc
#endif

/// The fixed part of a task on its way from a format reader, through the
/// arrival sort, to the workload writer. Arrival is the sort key, so it is not
/// repeated here.
struct TaskRecordHeader {
    /// Runtime in the trace, seconds; NaN when the trace does not give one.
    var runtimeSeconds: Double
    /// Cores the task uses while it runs (instance counts already applied).
    var cores: Double
    /// Memory needed while it runs.
    var memoryBytes: Int64
    /// Fingerprint of the attribute chosen by `--origin-key`.
    var originKey: UInt64
    /// How many later tasks depend on this one (`unknownDependents` when the
    /// format cannot tell in advance).
    var dependentCount: UInt32
    var flags: TaskRecordFlags

    static let unknownDependents = UInt32.max
}

/// Facts about a task record that change how it is mapped.
struct TaskRecordFlags: OptionSet {
    let rawValue: UInt32
    /// The task arrived before the trace window (its arrival was clamped to 0).
    static let beforeTrace = TaskRecordFlags(rawValue: 1 << 0)
    /// The task is part of a DAG: volume decisions are taken per job.
    static let dagMember = TaskRecordFlags(rawValue: 1 << 1)
    /// The task id is `JOB/REST`: only REST is stored (set by the encoder).
    static let taskIdExtendsJob = TaskRecordFlags(rawValue: 1 << 2)
}

/// Encodes task records into a reused buffer: the header, the job id, the
/// task id, then each dependency id, in that order.
final class TaskRecordEncoder {
    private let builder = RecordBuilder()
    static let dependencyCountOffset = 40

    /// The encoded record (valid until the next `begin`).
    var bytes: UnsafeRawBufferPointer { builder.bytes }

    /// Starts a record with its job and task ids (dependencies may follow).
    /// A task id of the form `JOB/REST` is stored as REST only: most formats
    /// name tasks that way, and records are smaller to sort and spill.
    func begin(_ header: TaskRecordHeader, jobId: UnsafeRawBufferPointer, taskId: UnsafeRawBufferPointer) {
        var flags = header.flags
        var storedTaskId = taskId
        if taskId.count > jobId.count && taskId[jobId.count] == UInt8(ascii: "/")
            && (jobId.isEmpty || memcmp(taskId.baseAddress!, jobId.baseAddress!, jobId.count) == 0)
        {
            flags.insert(.taskIdExtendsJob)
            storedTaskId = UnsafeRawBufferPointer(rebasing: taskId[(jobId.count + 1)...])
        }
        builder.reset()
        builder.append(header.runtimeSeconds)
        builder.append(header.cores)
        builder.append(header.memoryBytes)
        builder.append(header.originKey)
        builder.append(header.dependentCount)
        builder.append(flags.rawValue)
        builder.append(UInt32(0))
        builder.appendBytes(jobId)
        builder.appendBytes(storedTaskId)
    }

    /// True when the record being encoded has no dependencies and no dependents
    /// (dropping it cannot affect another task).
    var isStandalone: Bool {
        let bytes = builder.bytes
        return bytes.loadUnaligned(fromByteOffset: 32, as: UInt32.self) == 0
            && bytes.loadUnaligned(fromByteOffset: Self.dependencyCountOffset, as: UInt32.self) == 0
    }

    /// The runtime of the record being encoded (NaN when unknown).
    var runtimeSeconds: Double {
        Double(bitPattern: builder.bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self))
    }

    /// The flags of the record being encoded.
    var flags: TaskRecordFlags {
        TaskRecordFlags(rawValue: builder.bytes.loadUnaligned(fromByteOffset: 36, as: UInt32.self))
    }

    /// Adds a dependency (a task id of the same job, on an earlier record).
    func appendDependency(_ taskId: UnsafeRawBufferPointer) {
        let count = builder.bytes.loadUnaligned(fromByteOffset: Self.dependencyCountOffset, as: UInt32.self)
        builder.store(count &+ 1, at: Self.dependencyCountOffset)
        builder.appendBytes(taskId)
    }
}

/// Reads a record written by `TaskRecordEncoder` (borrowed bytes).
struct TaskRecordView {
    let header: TaskRecordHeader
    let dependencyCount: Int
    let jobId: UnsafeRawBufferPointer
    /// The task id, or the part after `JOB/` when `header.flags` has `.taskIdExtendsJob`.
    let storedTaskId: UnsafeRawBufferPointer
    private let dependencyStart: Int
    private let bytes: UnsafeRawBufferPointer

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
        var cursor = RecordCursor(bytes)
        let runtime = cursor.readDouble()
        let cores = cursor.readDouble()
        let memory = cursor.read(Int64.self)
        let originKey = cursor.read(UInt64.self)
        let dependents = cursor.read(UInt32.self)
        let flags = TaskRecordFlags(rawValue: cursor.read(UInt32.self))
        header = TaskRecordHeader(
            runtimeSeconds: runtime, cores: cores, memoryBytes: memory, originKey: originKey,
            dependentCount: dependents, flags: flags)
        dependencyCount = Int(cursor.read(UInt32.self))
        jobId = cursor.readBytes()
        storedTaskId = cursor.readBytes()
        dependencyStart = cursor.offset
    }

    /// Writes the full task id into `builder` (after what it holds).
    func appendTaskId(to builder: RecordBuilder) {
        if header.flags.contains(.taskIdExtendsJob) {
            builder.appendRaw(jobId)
            builder.append(UInt8(ascii: "/"))
        }
        builder.appendRaw(storedTaskId)
    }

    /// Calls `body` with each dependency's task id.
    func forEachDependency(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        var cursor = RecordCursor(UnsafeRawBufferPointer(rebasing: bytes[dependencyStart...]))
        for _ in 0..<dependencyCount { try body(cursor.readBytes()) }
    }
}
