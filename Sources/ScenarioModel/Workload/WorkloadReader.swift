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
                found: hasMarker ? Self.describeFirstLine(marker) : "an empty file",
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

    /// What a first line that is not the marker looks like, for the message:
    /// binary data is named as such rather than echoed.
    private static func describeFirstLine(_ line: String) -> String {
        let binary = line.unicodeScalars.prefix(4096).contains { scalar in
            scalar == "\u{FFFD}" || (scalar.value < 0x20 && scalar != "\t")
        }
        return binary ? "binary data, not text" : MessageText.excerpt(line, limit: 60)
    }

    /// Reads the next task.
    ///
    /// - Returns: The task, or nil at the end of the file.
    /// - Throws: `ScenarioError.invalid` with the line when the row breaks a
    ///   rule, `.io` on read errors.
    public func next() throws(ScenarioError) -> WorkloadTask? {
        try nextRow()?.task
    }

    /// Reads the next task as a borrowed row: the values are checked exactly
    /// as `next()` checks them, but no string is built unless asked for, so a
    /// consumer that only needs numbers, fingerprints or lookups (the replay
    /// simulator) reads about twice as fast.
    ///
    /// - Returns: The row, valid until the reader reads again; nil at the end.
    /// - Throws: As `next()`.
    public func nextRow() throws(ScenarioError) -> WorkloadRow? {
        guard try ScenarioError.catching({ try csv.nextRecord() }) else { return nil }
        let row = try ScenarioError.catching { try decodeRow() }
        tasksRead += 1
        return row
    }

    private func issue(_ message: String, column: WorkloadFormat.Column? = nil) -> ScenarioError {
        let location = csv.location(field: column?.rawValue)
        let prefix = column.map { "\(WorkloadFormat.columns[$0.rawValue]): " } ?? ""
        return .invalid([ValidationIssue(location, prefix + message)])
    }

    /// True when field `index` is valid UTF-8 (ASCII, the common case, is checked first).
    private func isText(_ index: Int) -> Bool {
        csv.withFieldBytes(index) { bytes in
            !bytes.contains(where: { $0 >= 0x80 }) || String(validating: bytes, as: UTF8.self) != nil
        }
    }

    /// Parses and checks the current record in the order of
    /// `WorkloadTask.problems(previousArrival:)`, on bytes.
    private func decodeRow() throws -> WorkloadRow {
        guard csv.fieldCount == WorkloadFormat.columns.count else {
            throw issue("expected \(WorkloadFormat.columns.count) fields, found \(csv.fieldCount)")
        }
        guard let arrival = try number(.arrivalSeconds) else { throw issue("arrival time is empty", column: .arrivalSeconds) }
        let instructions = try requiredCount(4, .instructions)
        let inputBytes = try requiredCount(5, .inputBytes)
        let outputBytes = try requiredCount(6, .outputBytes)
        let memoryBytes = try requiredCount(7, .memoryBytes)
        let deadline = try number(.relativeDeadlineSeconds)
        let semicolon = UInt8(ascii: ";")
        let taskIdState = csv.withFieldBytes(0) { bytes in bytes.isEmpty ? 1 : (bytes.contains(semicolon) ? 2 : 0) }
        if taskIdState == 1 { throw issue("task id is empty", column: .taskId) }
        if taskIdState == 2 {
            throw issue("task id '\(MessageText.excerpt(csv.string(0)))' contains ';', which separates dependencies", column: .taskId)
        }
        if csv.withFieldBytes(1, { $0.isEmpty }) { throw issue("job id is empty", column: .jobId) }
        // Ids are text: names differing only in invalid bytes would decode to one id.
        for column in [WorkloadFormat.Column.taskId, .jobId, .origin, .dependencies] where !isText(column.rawValue) {
            throw issue("is not UTF-8 text", column: column)
        }
        if !arrival.isFinite || arrival < 0 {
            throw issue("arrival time must be a finite number >= 0, found \(arrival)", column: .arrivalSeconds)
        } else if arrival < previousArrival {
            throw issue("arrivals must be sorted: \(arrival) comes after \(previousArrival)", column: .arrivalSeconds)
        }
        for (column, value) in [
            (WorkloadFormat.Column.instructions, instructions), (.inputBytes, inputBytes), (.outputBytes, outputBytes),
            (.memoryBytes, memoryBytes),
        ] where value < 0 {
            throw issue("must be >= 0, found \(value)", column: column)
        }
        if let deadline, !(deadline > 0) || !deadline.isFinite {
            throw issue("deadline must be a positive finite number of seconds or empty, found \(deadline)",
                        column: .relativeDeadlineSeconds)
        }
        let hasDependencies = !csv.isEmpty(9)
        if hasDependencies {
            let hasEmptyId = csv.withFieldBytes(9) { bytes in
                bytes.split(separator: semicolon, omittingEmptySubsequences: false).contains { $0.isEmpty }
            }
            if hasEmptyId { throw issue("empty task id in the dependency list", column: .dependencies) }
        }
        previousArrival = arrival
        return WorkloadRow(
            csv: csv, arrivalSeconds: arrival, instructions: instructions, inputBytes: inputBytes,
            outputBytes: outputBytes, memoryBytes: memoryBytes, relativeDeadlineSeconds: deadline,
            hasOrigin: !csv.isEmpty(3), hasDependencies: hasDependencies)
    }

    private func requiredCount(_ field: Int, _ column: WorkloadFormat.Column) throws -> Int64 {
        let result = csv.withFieldBytes(field) { NumberParsing.int64($0) }
        switch result {
        case .success(let value): return value
        case .failure(.empty): throw issue("value is empty", column: column)
        case .failure(.outOfRange): throw issue("\(fieldExcerpt(field)) is out of the 64-bit integer range", column: column)
        case .failure: throw issue("expected an integer, found \(fieldExcerpt(field))", column: column)
        }
    }

    /// A number column's value, nil when empty (NaN and infinities parse; the callers reject them).
    private func number(_ column: WorkloadFormat.Column) throws -> Double? {
        let field = column.rawValue
        switch csv.withFieldBytes(field, { NumberParsing.double($0) }) {
        case .success(let value): return value
        case .failure(.empty): return nil
        case .failure(.outOfRange): throw issue("\(fieldExcerpt(field)) is out of the range of numbers", column: column)
        case .failure: throw issue("expected a number, found \(fieldExcerpt(field))", column: column)
        }
    }

    /// A field's text, quoted and shortened for a message.
    private func fieldExcerpt(_ field: Int) -> String {
        "'" + csv.withFieldBytes(field) { MessageText.excerpt(bytes: $0, limit: 40) } + "'"
    }
}
