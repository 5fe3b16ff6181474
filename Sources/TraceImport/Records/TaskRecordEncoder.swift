#if canImport(Glibc)
import Glibc
#endif

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
