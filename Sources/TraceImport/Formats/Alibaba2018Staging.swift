/// The binary form of rows on their way through the job-grouping sort: a
/// kind byte, the numbers, then the byte strings, the job name last.
enum Alibaba2018Staging {
    static let taskKind: UInt8 = 0
    static let instanceKind: UInt8 = 1

    static func encodeTask(
        fileIndex: UInt32, line: UInt32, instanceCount: Int64, start: Int64, end: Int64, planCPU: Double,
        planMemory: Double, name: UnsafeRawBufferPointer, taskType: UnsafeRawBufferPointer,
        job: UnsafeRawBufferPointer, into builder: RecordBuilder
    ) {
        builder.reset()
        builder.append(taskKind)
        builder.append(fileIndex)
        builder.append(line)
        builder.append(instanceCount)
        builder.append(start)
        builder.append(end)
        builder.append(planCPU)
        builder.append(planMemory)
        builder.appendBytes(name)
        builder.appendBytes(taskType)
        builder.appendBytes(job)
    }

    static func encodeInstance(
        fileIndex: UInt32, line: UInt32, start: Int64, end: Int64, sequenceNumber: Int64, averageCPU: Double,
        averageMemory: Double, machine: UInt64, taskName: UnsafeRawBufferPointer,
        instanceName: UnsafeRawBufferPointer, job: UnsafeRawBufferPointer, into builder: RecordBuilder
    ) {
        builder.reset()
        builder.append(instanceKind)
        builder.append(fileIndex)
        builder.append(line)
        builder.append(start)
        builder.append(end)
        builder.append(sequenceNumber)
        builder.append(averageCPU)
        builder.append(averageMemory)
        builder.append(machine)
        builder.appendBytes(taskName)
        builder.appendBytes(instanceName)
        builder.appendBytes(job)
    }

    /// The job name of a staged row (borrowed from the payload).
    static func jobName(_ payload: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var cursor = RecordCursor(payload)
        let kind = cursor.read(UInt8.self)
        _ = cursor.read(UInt32.self)
        _ = cursor.read(UInt32.self)
        for _ in 0..<(kind == taskKind ? 5 : 6) { _ = cursor.read(UInt64.self) }
        _ = cursor.readBytes()
        _ = cursor.readBytes()
        return cursor.readBytes()
    }

    /// Decodes a staged row into `job` (its strings are copied into the arena).
    static func decode(_ payload: UnsafeRawBufferPointer, into job: Alibaba2018Job) {
        var cursor = RecordCursor(payload)
        let kind = cursor.read(UInt8.self)
        let fileIndex = cursor.read(UInt32.self)
        let line = cursor.read(UInt32.self)
        if kind == taskKind {
            let count = cursor.read(Int64.self)
            let start = cursor.read(Int64.self)
            let end = cursor.read(Int64.self)
            let cpu = cursor.readDouble()
            let memory = cursor.readDouble()
            let name = job.store(cursor.readBytes())
            let taskType = job.store(cursor.readBytes())
            job.tasks.append(Alibaba2018TaskRow(
                fileIndex: fileIndex, line: line, name: name, taskType: taskType, instanceCount: count,
                startSeconds: start, endSeconds: end, planCPU: cpu, planMemory: memory))
            return
        }
        let start = cursor.read(Int64.self)
        let end = cursor.read(Int64.self)
        let sequence = cursor.read(Int64.self)
        let cpu = cursor.readDouble()
        let memory = cursor.readDouble()
        let machine = cursor.read(UInt64.self)
        let taskName = job.store(cursor.readBytes())
        let instanceName = job.store(cursor.readBytes())
        job.instances.append(Alibaba2018InstanceRow(
            fileIndex: fileIndex, line: line, taskName: taskName, instanceName: instanceName, startSeconds: start,
            endSeconds: end, sequenceNumber: sequence, averageCPU: cpu, averageMemory: memory, machine: machine))
    }

    /// The grouping key of a job name: `j_<number>` sorts by number; other
    /// names by two independent fingerprints (in a separate key range).
    static func jobKey(_ name: UnsafeRawBufferPointer) -> (UInt64, UInt64) {
        if name.count > 2, name.count <= 20, name[0] == UInt8(ascii: "j"), name[1] == UInt8(ascii: "_"),
            name[2] != UInt8(ascii: "0") || name.count == 3
        {
            var value: UInt64 = 0
            var numeric = true
            for byte in name[2...] {
                let digit = byte &- UInt8(ascii: "0")
                guard digit < 10, value < (1 << 62) / 10 else {
                    numeric = false
                    break
                }
                value = value * 10 + UInt64(digit)
            }
            if numeric { return (value, 0) }
        }
        let first = ByteFingerprint.of(name)
        var second: UInt64 = 0x8422_2325_cbf2_9ce4
        for byte in name { second = (second ^ UInt64(byte)) &* 0x0000_0100_0000_01b3 &+ 0x2545_F491 }
        return ((1 << 63) | first, ByteFingerprint.mix(second))
    }
}
