import StreamingIO

/// Streams the tasks of a canonical workload file, one at a time.
///
/// Memory does not grow with the file: one record is held at a time. Each
/// task is checked as it is read (types, finite non-negative numbers, ids,
/// arrivals in order); an error names the file and line. After an error the
/// reader is positioned on the next line, so a validator can go on.
///
/// ```swift
/// let reader = try WorkloadReader(path: "sample.workload.csv.gz")
/// while let task = try reader.next() { simulate(task) }
/// ```
public final class WorkloadReader {
    private let csv: CSVReader
    private var previousArrival = -Double.infinity
    /// The number of tasks returned so far.
    public private(set) var tasksRead = 0

    /// The file's path, for messages.
    public var path: String { csv.path }
    /// The line of the task last read.
    public var lineNumber: Int { csv.lineNumber }
    /// The underlying input, for progress reporting.
    public var input: InputFile { csv.input }

    /// Opens a workload and checks its version marker and header.
    ///
    /// - Parameter path: The file (gzip or plain), or `-` for standard input.
    /// - Throws: `ScenarioError` when the file cannot be read, is not a
    ///   workload, has another version or a different header.
    public init(path: String) throws(ScenarioError) {
        csv = try ScenarioError.catching { try CSVReader(path: path) }
        try checkPreamble()
    }

    private func checkPreamble() throws(ScenarioError) {
        let hasMarker = try ScenarioError.catching { try csv.nextRecord() }
        let marker = hasMarker ? csv.recordText : ""
        guard marker.hasPrefix("# edgesim-workload") else {
            throw .wrongFormat(
                SourceLocation(path: csv.path, line: max(csv.lineNumber, 1)),
                found: hasMarker ? String(marker.prefix(60)) : "an empty file",
                expected: "edgesim-workload (first line '\(WorkloadFormat.versionMarker)')")
        }
        guard marker == WorkloadFormat.versionMarker else {
            let version = Int64(marker.split(separator: " ").last ?? "") ?? -1
            throw .unsupportedVersion(
                SourceLocation(path: csv.path, line: csv.lineNumber), found: version,
                supported: WorkloadFormat.version)
        }
        let hasHeader = try ScenarioError.catching { try csv.nextRecord() }
        let header = hasHeader ? (0..<csv.fieldCount).map { csv.string($0) } : []
        guard header == WorkloadFormat.columns else {
            throw .invalid([ValidationIssue(
                SourceLocation(path: csv.path, line: csv.lineNumber + (hasHeader ? 0 : 1)),
                "expected the header '\(WorkloadFormat.columns.joined(separator: ","))'")])
        }
    }

    /// Reads the next task.
    ///
    /// - Returns: The task, or nil at the end of the file.
    /// - Throws: `ScenarioError.invalid` with the line when the row breaks a
    ///   rule, `.io` on read errors.
    public func next() throws(ScenarioError) -> WorkloadTask? {
        guard try ScenarioError.catching({ try csv.nextRecord() }) else { return nil }
        let task = try ScenarioError.catching { try decodeRecord() }
        tasksRead += 1
        return task
    }

    private func issue(_ message: String, column: WorkloadFormat.Column? = nil) -> ScenarioError {
        let location = csv.location(field: column?.rawValue)
        let prefix = column.map { "\(WorkloadFormat.columns[$0.rawValue]): " } ?? ""
        return .invalid([ValidationIssue(location, prefix + message)])
    }

    private func decodeRecord() throws -> WorkloadTask {
        guard csv.fieldCount == WorkloadFormat.columns.count else {
            throw issue("expected \(WorkloadFormat.columns.count) fields, found \(csv.fieldCount)")
        }
        guard let arrival = try csv.double(2) else { throw issue("arrival time is empty", column: .arrivalSeconds) }
        // Split on the separator byte: splitting a String by Character costs more than the rest of the row.
        let dependencies: [String] = csv.isEmpty(9)
            ? []
            : csv.withFieldBytes(9) { bytes in
                bytes.split(separator: UInt8(ascii: ";"), omittingEmptySubsequences: false).map {
                    String(decoding: UnsafeRawBufferPointer(rebasing: $0), as: UTF8.self)
                }
            }
        let task = WorkloadTask(
            taskId: csv.string(0), jobId: csv.string(1), arrivalSeconds: arrival,
            origin: csv.isEmpty(3) ? nil : csv.string(3),
            instructions: try requiredCount(4, .instructions), inputBytes: try requiredCount(5, .inputBytes),
            outputBytes: try requiredCount(6, .outputBytes), memoryBytes: try requiredCount(7, .memoryBytes),
            relativeDeadlineSeconds: try csv.double(8), dependencies: dependencies)
        if let problem = task.problems(previousArrival: previousArrival).first {
            throw issue(problem.message, column: problem.column)
        }
        previousArrival = arrival
        return task
    }

    private func requiredCount(_ field: Int, _ column: WorkloadFormat.Column) throws -> Int64 {
        guard let value = try csv.int64(field) else { throw issue("value is empty", column: column) }
        return value
    }
}
