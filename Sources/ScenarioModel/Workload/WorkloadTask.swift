/// One task of a canonical workload: when it arrives, where, how much work and
/// data it carries, and which tasks of its job must finish first.
public struct WorkloadTask: Hashable, Sendable {
    /// Unique identifier in the workload; must not contain `;`.
    public var taskId: String
    /// The job the task belongs to (a DAG's tasks share one job).
    public var jobId: String
    /// Arrival time in seconds from the scenario start.
    public var arrivalSeconds: Double
    /// The node the task arrives at, or nil to assign one at replay.
    public var origin: String?
    /// Work in instructions (millions of instructions = instructions / 1e6).
    public var instructions: Int64
    /// Bytes sent to the node that executes the task.
    public var inputBytes: Int64
    /// Bytes sent back to the origin when the task completes.
    public var outputBytes: Int64
    /// Memory the task needs while it runs, in bytes.
    public var memoryBytes: Int64
    /// Seconds after arrival by which the task must complete, or nil for none.
    public var relativeDeadlineSeconds: Double?
    /// Tasks of the same job that must complete before this one starts; each
    /// appears on an earlier line of the workload.
    public var dependencies: [String]

    /// Creates a task.
    public init(
        taskId: String, jobId: String, arrivalSeconds: Double, origin: String? = nil,
        instructions: Int64, inputBytes: Int64 = 0, outputBytes: Int64 = 0, memoryBytes: Int64 = 0,
        relativeDeadlineSeconds: Double? = nil, dependencies: [String] = []
    ) {
        self.taskId = taskId
        self.jobId = jobId
        self.arrivalSeconds = arrivalSeconds
        self.origin = origin
        self.instructions = instructions
        self.inputBytes = inputBytes
        self.outputBytes = outputBytes
        self.memoryBytes = memoryBytes
        self.relativeDeadlineSeconds = relativeDeadlineSeconds
        self.dependencies = dependencies
    }
}
