/// The summary figures of one replay, as the simulator reports them (the keys
/// of its `--summary-json`, in this order: `tasks`, `completed`,
/// `dropped_queue_full`, `dropped_deadline`, `late`, `unfinished`,
/// `mean_latency_s`, `p50_latency_s`, `p95_latency_s`, `p99_latency_s`,
/// `energy_j`, `events`, `sim_time_s`).
public struct RunSummary: Hashable, Sendable {
    /// The summary keys, in the simulator's order (also `results.csv`'s column order).
    public static let keys = [
        "tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished",
        "mean_latency_s", "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "events", "sim_time_s",
    ]

    /// Tasks that arrived.
    public var tasks: Int
    /// Tasks that completed (late or not).
    public var completed: Int
    /// Tasks dropped because a queue was full.
    public var droppedQueueFull: Int
    /// Tasks dropped because their deadline passed before they ran.
    public var droppedDeadline: Int
    /// Tasks that completed after their deadline.
    public var late: Int
    /// Tasks still queued or running when the replay stopped.
    public var unfinished: Int
    /// Mean completion latency in seconds (nil when no task completed).
    public var meanLatencySeconds: Double?
    /// Median completion latency in seconds.
    public var p50LatencySeconds: Double?
    /// 95th-percentile completion latency in seconds.
    public var p95LatencySeconds: Double?
    /// 99th-percentile completion latency in seconds.
    public var p99LatencySeconds: Double?
    /// Energy consumed, in joules.
    public var energyJoules: Double
    /// Simulation events processed.
    public var events: Int
    /// Simulated time at the end of the replay, in seconds.
    public var simulatedTimeSeconds: Double

    /// Creates a summary.
    public init(
        tasks: Int, completed: Int, droppedQueueFull: Int, droppedDeadline: Int, late: Int, unfinished: Int,
        meanLatencySeconds: Double?, p50LatencySeconds: Double?, p95LatencySeconds: Double?,
        p99LatencySeconds: Double?, energyJoules: Double, events: Int, simulatedTimeSeconds: Double
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
        self.simulatedTimeSeconds = simulatedTimeSeconds
    }

    /// Tasks dropped for any reason.
    public var dropped: Int { droppedQueueFull + droppedDeadline }

    /// Dropped tasks as a fraction of arrived tasks (nil without tasks).
    public var dropRate: Double? {
        tasks > 0 ? Double(dropped) / Double(tasks) : nil
    }

    /// Deadline misses (dropped at the deadline, or completed late) as a fraction of arrived tasks.
    public var deadlineMissRate: Double? {
        tasks > 0 ? Double(droppedDeadline + late) / Double(tasks) : nil
    }

    /// The figures in `keys` order: integers as `.integer`, reals as `.real`, absent as `.none`.
    public var figures: [Figure] {
        [
            .integer(tasks), .integer(completed), .integer(droppedQueueFull), .integer(droppedDeadline),
            .integer(late), .integer(unfinished), Figure(meanLatencySeconds), Figure(p50LatencySeconds),
            Figure(p95LatencySeconds), Figure(p99LatencySeconds), .real(energyJoules), .integer(events),
            .real(simulatedTimeSeconds),
        ]
    }

    /// One summary figure.
    public enum Figure: Hashable, Sendable {
        /// A count.
        case integer(Int)
        /// A measurement in the key's unit.
        case real(Double)
        /// Undefined (a latency when no task completed).
        case none

        init(_ value: Double?) {
            self = value.map { .real($0) } ?? .none
        }
    }

    /// The first inconsistency in the figures, or nil: negative or non-finite
    /// numbers, parts larger than the whole, latency percentiles out of order.
    func problem() -> String? {
        let counts: [(String, Int)] = [
            ("tasks", tasks), ("completed", completed), ("dropped_queue_full", droppedQueueFull),
            ("dropped_deadline", droppedDeadline), ("late", late), ("unfinished", unfinished), ("events", events),
        ]
        for (key, value) in counts where value < 0 { return "\(key) is negative (\(value))" }
        // The simulator's conservation invariant: every arrived task ends in exactly one state.
        let (partial, overflow1) = completed.addingReportingOverflow(droppedQueueFull)
        let (partial2, overflow2) = partial.addingReportingOverflow(droppedDeadline)
        let (accounted, overflow3) = partial2.addingReportingOverflow(unfinished)
        if overflow1 || overflow2 || overflow3 || accounted != tasks {
            return "tasks (\(tasks)) != completed + dropped_queue_full + dropped_deadline + unfinished "
                + "(\(completed) + \(droppedQueueFull) + \(droppedDeadline) + \(unfinished))"
        }
        if late > completed { return "late (\(late)) exceeds completed (\(completed))" }
        let reals: [(String, Double?)] = [
            ("mean_latency_s", meanLatencySeconds), ("p50_latency_s", p50LatencySeconds),
            ("p95_latency_s", p95LatencySeconds), ("p99_latency_s", p99LatencySeconds), ("energy_j", energyJoules),
            ("sim_time_s", simulatedTimeSeconds),
        ]
        for (key, value) in reals {
            if let value, !(value.isFinite && value >= 0) { return "\(key) is not a finite non-negative number (\(value))" }
        }
        if completed > 0 && meanLatencySeconds == nil { return "mean_latency_s is missing although tasks completed" }
        if let p50 = p50LatencySeconds, let p95 = p95LatencySeconds, let p99 = p99LatencySeconds,
            !(p50 <= p95 && p95 <= p99)
        {
            return "latency percentiles are out of order (p50 \(p50), p95 \(p95), p99 \(p99))"
        }
        return nil
    }
}
