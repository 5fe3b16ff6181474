#if canImport(Glibc)
import Glibc
#endif

/// Mean and percentiles of completion latencies in bounded memory.
///
/// Up to `exactLimit` values are kept and percentiles are exact, with linear
/// interpolation between order statistics (numpy's default, position
/// `(n-1)·p`). When more values arrive, the kept ones move into a
/// log-bucketed sketch (as DDSketch, Masson et al., VLDB 2019) and are freed:
/// bucket `i` holds values in `(γ^(i-1), γ^i]` with `γ = (1+α)/(1-α)`,
/// `α = 0.0005`, and a percentile is the representative `2γ^i/(γ+1)` of the
/// bucket holding the nearest rank, within 0.05 % of the exact nearest-rank
/// value. The mean is always exact (a running sum). Memory is at most
/// `exactLimit` doubles, or the buckets spanned by the data (about 2.3k per
/// decade; latencies below 1 ns count as 0 in the sketch).
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

    var mean: Double? { count > 0 ? sum / Double(count) : nil }

    mutating func add(_ value: Double) {
        count += 1
        sum += value
        if count <= exactLimit {
            exact.append(value)
            return
        }
        if !exact.isEmpty {
            for kept in exact { addToSketch(kept) }
            exact = []
        }
        addToSketch(value)
    }

    private mutating func addToSketch(_ value: Double) {
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

    /// The percentiles at `levels` (each in [0, 1]); nil entries without values.
    ///
    /// - Complexity: O(n) expected for exact values (selection, no full sort).
    func quantiles(_ levels: [Double]) -> [Double?] {
        guard count > 0 else { return levels.map { _ in nil } }
        guard isExact else { return levels.map { sketchQuantile($0) } }
        var values = exact
        return values.withUnsafeMutableBufferPointer { buffer in
            levels.map { p in
                let position = Double(buffer.count - 1) * p
                let lower = Int(position.rounded(.down))
                let lowerValue = Self.select(lower, in: buffer)
                guard lower + 1 < buffer.count, position > Double(lower) else { return lowerValue }
                // After selecting `lower`, the next order statistic is the minimum of the upper part.
                var upperValue = Double.infinity
                for index in (lower + 1)..<buffer.count { upperValue = min(upperValue, buffer[index]) }
                return lowerValue + (position - Double(lower)) * (upperValue - lowerValue)
            }
        }
    }

    /// The `k`-th smallest value (0-based); partitions `buffer` around it
    /// (Hoare's selection with a median-of-three pivot).
    private static func select(_ k: Int, in buffer: UnsafeMutableBufferPointer<Double>) -> Double {
        var low = 0
        var high = buffer.count - 1
        while low < high {
            let middle = low + (high - low) / 2
            // Median of three as the pivot keeps sorted inputs linear.
            if buffer[middle] < buffer[low] { buffer.swapAt(middle, low) }
            if buffer[high] < buffer[low] { buffer.swapAt(high, low) }
            if buffer[high] < buffer[middle] { buffer.swapAt(high, middle) }
            let pivot = buffer[middle]
            var left = low
            var right = high
            while left <= right {
                while buffer[left] < pivot { left += 1 }
                while pivot < buffer[right] { right -= 1 }
                if left <= right {
                    buffer.swapAt(left, right)
                    left += 1
                    right -= 1
                }
            }
            if k <= right {
                high = right
            } else if k >= left {
                low = left
            } else {
                return buffer[k]
            }
        }
        return buffer[k]
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
