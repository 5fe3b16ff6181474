#if canImport(Glibc)
import Glibc
#endif

/// Mean and percentiles of completion latencies in bounded memory.
///
/// Up to `exactLimit` values are kept and percentiles are exact, with linear
/// interpolation between order statistics (numpy's default, `(n-1)·p`).
/// Beyond that the values live only in a log-bucketed sketch (as DDSketch,
/// Masson et al., VLDB 2019): bucket `i` holds values in
/// `(γ^(i-1), γ^i]` with `γ = (1+α)/(1-α)`, `α = 0.0005`, and a percentile is
/// the representative `2γ^i/(γ+1)` of the bucket holding the nearest rank, so
/// it is within 0.05 % of an exact nearest-rank value. The mean is always
/// exact (a running sum). Memory is at most `exactLimit` doubles plus the
/// buckets spanned by the data (about 2.3k buckets per decade; latencies
/// below 1 ns count as 0 in the sketch).
struct LatencyStatistics {
    static let relativeAccuracy = 0.0005
    private static let gamma = (1 + relativeAccuracy) / (1 - relativeAccuracy)
    private static let logGamma = log(gamma)

    let exactLimit: Int
    private(set) var count = 0
    private(set) var sum = 0.0
    private var exact: [Double] = []
    private var zeroCount = 0
    private var bucketOffset = 0
    private var buckets: [UInt64] = []

    init(exactLimit: Int) {
        self.exactLimit = exactLimit
    }

    mutating func removeAll() {
        count = 0
        sum = 0
        exact.removeAll(keepingCapacity: true)
        zeroCount = 0
        bucketOffset = 0
        buckets.removeAll(keepingCapacity: true)
    }

    var isExact: Bool { count <= exactLimit }

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        if count <= exactLimit { exact.append(value) }
        // Sub-nanosecond latencies share the zero bucket, which bounds the sketch.
        guard value >= 1e-9 else {
            zeroCount += 1
            return
        }
        let index = Int(ceil(log(value) / Self.logGamma))
        if buckets.isEmpty {
            bucketOffset = index
            buckets.append(0)
        } else if index < bucketOffset {
            buckets.insert(contentsOf: repeatElement(0, count: bucketOffset - index), at: 0)
            bucketOffset = index
        } else if index - bucketOffset >= buckets.count {
            buckets.append(contentsOf: repeatElement(0, count: index - bucketOffset - buckets.count + 1))
        }
        buckets[index - bucketOffset] += 1
    }

    var mean: Double? { count > 0 ? sum / Double(count) : nil }

    /// The `p` percentile (`p` in [0, 1]), or nil without values.
    func quantile(_ p: Double) -> Double? {
        guard count > 0 else { return nil }
        if isExact {
            let sorted = exact.sorted()
            let position = Double(sorted.count - 1) * p
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
        return sketchQuantile(p)
    }

    /// Quantiles of the exact values in one sort (`[p50, p95, p99]` and such).
    func quantiles(_ levels: [Double]) -> [Double?] {
        guard count > 0 else { return levels.map { _ in nil } }
        guard isExact else { return levels.map { sketchQuantile($0) } }
        let sorted = exact.sorted()
        return levels.map { p in
            let position = Double(sorted.count - 1) * p
            let lower = Int(position.rounded(.down))
            let upper = min(lower + 1, sorted.count - 1)
            return sorted[lower] + (position - Double(lower)) * (sorted[upper] - sorted[lower])
        }
    }

    private func sketchQuantile(_ p: Double) -> Double {
        // Nearest rank (0-based) of the p quantile.
        let rank = UInt64((Double(count - 1) * p).rounded())
        if rank < UInt64(zeroCount) { return 0 }
        var seen = UInt64(zeroCount)
        for (offset, bucketCount) in buckets.enumerated() {
            seen += bucketCount
            if seen > rank {
                let index = Double(offset + bucketOffset)
                return 2 * exp(index * Self.logGamma) / (Self.gamma + 1)
            }
        }
        return 2 * exp(Double(buckets.count - 1 + bucketOffset) * Self.logGamma) / (Self.gamma + 1)
    }
}
