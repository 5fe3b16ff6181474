/// Mean, standard deviation and Student-t confidence interval of a sample,
/// such as one metric over the seeds of a bench cell.
///
/// Sums are compensated (Neumaier's variant of Kahan summation) and the
/// variance is computed in two passes around the mean, so the figures do not
/// lose digits on samples with a large mean and a small spread.
public struct SampleStatistics: Hashable, Sendable {
    /// The number of values.
    public let count: Int
    /// The arithmetic mean.
    public let mean: Double
    /// The sample standard deviation (divisor n - 1); nil for a single value.
    public let standardDeviation: Double?
    /// The smallest value.
    public let minimum: Double
    /// The largest value.
    public let maximum: Double

    /// Computes the statistics of `values`, or returns nil when there are none.
    ///
    /// - Complexity: O(n).
    public init?(_ values: [Double]) {
        guard let first = values.first else { return nil }
        count = values.count
        mean = Self.compensatedSum(values) / Double(values.count)
        var minimum = first, maximum = first
        for value in values {
            minimum = Swift.min(minimum, value)
            maximum = Swift.max(maximum, value)
        }
        self.minimum = minimum
        self.maximum = maximum
        if values.count > 1 {
            let mean = self.mean
            let squares = Self.compensatedSum(values.map { ($0 - mean) * ($0 - mean) })
            standardDeviation = (squares / Double(values.count - 1)).squareRoot()
        } else {
            standardDeviation = nil
        }
    }

    /// The standard error of the mean (standard deviation / √n); nil for a single value.
    public var standardError: Double? {
        standardDeviation.map { $0 / Double(count).squareRoot() }
    }

    /// The confidence interval for the mean at `level` (default 95 %):
    /// `mean ± t(1 - (1 - level) / 2, n - 1) · s / √n`; nil for a single value.
    public func confidenceInterval(level: Double = 0.95) -> ConfidenceInterval? {
        guard let standardError, level > 0, level < 1 else { return nil }
        let critical = StudentT.criticalValue(level: level, degreesOfFreedom: Double(count - 1))
        let halfWidth = critical * standardError
        return ConfidenceInterval(lower: mean - halfWidth, upper: mean + halfWidth, level: level)
    }

    /// Σ values with Neumaier's compensation, in the order given (so the result is reproducible).
    static func compensatedSum(_ values: [Double]) -> Double {
        var sum = 0.0, compensation = 0.0
        for value in values {
            let next = sum + value
            if abs(sum) >= abs(value) {
                compensation += (sum - next) + value
            } else {
                compensation += (value - next) + sum
            }
            sum = next
        }
        return sum + compensation
    }
}

/// A two-sided confidence interval for a mean.
public struct ConfidenceInterval: Hashable, Sendable {
    /// The lower bound.
    public let lower: Double
    /// The upper bound.
    public let upper: Double
    /// The confidence level (0.95 for 95 %).
    public let level: Double

    /// Creates an interval.
    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// Half the interval's width: the `±` figure of tables.
    public var halfWidth: Double { (upper - lower) / 2 }
}
