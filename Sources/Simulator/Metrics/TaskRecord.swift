/// How a task's life ended.
public enum TaskStatus: String, CaseIterable, Sendable {
    /// Its output reached the origin by its deadline (or it has none).
    case completed
    /// Its output reached the origin after its deadline; counted in both
    /// `completed` and `late`.
    case late
    /// Its target's queue was full when it arrived there.
    case droppedQueueFull = "dropped_queue_full"
    /// It was still queued at its deadline plus `queueGraceSeconds`.
    case droppedDeadline = "dropped_deadline"
    /// It had not finished when the replay ended, or can never run because a
    /// predecessor was dropped (its finish time is then absent).
    case unfinished
}

/// The record of one task, passed to a `ReplayObserver` when the task ends
/// (or, for unfinished tasks, when the replay ends).
///
/// Times are simulated seconds from the scenario start. The latency of a
/// completed task is `finishSeconds - arrivalSeconds`; it is the sum of
/// `transferSeconds`, `waitSeconds`, `executionSeconds` and the time spent
/// waiting for predecessors and for a decision (interval epochs).
public struct TaskRecord: Sendable {
    /// The workload's task id; nil for synthetic tasks, which are named
    /// `task-<serial>` in CSV files.
    public var taskId: String?
    /// The workload's job id; nil for synthetic tasks (each its own job).
    public var jobId: String?
    /// Arrival order, from 0.
    public var serial: UInt64
    /// Index of the origin node in `CompiledScenario.nodeIds`.
    public var origin: Int
    /// Index of the target node, or nil when no decision was made.
    public var target: Int?
    /// Arrival at the origin (workload time divided by the rate scale).
    public var arrivalSeconds: Double
    /// Start of execution, when it started.
    public var startSeconds: Double?
    /// When the output reached the origin, or when the task was dropped.
    public var finishSeconds: Double?
    /// Time in the target's queue (until start, drop or the end).
    public var waitSeconds: Double
    /// Time in transfers: input, output and forwarded predecessor outputs,
    /// including waits for busy links.
    public var transferSeconds: Double
    /// Time executing (partial for tasks still running at the end).
    public var executionSeconds: Double
    /// How the task ended.
    public var status: TaskStatus

    /// Creates a record.
    public init(
        taskId: String?, jobId: String?, serial: UInt64, origin: Int, target: Int?, arrivalSeconds: Double,
        startSeconds: Double?, finishSeconds: Double?, waitSeconds: Double, transferSeconds: Double,
        executionSeconds: Double, status: TaskStatus
    ) {
        self.taskId = taskId
        self.jobId = jobId
        self.serial = serial
        self.origin = origin
        self.target = target
        self.arrivalSeconds = arrivalSeconds
        self.startSeconds = startSeconds
        self.finishSeconds = finishSeconds
        self.waitSeconds = waitSeconds
        self.transferSeconds = transferSeconds
        self.executionSeconds = executionSeconds
        self.status = status
    }
}

/// One queue-occupancy sample across the compute nodes.
public struct QueueSample: Hashable, Sendable {
    /// The sample time in simulated seconds.
    public var timeSeconds: Double
    /// Mean number of tasks waiting in a compute node's queue.
    public var meanQueueLength: Double
    /// The longest queue.
    public var maxQueueLength: Int
    /// Tasks waiting in all queues.
    public var queuedTasks: Int
    /// Busy cores over all cores of the compute nodes.
    public var busyCoreFraction: Double
    /// Tasks arrived and not yet finished (in any phase).
    public var tasksInFlight: Int

    /// Creates a sample.
    public init(
        timeSeconds: Double, meanQueueLength: Double, maxQueueLength: Int, queuedTasks: Int,
        busyCoreFraction: Double, tasksInFlight: Int
    ) {
        self.timeSeconds = timeSeconds
        self.meanQueueLength = meanQueueLength
        self.maxQueueLength = maxQueueLength
        self.queuedTasks = queuedTasks
        self.busyCoreFraction = busyCoreFraction
        self.tasksInFlight = tasksInFlight
    }
}

/// Receives per-task records and queue samples while a replay runs, so large
/// replays stream their details out instead of keeping them.
///
/// Calls come from the thread running the replay, in simulated-time order
/// (unfinished tasks last, in arrival order). Both methods have empty default
/// implementations.
public protocol ReplayObserver: AnyObject {
    /// A task ended (or the replay ended with it unfinished).
    func taskFinished(_ record: TaskRecord)
    /// A queue-occupancy sample; `queueLengths[node]` is the number of tasks
    /// waiting at each node (topology order), valid only during the call.
    func queueSampled(_ sample: QueueSample, queueLengths: UnsafeBufferPointer<Int32>)
}

extension ReplayObserver {
    public func taskFinished(_ record: TaskRecord) {}
    public func queueSampled(_ sample: QueueSample, queueLengths: UnsafeBufferPointer<Int32>) {}
}
