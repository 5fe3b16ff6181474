/// The headline figures of one replay, under the keys of issue 6.
///
/// Invariant: `tasks = completed + droppedQueueFull + droppedDeadline +
/// unfinished`; `late` counts the completed tasks that missed their deadline.
/// Latency figures cover completed tasks (`finish - arrival`) and are nil when
/// none completed.
public struct ReplaySummary: Hashable, Sendable {
    /// A figure's value: a count, a number, or absent (JSON `null`).
    public enum Value: Hashable, Sendable {
        case integer(Int)
        case number(Double)
        case absent
    }

    /// The summary keys, in their documented order.
    public static let keys = [
        "tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished", "mean_latency_s",
        "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "events", "sim_time_s",
    ]

    /// Tasks that arrived by the end of the replay.
    public var tasks: Int
    /// Tasks whose output reached their origin (on time or late).
    public var completed: Int
    /// Tasks dropped because the target's queue was full.
    public var droppedQueueFull: Int
    /// Tasks dropped while queued past their deadline plus grace.
    public var droppedDeadline: Int
    /// Completed tasks that finished after their deadline.
    public var late: Int
    /// Tasks not finished at the end (or blocked by a dropped predecessor).
    public var unfinished: Int
    /// Mean completion latency in seconds.
    public var meanLatencySeconds: Double?
    /// Median completion latency in seconds.
    public var p50LatencySeconds: Double?
    /// 95th-percentile completion latency in seconds.
    public var p95LatencySeconds: Double?
    /// 99th-percentile completion latency in seconds.
    public var p99LatencySeconds: Double?
    /// Energy of every node over the replay, in joules.
    public var energyJoules: Double
    /// Events processed (stale deadline events excluded).
    public var events: Int
    /// Simulated time at the end: the horizon, or the last event's time.
    public var simulatedSeconds: Double

    /// Creates a summary.
    public init(
        tasks: Int, completed: Int, droppedQueueFull: Int, droppedDeadline: Int, late: Int, unfinished: Int,
        meanLatencySeconds: Double?, p50LatencySeconds: Double?, p95LatencySeconds: Double?,
        p99LatencySeconds: Double?, energyJoules: Double, events: Int, simulatedSeconds: Double
    ) {
        self.tasks = tasks
        self.completed = completed
        self.droppedQueueFull = droppedQueueFull
        self.droppedDeadline = droppedDeadline
        self.late = late
        self.unfinished = unfinished
        self.meanLatencySeconds = meanLatencySeconds
        self.p50LatencySeconds = p50LatencySeconds
        self.p95LatencySeconds = p95LatencySeconds
        self.p99LatencySeconds = p99LatencySeconds
        self.energyJoules = energyJoules
        self.events = events
        self.simulatedSeconds = simulatedSeconds
    }

    /// Whether the conservation invariant holds.
    public var isConserved: Bool {
        tasks == completed + droppedQueueFull + droppedDeadline + unfinished
    }

    /// The figures as `(key, value)` pairs in the order of `keys`.
    public var orderedFigures: [(key: String, value: Value)] {
        func number(_ value: Double?) -> Value { value.map { .number($0) } ?? .absent }
        return [
            ("tasks", .integer(tasks)), ("completed", .integer(completed)),
            ("dropped_queue_full", .integer(droppedQueueFull)), ("dropped_deadline", .integer(droppedDeadline)),
            ("late", .integer(late)), ("unfinished", .integer(unfinished)),
            ("mean_latency_s", number(meanLatencySeconds)), ("p50_latency_s", number(p50LatencySeconds)),
            ("p95_latency_s", number(p95LatencySeconds)), ("p99_latency_s", number(p99LatencySeconds)),
            ("energy_j", .number(energyJoules)), ("events", .integer(events)),
            ("sim_time_s", .number(simulatedSeconds)),
        ]
    }
}

/// Figures beyond the summary keys, written after them in
/// `summary.json` (see FORMAT.md, "Replay results").
public struct ReplayDetails: Hashable, Sendable {
    /// Decisions taken (by agents or the policy), invalid ones included.
    public var decisions = 0
    /// Actions outside the candidate list or mask (executed locally instead).
    public var invalidActions = 0
    /// Tasks executed somewhere else than their origin.
    public var offloaded = 0
    /// Compute energy (idle and busy power over time), in joules.
    public var computeEnergyJoules = 0.0
    /// Transmission energy (transmit power times airtime), in joules.
    public var transmitEnergyJoules = 0.0
    /// Mean queueing, transfer and execution time of completed tasks.
    public var meanWaitSeconds: Double?
    public var meanTransferSeconds: Double?
    public var meanExecutionSeconds: Double?
    /// True when the replay drained every event before any horizon
    /// (terminated), false when it stopped at the horizon (truncated).
    public var drained = false

    /// Creates empty details.
    public init() {}
}

/// Per-node statistics of a replay (one row of `nodes.csv`).
public struct NodeStatistics: Hashable, Sendable {
    /// The node id.
    public var id: String
    /// The node kind's name (`device`, `edge`, `cloud`, `switch`, `router`).
    public var kind: String
    /// Tasks that reached this node as their target.
    public var tasksReceived = 0
    /// Tasks that finished executing here.
    public var tasksExecuted = 0
    /// Tasks dropped here because the queue was full.
    public var droppedQueueFull = 0
    /// Tasks dropped here past their deadline.
    public var droppedDeadline = 0
    /// Tasks decided at this node and sent elsewhere.
    public var offloadedOut = 0
    /// Tasks sent here by another node's decision.
    public var offloadedIn = 0
    /// Core-seconds spent executing (up to the end).
    public var busyCoreSeconds = 0.0
    /// Busy core-seconds over `cores · simulated time` (0 for network nodes).
    public var utilization = 0.0
    /// Time-averaged number of waiting tasks.
    public var meanQueueLength = 0.0
    /// The longest queue seen.
    public var maxQueueLength = 0
    /// Bytes this node transmitted (as the sender of a hop).
    public var bytesSent = 0.0
    /// Compute energy: `idle · T + (busy - idle) · busyCoreSeconds / cores`, in joules.
    public var computeEnergyJoules = 0.0
    /// Transmission energy: transmit power times airtime, in joules.
    public var transmitEnergyJoules = 0.0

    /// Creates empty statistics for a node.
    public init(id: String, kind: String) {
        self.id = id
        self.kind = kind
    }

    /// Total energy in joules.
    public var energyJoules: Double { computeEnergyJoules + transmitEnergyJoules }
}

/// Everything a replay produced besides the streamed records.
public struct ReplayResult: Sendable {
    /// The headline figures.
    public var summary: ReplaySummary
    /// Further figures (decisions, energy split, mean latency components).
    public var details: ReplayDetails
    /// One entry per topology node, in topology order.
    public var nodes: [NodeStatistics]
    /// Completion latencies in completion order (only with `collectLatencies`).
    public var latencies: [Double]
    /// Queue-occupancy samples (only with `queueSampleIntervalSeconds`).
    public var queueSamples: [QueueSample]
    /// The seed the replay used.
    public var seed: UInt64
    /// The policy's name.
    public var policyName: String
}
