import ScenarioModel

/// What a runner returns for one job.
public struct BenchRunResult: Sendable {
    /// The run's summary figures.
    public var summary: ReplaySummary
    /// The completion latency of every completed task, in seconds, in any order
    /// (or empty when the runner does not collect them; the latency CDF then
    /// leaves the run out).
    public var completionLatenciesSeconds: [Double]
    /// Queue occupancy over time, when the runner samples it.
    public var queueOccupancy: QueueOccupancySeries?

    /// Creates a result.
    public init(summary: ReplaySummary, completionLatenciesSeconds: [Double] = [], queueOccupancy: QueueOccupancySeries? = nil) {
        self.summary = summary
        self.completionLatenciesSeconds = completionLatenciesSeconds
        self.queueOccupancy = queueOccupancy
    }

    /// The first inconsistency, or nil.
    func problem() -> String? {
        if let problem = summary.inconsistency() { return problem }
        let latencies = completionLatenciesSeconds
        if !latencies.isEmpty && latencies.count != summary.completed {
            return "\(latencies.count) completion latencies for \(summary.completed) completed tasks"
        }
        for latency in latencies where !(latency.isFinite && latency >= 0) {
            return "a completion latency is negative or not finite (\(latency))"
        }
        return queueOccupancy?.problem()
    }
}
