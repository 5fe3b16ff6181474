/// The empirical distribution of a sample: `F(x)` = fraction of values ≤ x,
/// and quantiles.
///
/// Quantiles interpolate linearly between order statistics: definition 7 of
/// Hyndman and Fan ("Sample quantiles in statistical packages", *The American
/// Statistician* 50(4), 1996), the default of R, NumPy and pandas, so figures
/// agree with what users compute from `results.csv` or per-task records.
public struct EmpiricalCDF: Hashable, Sendable {
    /// The values in increasing order (non-finite values are left out).
    public let sortedValues: [Double]

    /// Builds the distribution of `values`; NaN and infinite values are ignored.
    ///
    /// - Complexity: O(n log n).
    public init(_ values: [Double]) {
        sortedValues = values.filter(\.isFinite).sorted()
    }

    /// Wraps values already sorted in increasing order (not checked).
    init(sortedFiniteValues: [Double]) {
        sortedValues = sortedFiniteValues
    }

    /// The number of values.
    public var count: Int { sortedValues.count }

    /// `F(x)`: the fraction of values less than or equal to `x` (0 for an empty sample).
    ///
    /// - Complexity: O(log n).
    public func fraction(atOrBelow x: Double) -> Double {
        guard !sortedValues.isEmpty else { return 0 }
        return Double(Self.countAtOrBelow(x, in: sortedValues)) / Double(sortedValues.count)
    }

    /// The `p`-quantile (0 ≤ p ≤ 1) by linear interpolation (Hyndman and Fan's
    /// definition 7): with `h = (n - 1) p`, `x[⌊h⌋] + (h - ⌊h⌋)(x[⌊h⌋ + 1] - x[⌊h⌋])`.
    ///
    /// - Returns: The quantile, or nil for an empty sample or `p` outside [0, 1].
    /// - Complexity: O(1).
    public func quantile(_ p: Double) -> Double? {
        Self.quantile(p, sortedValues: sortedValues)
    }

    /// The steps of `F`: each distinct value with the fraction of values ≤ it.
    ///
    /// - Complexity: O(n).
    public func steps() -> [(value: Double, fraction: Double)] {
        var steps: [(value: Double, fraction: Double)] = []
        let total = Double(sortedValues.count)
        for index in sortedValues.indices {
            if index + 1 < sortedValues.count && sortedValues[index + 1] == sortedValues[index] { continue }
            steps.append((sortedValues[index], Double(index + 1) / total))
        }
        return steps
    }

    /// Definition-7 quantile of sorted values.
    static func quantile(_ p: Double, sortedValues values: [Double]) -> Double? {
        guard !values.isEmpty, p >= 0, p <= 1 else { return nil }
        let position = Double(values.count - 1) * p
        let lowerIndex = min(Int(position.rounded(.down)), values.count - 1)
        let fraction = position - Double(lowerIndex)
        guard fraction > 0, lowerIndex + 1 < values.count else { return values[lowerIndex] }
        return values[lowerIndex] + fraction * (values[lowerIndex + 1] - values[lowerIndex])
    }

    /// The number of sorted values ≤ x (an upper-bound binary search).
    static func countAtOrBelow(_ x: Double, in values: [Double]) -> Int {
        var low = 0, high = values.count
        while low < high {
            let middle = low + (high - low) / 2
            if values[middle] <= x { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
