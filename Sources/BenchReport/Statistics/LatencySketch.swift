/// A run's completion latencies in bounded memory: the exact sorted sample
/// when it has at most `exactLimit` values, otherwise its quantiles at the
/// probabilities 0, 1/1000, ..., 1 (Hyndman-Fan definition 7).
///
/// A bench of hundreds of runs of a million tasks each thus keeps 8 kB per run
/// instead of 8 MB, and the latency CDF of a policy pools its runs as the
/// mixture `F(x) = Σ nᵢ Fᵢ(x) / Σ nᵢ`, exact for small runs and within 1/1000
/// in probability (linear between grid points) for large ones.
public struct LatencySketch: Hashable, Sendable {
    /// The most values kept exactly; larger samples keep the quantile grid.
    public static let exactLimit = 1001
    /// The number of intervals of the quantile grid.
    static let gridIntervals = 1000

    /// The number of latencies summarised.
    public let count: Int
    /// Sorted values (exact) or the quantile grid.
    let points: [Double]
    /// Whether `points` is the whole sample.
    public var isExact: Bool { count <= Self.exactLimit }

    /// Summarises `latencies` (finite values; others are ignored).
    ///
    /// - Complexity: O(n log n).
    public init(latencies: [Double]) {
        let sorted = latencies.filter(\.isFinite).sorted()
        count = sorted.count
        if sorted.count <= Self.exactLimit {
            points = sorted
        } else {
            points = (0...Self.gridIntervals).map { index in
                EmpiricalCDF.quantile(Double(index) / Double(Self.gridIntervals), sortedValues: sorted) ?? 0
            }
        }
    }

    /// The empty sketch (a run whose latencies were not collected).
    public static let empty = LatencySketch(latencies: [])

    /// `F(x)`: the fraction of latencies ≤ x (interpolated between grid points for large samples).
    ///
    /// - Complexity: O(log n).
    public func fraction(atOrBelow x: Double) -> Double {
        guard count > 0 else { return 0 }
        if isExact { return EmpiricalCDF(sortedFiniteValues: points).fraction(atOrBelow: x) }
        guard let first = points.first, let last = points.last else { return 0 }
        if x < first { return 0 }
        if x >= last { return 1 }
        // The last grid point ≤ x; then points[index + 1] > x ≥ points[index].
        let index = EmpiricalCDF.countAtOrBelow(x, in: points) - 1
        let width = points[index + 1] - points[index]
        let within = width > 0 ? (x - points[index]) / width : 0
        return (Double(index) + within) / Double(Self.gridIntervals)
    }

    /// The `p`-quantile (exact for small samples, from the grid otherwise).
    public func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        if isExact { return EmpiricalCDF.quantile(p, sortedValues: points) }
        guard p >= 0, p <= 1 else { return nil }
        let position = p * Double(Self.gridIntervals)
        let index = min(Int(position.rounded(.down)), Self.gridIntervals - 1)
        return points[index] + (position - Double(index)) * (points[index + 1] - points[index])
    }

    /// The largest latency.
    public var maximum: Double? { points.last }

    /// The pooled `F(x)` of several runs, each weighted by its number of latencies.
    public static func pooledFraction(_ sketches: [LatencySketch], atOrBelow x: Double) -> Double {
        var weighted = 0.0, total = 0
        for sketch in sketches where sketch.count > 0 {
            weighted += Double(sketch.count) * sketch.fraction(atOrBelow: x)
            total += sketch.count
        }
        return total > 0 ? weighted / Double(total) : 0
    }
}
