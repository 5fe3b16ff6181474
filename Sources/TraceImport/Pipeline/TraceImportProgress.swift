/// Progress of an import, for a progress bar.
public struct TraceImportProgress: Sendable {
    /// What the import is doing.
    public enum Phase: Sendable {
        /// Reading and converting the inputs.
        case reading
        /// Merging sorted records and writing the workload.
        case writing
    }

    public var phase: Phase
    /// Bytes of the inputs (as stored, compressed) read so far.
    public var storedBytesRead: Int64
    /// The inputs' total stored size, when every input is a regular file.
    public var storedBytesTotal: Int64?
    /// Data rows read so far.
    public var rows: Int
    /// Tasks written so far.
    public var tasksWritten: Int
    /// While writing: sorted records merged so far, of `recordsTotal`.
    public var recordsMerged: Int = 0
    /// While writing: the records to merge (tasks before filtering).
    public var recordsTotal: Int = 0
}
