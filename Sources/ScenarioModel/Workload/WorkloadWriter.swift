import StreamingIO

/// Writes a canonical workload file task by task, atomically.
///
/// Tasks must be appended in arrival order. The file is gzip-compressed when
/// the path ends in `.gz` (the usual `*.workload.csv.gz`), plain otherwise
/// (including `-`, standard output). Nothing appears at the path until
/// `commit()` succeeds.
///
/// ```swift
/// let writer = try WorkloadWriter(path: "out.workload.csv.gz")
/// for task in tasks { try writer.append(task) }
/// try writer.commit()
/// ```
public final class WorkloadWriter {
    let output: OutputFile
    var previousArrival = -Double.infinity
    /// The number of tasks appended so far.
    public internal(set) var tasksWritten = 0
    /// The destination path.
    public var path: String { output.path }

    /// Creates the output (a hidden temporary file until `commit()`).
    ///
    /// - Parameters:
    ///   - path: The destination, or `-` for standard output.
    ///   - compressionLevel: zlib level for `.gz` outputs (default 6, as gzip).
    ///   - backgroundCompression: Compress on a worker thread while tasks are
    ///     appended (the bytes are the same either way).
    /// - Throws: `ScenarioError.io` when the destination folder is not writable.
    public init(path: String, compressionLevel: Int32 = 6, backgroundCompression: Bool = false) throws(ScenarioError) {
        let compression: OutputFile.Compression =
            path.hasSuffix(".gz") ? .gzip(level: compressionLevel) : .none
        output = try ScenarioError.catching {
            try OutputFile(path: path, compression: compression, backgroundCompression: backgroundCompression)
        }
        try ScenarioError.catching {
            try output.write(WorkloadFormat.versionMarker + "\n")
            try output.write(WorkloadFormat.columns.joined(separator: ",") + "\n")
        }
    }

    /// Appends one task.
    ///
    /// - Throws: `ScenarioError.invalid` when the task is out of arrival order
    ///   or has invalid values (nothing is written for it), `.io` on write errors.
    public func append(_ task: WorkloadTask) throws(ScenarioError) {
        if let problem = task.problems(previousArrival: previousArrival).first {
            let location = SourceLocation(path: output.path, line: tasksWritten + 3)
            throw .invalid([ValidationIssue(
                location,
                "task '\(MessageText.excerpt(task.taskId))': \(WorkloadFormat.columns[problem.column.rawValue]): \(problem.message)")])
        }
        previousArrival = task.arrivalSeconds
        try ScenarioError.catching {
            try writeField(task.taskId)
            try output.write(byte: UInt8(ascii: ","))
            try writeField(task.jobId)
            try output.write(byte: UInt8(ascii: ","))
            try output.write(double: task.arrivalSeconds)
            try output.write(byte: UInt8(ascii: ","))
            if let origin = task.origin { try writeField(origin) }
            try output.write(byte: UInt8(ascii: ","))
            try output.write(integer: task.instructions)
            try output.write(byte: UInt8(ascii: ","))
            try output.write(integer: task.inputBytes)
            try output.write(byte: UInt8(ascii: ","))
            try output.write(integer: task.outputBytes)
            try output.write(byte: UInt8(ascii: ","))
            try output.write(integer: task.memoryBytes)
            try output.write(byte: UInt8(ascii: ","))
            if let deadline = task.relativeDeadlineSeconds { try output.write(double: deadline) }
            try output.write(byte: UInt8(ascii: ","))
            if task.dependencies.count == 1 {
                try writeField(task.dependencies[0])
            } else if !task.dependencies.isEmpty {
                try writeField(task.dependencies.joined(separator: String(WorkloadFormat.dependencySeparator)))
            }
            try output.write(byte: UInt8(ascii: "\n"))
        }
        tasksWritten += 1
    }

    /// Finishes the file and moves it into place.
    public func commit() throws(ScenarioError) {
        try ScenarioError.catching { try output.commit() }
    }

    /// Abandons the output; the destination is left untouched.
    public func discard() {
        output.discard()
    }

    /// Writes a text field, quoting it (RFC 4180) only when it needs quotes.
    func writeField(_ text: String) throws(StreamingIOError) {
        var needsQuotes = text.utf8.first == 0x20 || text.utf8.last == 0x20
        if !needsQuotes {
            for byte in text.utf8 where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D {
                needsQuotes = true
                break
            }
        }
        guard needsQuotes else {
            try output.write(text)
            return
        }
        try output.write(byte: 0x22)
        try output.write(text.replacing("\"", with: "\"\""))
        try output.write(byte: 0x22)
    }
}

