import ScenarioModel

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
