#if canImport(Glibc)
import Glibc
#endif

/// A numeric axis with "nice" bounds and ticks: steps of 1, 2 or 5 times a
/// power of ten, bounds on whole steps (after Heckbert, "Nice numbers for
/// graph labels", *Graphics Gems*, 1990, loose labelling).
struct AxisScale: Hashable {
    let lower: Double
    let upper: Double
    let step: Double
    /// The tick values, lower to upper.
    let ticks: [Double]
    /// Decimals of the tick labels (enough for the step).
    let decimals: Int
    /// The factor tick labels are divided by (1000 for `k`), when the axis uses a metric prefix.
    let prefixFactor: Double
    /// The metric prefix for the axis title's unit (`k`, `M`, `G`, or empty).
    let prefix: String

    /// A scale covering `minimum...maximum` with about `targetTickCount` ticks.
    ///
    /// - Parameters:
    ///   - includesZero: Extends the range to 0 (bars must start at 0).
    ///   - allowsPrefix: Labels large values in thousands (`k`), millions (`M`) or billions (`G`).
    init(minimum: Double, maximum: Double, targetTickCount: Int = 6, includesZero: Bool = false, allowsPrefix: Bool = false) {
        var low = minimum.isFinite ? minimum : 0
        var high = maximum.isFinite ? maximum : 1
        if low > high { swap(&low, &high) }
        if includesZero {
            low = min(low, 0)
            high = max(high, 0)
        }
        if low == high {
            if low == 0 {
                high = 1
            } else {
                let spread = abs(low) * 0.1
                low -= spread
                high += spread
                if includesZero {
                    low = min(low, 0)
                    high = max(high, 0)
                }
            }
        }
        // Heckbert rounds the range to a nice number first; stepping the raw range instead
        // gives tighter bounds (0...10.5 becomes 0...12 rather than 0...15) with as many ticks.
        let (mantissa, exponent) = Self.niceStep((high - low) / Double(max(targetTickCount - 1, 1)))
        // Whole multiples of mantissa × 10^exponent, dividing for negative exponents, keep
        // ticks exact decimals (0.3 rather than 0.30000000000000004).
        let tickValue: (Double) -> Double = { index in
            exponent >= 0 ? index * mantissa * pow(10, Double(exponent)) : index * mantissa / pow(10, Double(-exponent))
        }
        let step = tickValue(1)
        // The tolerance keeps 0.6 / 0.1 = 5.999999999999999 on tick 6 instead of adding tick 5.
        let first = (low / step + 1e-9).rounded(.down), last = (high / step - 1e-9).rounded(.up)
        lower = tickValue(first)
        upper = tickValue(last)
        self.step = step
        var ticks: [Double] = []
        var index = first
        while index <= last + 0.5 && ticks.count < 100 {
            ticks.append(tickValue(index))
            index += 1
        }
        self.ticks = ticks
        let largest = max(abs(lower), abs(upper))
        if allowsPrefix && largest >= 1e4 {
            let power = largest >= 1e10 ? 9 : (largest >= 1e7 ? 6 : 3)
            prefixFactor = pow(10, Double(power))
            prefix = power == 9 ? "G" : (power == 6 ? "M" : "k")
            decimals = max(0, power - exponent)
        } else {
            prefixFactor = 1
            prefix = ""
            decimals = max(0, -exponent)
        }
    }

    /// A fixed scale with explicit ticks (such as 0 to 1 for a distribution function).
    init(lower: Double, upper: Double, ticks: [Double], decimals: Int) {
        self.lower = lower
        self.upper = upper
        step = ticks.count > 1 ? ticks[1] - ticks[0] : upper - lower
        self.ticks = ticks
        self.decimals = decimals
        prefixFactor = 1
        prefix = ""
    }

    /// The tick label for `value`.
    func label(_ value: Double) -> String {
        DecimalText.fixed(value / prefixFactor, decimals: decimals)
    }

    /// `value`'s position between the bounds, 0 at `lower` and 1 at `upper`.
    func fraction(_ value: Double) -> Double {
        upper > lower ? (value - lower) / (upper - lower) : 0
    }

    /// The rounded nice step for `value` as mantissa (1, 2 or 5) and power of ten (`0.2` is 2 and -1).
    private static func niceStep(_ value: Double) -> (Double, Int) {
        guard value > 0, value.isFinite else { return (1, 0) }
        var exponent = Int(log10(value).rounded(.down))
        let fraction = value / pow(10, Double(exponent))
        var mantissa: Double = fraction < 1.5 ? 1 : (fraction < 3 ? 2 : (fraction < 7 ? 5 : 10))
        if mantissa == 10 {
            mantissa = 1
            exponent += 1
        }
        return (mantissa, exponent)
    }
}
