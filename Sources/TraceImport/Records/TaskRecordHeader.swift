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
