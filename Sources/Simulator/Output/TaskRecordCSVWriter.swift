import StreamingIO

/// Streams per-task records to a CSV file as a replay runs (`tasks.csv`).
///
/// Columns: `task,job,origin,target,arrival_s,start_s,finish_s,wait_s,
/// transfer_s,execution_s,status`. Node columns hold node ids; `target`,
/// `start_s` and `finish_s` are empty when the task never got there. Synthetic
/// tasks are named `task-<serial>` (their job is the same name). The file is
/// atomic: it appears only on `commit()`.
public final class TaskRecordCSVWriter: ReplayObserver {
    /// The header line's columns.
    public static let columns = [
        "task", "job", "origin", "target", "arrival_s", "start_s", "finish_s", "wait_s", "transfer_s", "execution_s",
        "status",
    ]

    private let output: OutputFile
    private let nodeIds: [String]
    private var failure: StreamingIOError?
    /// Records written so far.
    public private(set) var recordsWritten = 0

    /// Creates the file (a hidden temporary until `commit()`).
    ///
    /// - Parameters:
    ///   - path: The destination (`-` for standard output).
    ///   - nodeIds: The scenario's node ids (`CompiledScenario.nodeIds`).
    /// - Throws: `ReplayError.io` when the folder is not writable.
    public init(path: String, nodeIds: [String]) throws(ReplayError) {
        do {
            output = try OutputFile(path: path)
            try output.write(Self.columns.joined(separator: ",") + "\n")
        } catch {
            throw .io(error)
        }
        self.nodeIds = nodeIds
    }

    public func taskFinished(_ record: TaskRecord) {
        guard failure == nil else { return }
        do {
            try write(record)
            recordsWritten += 1
        } catch {
            failure = error
        }
    }

    private func write(_ record: TaskRecord) throws(StreamingIOError) {
        let comma = UInt8(ascii: ",")
        if let taskId = record.taskId {
            try CSVField.write(taskId, to: output)
        } else {
            try output.write("task-")
            try output.write(integer: Int64(record.serial))
        }
        try output.write(byte: comma)
        if let jobId = record.jobId {
            try CSVField.write(jobId, to: output)
        } else if record.taskId == nil {
            try output.write("task-")
            try output.write(integer: Int64(record.serial))
        }
        try output.write(byte: comma)
        try CSVField.write(nodeIds[record.origin], to: output)
        try output.write(byte: comma)
        if let target = record.target { try CSVField.write(nodeIds[target], to: output) }
        try output.write(byte: comma)
        try DecimalFormatting.write(record.arrivalSeconds, to: output)
        try output.write(byte: comma)
        if let start = record.startSeconds { try DecimalFormatting.write(start, to: output) }
        try output.write(byte: comma)
        if let finish = record.finishSeconds { try DecimalFormatting.write(finish, to: output) }
        try output.write(byte: comma)
        try DecimalFormatting.write(record.waitSeconds, to: output)
        try output.write(byte: comma)
        try DecimalFormatting.write(record.transferSeconds, to: output)
        try output.write(byte: comma)
        try DecimalFormatting.write(record.executionSeconds, to: output)
        try output.write(byte: comma)
        try output.write(record.status.rawValue)
        try output.write(byte: UInt8(ascii: "\n"))
    }

    /// Finishes the file and moves it into place.
    ///
    /// - Throws: `ReplayError.io` for the first write error of the run, or a
    ///   failed commit; the destination is then untouched.
    public func commit() throws(ReplayError) {
        if let failure {
            output.discard()
            throw .io(failure)
        }
        do {
            try output.commit()
        } catch {
            throw .io(error)
        }
    }

    /// Abandons the file.
    public func discard() {
        output.discard()
    }
}

/// RFC 4180 text fields: quoted only when they contain a comma, quote or line break.
enum CSVField {
    static func write(_ text: String, to output: OutputFile) throws(StreamingIOError) {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
        guard needsQuotes else {
            try output.write(text)
            return
        }
        try output.write(byte: 0x22)
        try output.write(text.replacing("\"", with: "\"\""))
        try output.write(byte: 0x22)
    }
}
