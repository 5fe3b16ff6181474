import StreamingIO

/// A byte string inside an `Alibaba2018Job`'s arena.
struct ByteRange: Equatable {
    var offset: Int
    var length: Int
}

/// One `batch_task` row of a job.
struct Alibaba2018TaskRow {
    var fileIndex: UInt32
    var line: UInt32
    var name: ByteRange
    var taskType: ByteRange
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

/// One `batch_instance` row of a job.
struct Alibaba2018InstanceRow {
    var fileIndex: UInt32
    var line: UInt32
    var taskName: ByteRange
    var instanceName: ByteRange
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
