/// The headline figures of one replay: the first keys of a replay's
/// `summary.json`, in `keys` order (FORMAT.md, "Replay results"). The
/// simulator produces it; the bench reads it back and tabulates it.
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
            ("sim_time_s", .number(simulatedTimeSeconds)),
        ]
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

    /// The first inconsistency in the figures, or nil (a summary read from a file
    /// may hold anything): negative or non-finite
    /// numbers, parts larger than the whole, latency percentiles out of order.
    public func inconsistency() -> String? {
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
