import StreamingIO

/// One `batch_task` row, as staged through the job-grouping sort.
struct Alibaba2018TaskRow {
    var fileIndex: UInt32
    var line: UInt32
    var name: [UInt8]
    var taskType: [UInt8]
    /// 0 when the field was empty or not positive.
    var instanceCount: Int64
    var startSeconds: Int64
    /// `Int64.min` when empty.
    var endSeconds: Int64
    /// NaN when empty.
    var planCPU: Double
    /// NaN when empty.
    var planMemory: Double
}

/// One `batch_instance` row, as staged through the job-grouping sort.
struct Alibaba2018InstanceRow {
    var fileIndex: UInt32
    var line: UInt32
    var taskName: [UInt8]
    var instanceName: [UInt8]
    var startSeconds: Int64
    /// `Int64.min` when empty.
    var endSeconds: Int64
    var sequenceNumber: Int64
    /// NaN when empty.
    var averageCPU: Double
    /// NaN when empty.
    var averageMemory: Double
    /// Fingerprint of machine_id (0 when empty).
    var machine: UInt64
}

/// The binary form of staged rows: a kind byte, the row, then the job name last.
enum Alibaba2018Staging {
    static let taskKind: UInt8 = 0
    static let instanceKind: UInt8 = 1

    static func encode(_ row: Alibaba2018TaskRow, jobName: UnsafeRawBufferPointer, into builder: RecordBuilder) {
        builder.reset()
        builder.append(taskKind)
        builder.append(row.fileIndex)
        builder.append(row.line)
        builder.append(row.instanceCount)
        builder.append(row.startSeconds)
        builder.append(row.endSeconds)
        builder.append(row.planCPU)
        builder.append(row.planMemory)
        row.name.withUnsafeBytes { builder.appendBytes($0) }
        row.taskType.withUnsafeBytes { builder.appendBytes($0) }
        builder.appendBytes(jobName)
    }

    static func encode(_ row: Alibaba2018InstanceRow, jobName: UnsafeRawBufferPointer, into builder: RecordBuilder) {
        builder.reset()
        builder.append(instanceKind)
        builder.append(row.fileIndex)
        builder.append(row.line)
        builder.append(row.startSeconds)
        builder.append(row.endSeconds)
        builder.append(row.sequenceNumber)
        builder.append(row.averageCPU)
        builder.append(row.averageMemory)
        builder.append(row.machine)
        row.taskName.withUnsafeBytes { builder.appendBytes($0) }
        row.instanceName.withUnsafeBytes { builder.appendBytes($0) }
        builder.appendBytes(jobName)
    }

    enum Decoded {
        case task(Alibaba2018TaskRow)
        case instance(Alibaba2018InstanceRow)
    }

    /// Decodes a staged row and returns it with the job name.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> (Decoded, [UInt8]) {
        var cursor = RecordCursor(bytes)
        let kind = cursor.read(UInt8.self)
        let fileIndex = cursor.read(UInt32.self)
        let line = cursor.read(UInt32.self)
        if kind == taskKind {
            let count = cursor.read(Int64.self)
            let start = cursor.read(Int64.self)
            let end = cursor.read(Int64.self)
            let cpu = cursor.readDouble()
            let memory = cursor.readDouble()
            let name = Array(cursor.readBytes())
            let taskType = Array(cursor.readBytes())
            let job = Array(cursor.readBytes())
            return (.task(Alibaba2018TaskRow(
                fileIndex: fileIndex, line: line, name: name, taskType: taskType, instanceCount: count,
                startSeconds: start, endSeconds: end, planCPU: cpu, planMemory: memory)), job)
        }
        let start = cursor.read(Int64.self)
        let end = cursor.read(Int64.self)
        let sequence = cursor.read(Int64.self)
        let cpu = cursor.readDouble()
        let memory = cursor.readDouble()
        let machine = cursor.read(UInt64.self)
        let taskName = Array(cursor.readBytes())
        let instanceName = Array(cursor.readBytes())
        let job = Array(cursor.readBytes())
        return (.instance(Alibaba2018InstanceRow(
            fileIndex: fileIndex, line: line, taskName: taskName, instanceName: instanceName, startSeconds: start,
            endSeconds: end, sequenceNumber: sequence, averageCPU: cpu, averageMemory: memory, machine: machine)), job)
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
