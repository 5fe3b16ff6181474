/// Queue occupancy over one replay: the mean number of tasks queued per node,
/// sampled every `intervalSeconds` from `startSeconds`.
public struct QueueOccupancySeries: Hashable, Sendable {
    /// Simulated time of the first sample, in seconds.
    public var startSeconds: Double
    /// Time between samples, in seconds.
    public var intervalSeconds: Double
    /// Mean queue length (tasks per node) at each sample.
    public var queueLengths: [Double]

    /// Creates a series.
    public init(startSeconds: Double = 0, intervalSeconds: Double, queueLengths: [Double]) {
        self.startSeconds = startSeconds
        self.intervalSeconds = intervalSeconds
        self.queueLengths = queueLengths
    }

    /// The time of sample `index`, in seconds.
    public func timeSeconds(at index: Int) -> Double {
        startSeconds + Double(index) * intervalSeconds
    }

    /// The most points a series keeps for plotting; longer series are thinned.
    static let maximumPlotPoints = 2000

    /// `(time, length)` points for a plot: every sample of a short series; for a
    /// long one the minimum and maximum of each of `maximumPlotPoints / 2`
    /// buckets, in time order, so spikes survive the thinning.
    func plotPoints() -> [(Double, Double)] {
        let count = queueLengths.count
        guard count > Self.maximumPlotPoints else {
            return queueLengths.indices.map { (timeSeconds(at: $0), queueLengths[$0]) }
        }
        let buckets = Self.maximumPlotPoints / 2
        var points: [(Double, Double)] = []
        points.reserveCapacity(Self.maximumPlotPoints)
        for bucket in 0..<buckets {
            let lower = bucket * count / buckets, upper = (bucket + 1) * count / buckets
            guard lower < upper else { continue }
            var minimumIndex = lower, maximumIndex = lower
            for index in lower..<upper {
                if queueLengths[index] < queueLengths[minimumIndex] { minimumIndex = index }
                if queueLengths[index] > queueLengths[maximumIndex] { maximumIndex = index }
            }
            for index in [min(minimumIndex, maximumIndex), max(minimumIndex, maximumIndex)] {
                points.append((timeSeconds(at: index), queueLengths[index]))
                if minimumIndex == maximumIndex { break }
            }
        }
        return points
    }

    /// The first problem with the series, or nil.
    func problem() -> String? {
        guard startSeconds.isFinite, intervalSeconds.isFinite, intervalSeconds > 0 else {
            return "queue occupancy needs a finite start and a positive interval"
        }
        for value in queueLengths where !(value.isFinite && value >= 0) {
            return "queue occupancy has a negative or non-finite sample (\(value))"
        }
        return nil
    }
}
