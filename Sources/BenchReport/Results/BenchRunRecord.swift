import ScenarioModel

/// What the bench keeps of one run: its figures, a bounded summary of its
/// latencies, and its queue occupancy when the report plots it.
public struct BenchRunRecord: Hashable, Sendable {
    /// The job that ran.
    public let job: BenchJob
    /// The run's summary figures.
    public let summary: ReplaySummary
    /// The run's completion latencies, summarised.
    public let latencySketch: LatencySketch
    /// Queue occupancy over time (kept only for the runs the plan plots).
    public let queueOccupancy: QueueOccupancySeries?

    /// Checks `result` and reduces it to a record.
    ///
    /// - Parameters:
    ///   - job: The job that produced the result.
    ///   - result: What the runner returned.
    ///   - keepsQueueOccupancy: Whether to keep the occupancy series.
    /// - Throws: `BenchError.invalidResult` when the figures are inconsistent.
    public init(job: BenchJob, result: BenchRunResult, keepsQueueOccupancy: Bool = true) throws(BenchError) {
        if let problem = result.problem() { throw .invalidResult(job: job.description, message: problem) }
        self.job = job
        summary = result.summary
        latencySketch = result.completionLatenciesSeconds.isEmpty
            ? .empty : LatencySketch(latencies: result.completionLatenciesSeconds)
        queueOccupancy = keepsQueueOccupancy ? result.queueOccupancy : nil
    }
}
