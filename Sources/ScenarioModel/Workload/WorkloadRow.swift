import StreamingIO

/// One task row borrowed from a `WorkloadReader` (`nextRow()`): the typed
/// values, already checked, and the identifiers as bytes, so a consumer that
/// needs only numbers, fingerprints or lookups builds no strings.
///
/// Valid only until the reader reads again: the byte accessors read the
/// reader's current record.
public struct WorkloadRow {
    let csv: CSVReader

    /// Arrival time in seconds from the scenario start.
    public let arrivalSeconds: Double
    /// Work in instructions.
    public let instructions: Int64
    /// Bytes sent to the executing node.
    public let inputBytes: Int64
    /// Bytes returned to the origin.
    public let outputBytes: Int64
    /// Memory needed while running, in bytes.
    public let memoryBytes: Int64
    /// Seconds after arrival by which the task must complete, or nil.
    public let relativeDeadlineSeconds: Double?
    /// Whether the row names an origin.
    public let hasOrigin: Bool
    /// Whether the row lists dependencies.
    public let hasDependencies: Bool

    /// Calls `body` with the task id's UTF-8 bytes (valid during the call).
    public func withTaskIdBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try csv.withFieldBytes(0, body)
    }

    /// Calls `body` with the job id's UTF-8 bytes (valid during the call).
    public func withJobIdBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        try csv.withFieldBytes(1, body)
    }

    /// Calls `body` with the origin's UTF-8 bytes (empty when there is none).
    public func withOriginBytes<Result>(_ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        guard hasOrigin else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try csv.withFieldBytes(3, body)
    }

    /// Calls `body` with each dependency id's UTF-8 bytes, in order.
    public func forEachDependency(_ body: (UnsafeRawBufferPointer) throws -> Void) rethrows {
        guard hasDependencies else { return }
        try csv.withFieldBytes(9) { bytes in
            for part in bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false) {
                try body(UnsafeRawBufferPointer(rebasing: part))
            }
        }
    }

    /// The task id.
    public var taskId: String { csv.string(0) }
    /// The job id.
    public var jobId: String { csv.string(1) }
    /// The origin node id, or nil.
    public var origin: String? { hasOrigin ? csv.string(3) : nil }

    /// The dependency ids.
    public var dependencies: [String] {
        var result: [String] = []
        forEachDependency { result.append(String(decoding: $0, as: UTF8.self)) }
        return result
    }

    /// The row as a task.
    public var task: WorkloadTask {
        WorkloadTask(
            taskId: taskId, jobId: jobId, arrivalSeconds: arrivalSeconds, origin: origin, instructions: instructions,
            inputBytes: inputBytes, outputBytes: outputBytes, memoryBytes: memoryBytes,
            relativeDeadlineSeconds: relativeDeadlineSeconds, dependencies: dependencies)
    }
}
