/// Where a task is in its life.
enum TaskPhase: UInt8 {
    /// The slot is unused.
    case free
    /// Arrived; some predecessors have not completed yet.
    case waitingDependencies
    /// Ready at its origin, in its agent's inbox, waiting for a decision.
    case awaitingDecision
    /// Input bytes travelling to the target.
    case inTransit
    /// Waiting in the target's FIFO queue.
    case queued
    /// Executing on a core.
    case running
    /// Output bytes travelling back to the origin.
    case returning
}

/// The mutable state of one task in flight, stored in a reusable slot.
///
/// A plain-data struct (no references), so the task table is one contiguous
/// array and freeing a slot costs nothing. `generation` changes whenever the
/// slot is reused, so events and dependency edges that outlive a task are
/// recognised as stale.
struct TaskState {
    var arrival = 0.0
    var enqueued = Double.nan
    var start = Double.nan
    var executionFinish = Double.nan
    var instructions = 0.0
    var inputBytes = 0.0
    var outputBytes = 0.0
    /// Absolute deadline (+infinity without one).
    var deadline = Double.infinity
    /// `instructions / speed` on the target, once decided.
    var executionSeconds = 0.0
    /// Time spent in transfers so far (input, output, forwarded dependencies).
    var transferSeconds = 0.0
    /// Energy attributed to the task (execution above idle, transmissions).
    var energyJoules = 0.0
    /// Arrival order, from 0.
    var serial: UInt64 = 0
    /// Fingerprint of the task id (0 for synthetic tasks).
    var fingerprint: UInt64 = 0
    /// Fingerprint of the job id when the origin came from the job's draw (else 0).
    var originJob: UInt64 = 0
    var origin: Int32 = -1
    var target: Int32 = -1
    /// The agent that decided the task, or -1.
    var agent: Int32 = -1
    /// The route of the input and of the output (-1: none, local).
    var inputRoute: Int32 = -1
    var outputRoute: Int32 = -1
    /// Links of the node queue or agent inbox the task is in.
    var next: Int32 = -1
    var previous: Int32 = -1
    var pendingDependencies: Int32 = 0
    /// First and last edge of the successor list (arrival order), or -1.
    var firstSuccessor: Int32 = -1
    var lastSuccessor: Int32 = -1
    var generation: UInt32 = 0
    var phase = TaskPhase.free
}

/// A task read from the workload or drawn, waiting for its arrival event.
struct StagedTask {
    var arrival = 0.0
    /// Origin node, or -1 to assign one by the origin rule.
    var origin: Int32 = -1
    var instructions = 0.0
    var inputBytes = 0.0
    var outputBytes = 0.0
    var relativeDeadline = Double.infinity
    var taskId: String?
    var jobId: String?
    var fingerprint: UInt64 = 0
    var jobFingerprint: UInt64 = 0
    /// Fingerprints of the predecessors (reused buffer).
    var dependencies: [UInt64] = []
}
