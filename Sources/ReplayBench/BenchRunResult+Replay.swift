import ScenarioModel
import BenchReport
import Simulator

extension BenchRunResult {
    /// The bench's view of a replay: its summary figures, completion latencies
    /// and mean queue occupancy over time.
    ///
    /// - Parameters:
    ///   - result: A replay run with `collectLatencies` and, for the occupancy
    ///     series, `queueSampleIntervalSeconds`.
    ///   - queueSampleIntervalSeconds: The sampling interval the replay used.
    ///
    /// `events` leaves out the queue samples (the simulator counts each as an
    /// event), so it does not depend on whether or how often the bench sampled.
    init(replay result: ReplayResult, queueSampleIntervalSeconds: Double?) {
        // Queue samples count as simulator events; the bench leaves them out.
        var summary = result.summary
        summary.events = max(summary.events - result.queueSamples.count, 0)
        var occupancy: QueueOccupancySeries?
        if let interval = queueSampleIntervalSeconds, let first = result.queueSamples.first {
            occupancy = QueueOccupancySeries(
                startSeconds: first.timeSeconds, intervalSeconds: interval,
                queueLengths: result.queueSamples.map(\.meanQueueLength))
        }
        self.init(summary: summary, completionLatenciesSeconds: result.latencies, queueOccupancy: occupancy)
    }
}
