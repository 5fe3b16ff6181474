/// The fixed layout of canonical workload files (`*.workload.csv.gz`).
///
/// Line 1 is a version marker that pandas skips with `skiprows=1`; line 2 is
/// the header; every further line is one task, sorted by arrival.
public enum WorkloadFormat {
    /// The version marker, the file's first line.
    public static let versionMarker = "# edgesim-workload version 1"
    /// The format version this build reads and writes.
    public static let version = 1
    /// The header columns, in order.
    public static let columns = [
        "taskId", "jobId", "arrivalSeconds", "origin", "instructions", "inputBytes", "outputBytes",
        "memoryBytes", "relativeDeadlineSeconds", "dependencies",
    ]
    /// The separator between dependency ids in the `dependencies` column.
    public static let dependencySeparator: Character = ";"

    enum Column: Int {
        case taskId = 0, jobId, arrivalSeconds, origin, instructions, inputBytes, outputBytes
        case memoryBytes, relativeDeadlineSeconds, dependencies
    }
}
