#if canImport(Glibc)
import Glibc
#endif

extension SeededGenerator {
    /// A uniform double in [0, 1) with 53 random bits.
    @inlinable
    public mutating func nextUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in (0, 1], safe for logarithms.
    @inlinable
    public mutating func nextOpenUnitInterval() -> Double {
        Double((next() >> 11) &+ 1) * 0x1.0p-53
    }

    /// An exponential variate with the given rate (mean `1 / rate`), by inversion.
    public mutating func exponential(rate: Double) -> Double {
        -log(nextOpenUnitInterval()) / rate
    }

    /// A standard normal variate (Box–Muller; one of the pair is used, so each
    /// call consumes exactly two draws and streams stay aligned).
    public mutating func standardNormal() -> Double {
        let radius = (-2 * log(nextOpenUnitInterval())).squareRoot()
        let angle = 2 * Double.pi * nextUnitInterval()
        return radius * cos(angle)
    }

    /// A shifted log-normal variate in SciPy's parameterisation
    /// `lognorm(s: shape, loc: location, scale: scale)`:
    /// `location + scale * exp(shape * Z)` with `Z` standard normal.
    public mutating func lognormal(shape: Double, location: Double, scale: Double) -> Double {
        location + scale * exp(shape * standardNormal())
    }

    /// An index drawn with probability proportional to `weights` (non-negative,
    /// with a positive sum).
    ///
    /// - Complexity: O(n) in the number of weights.
    public mutating func weightedIndex(_ weights: [Double]) -> Int {
        let total = weights.reduce(0) { $0 + max($1, 0) }
        var target = nextUnitInterval() * total
        for (index, weight) in weights.enumerated() where weight > 0 {
            target -= weight
            if target < 0 { return index }
        }
        return weights.lastIndex { $0 > 0 } ?? 0
    }
}

extension SeededGenerator {
    /// A uniform integer in `range`, by Lemire's multiply-and-reject method
    /// (unbiased; implemented here rather than taken from the standard
    /// library so the draws stay the same across Swift versions).
    ///
    /// - Complexity: O(1) expected; consumes one draw, rarely more.
    public mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(bitPattern: Int64(range.upperBound) &- Int64(range.lowerBound)) &+ 1
        if span == 0 { return Int(truncatingIfNeeded: Int64(bitPattern: next())) }  // the full 64-bit range
        var product = next().multipliedFullWidth(by: span)
        if product.low < span {
            let threshold = (0 &- span) % span
            while product.low < threshold {
                product = next().multipliedFullWidth(by: span)
            }
        }
        return range.lowerBound &+ Int(truncatingIfNeeded: product.high)
    }
}
