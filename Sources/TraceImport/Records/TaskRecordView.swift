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
