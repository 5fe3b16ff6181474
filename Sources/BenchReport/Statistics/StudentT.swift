#if canImport(Glibc)
import Glibc
#endif

/// Student's t distribution: distribution function and exact quantiles, for
/// confidence intervals over a handful of seeds.
///
/// The distribution function uses the identity `P(T ≤ -t) = I_x(ν/2, 1/2) / 2`
/// with `x = ν / (ν + t²)` (Abramowitz and Stegun, *Handbook of Mathematical
/// Functions*, 26.7.1 and 26.5.27), the regularized incomplete beta function
/// `I_x` being evaluated by its continued fraction (A&S 26.5.8) with the
/// modified Lentz method (Press et al., *Numerical Recipes*, 3rd ed., §6.4).
/// Quantiles solve `P(T > t) = 1 - p` by safeguarded Newton iteration to full
/// double precision, with the closed forms for ν = 1 (Cauchy) and ν = 2.
/// Agreement with SciPy's `scipy.stats.t.ppf` and the NIST/SEMATECH
/// e-Handbook table (§1.3.6.7.2) is checked by the tests.
public enum StudentT {
    /// `P(T ≤ t)` for `degreesOfFreedom` (> 0, not necessarily whole).
    ///
    /// - Complexity: O(1); a few dozen continued-fraction terms at most.
    public static func cumulativeProbability(_ t: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, !t.isNaN else { return .nan }
        if t == 0 { return 0.5 }
        let tail = upperTail(abs(t), degreesOfFreedom: degreesOfFreedom)
        return t > 0 ? 1 - tail : tail
    }

    /// The `p`-quantile: the `t` with `P(T ≤ t) = p`, for 0 < p < 1.
    ///
    /// - Returns: The quantile, `-inf`/`inf` at p = 0 and 1, NaN outside [0, 1] or for ν ≤ 0.
    public static func quantile(_ p: Double, degreesOfFreedom: Double) -> Double {
        guard degreesOfFreedom > 0, p >= 0, p <= 1 else { return .nan }
        if p == 0 { return -.infinity }
        if p == 1 { return .infinity }
        if p == 0.5 { return 0 }
        if p < 0.5 { return -upperQuantile(tailProbability: p, degreesOfFreedom: degreesOfFreedom) }
        return upperQuantile(tailProbability: 1 - p, degreesOfFreedom: degreesOfFreedom)
    }

    /// The two-sided critical value `t` with `P(|T| ≤ t) = level`, as a
    /// confidence interval of that level uses (2.262 for 95 % and ν = 9).
    public static func criticalValue(level: Double, degreesOfFreedom: Double) -> Double {
        guard level > 0, level < 1 else { return .nan }
        return upperQuantile(tailProbability: (1 - level) / 2, degreesOfFreedom: degreesOfFreedom)
    }

    // MARK: - Internals

    /// `P(T > t)` for t ≥ 0.
    static func upperTail(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        if t.isInfinite { return 0 }
        let x = nu / (nu + t * t)
        return 0.5 * IncompleteBeta.regularized(x: x, a: nu / 2, b: 0.5)
    }

    /// The `t > 0` with `P(T > t) = tail`, for 0 < tail < 1/2.
    private static func upperQuantile(tailProbability tail: Double, degreesOfFreedom nu: Double) -> Double {
        if nu == 1 { return tan(Double.pi * (0.5 - tail)) }
        if nu == 2 {
            let p = 1 - tail
            return (2 * p - 1) / (2 * p * (1 - p)).squareRoot()
        }
        // Bracket the root, then Newton steps that fall back to bisection when they leave the bracket.
        var low = 0.0, high = 1.0
        while upperTail(high, degreesOfFreedom: nu) > tail {
            low = high
            high *= 2
            if high > 1e300 { return high }
        }
        var t = (low + high) / 2
        for _ in 0..<200 {
            let difference = upperTail(t, degreesOfFreedom: nu) - tail
            if difference == 0 { return t }
            if difference > 0 { low = t } else { high = t }
            // d/dt P(T > t) = -density(t).
            let step = difference / density(t, degreesOfFreedom: nu)
            var next = t + step
            if !(next > low && next < high) { next = (low + high) / 2 }
            if abs(next - t) <= 1e-15 * abs(t) || high - low <= 1e-15 * high { return next }
            t = next
        }
        return t
    }

    /// The density of T at t.
    static func density(_ t: Double, degreesOfFreedom nu: Double) -> Double {
        let logNormalizer = logGamma((nu + 1) / 2) - logGamma(nu / 2) - 0.5 * log(nu * Double.pi)
        return exp(logNormalizer - (nu + 1) / 2 * log1p(t * t / nu))
    }

    /// `ln Γ(x)` for x > 0, thread-safe (`lgamma_r`; plain `lgamma` writes the global `signgam`).
    static func logGamma(_ x: Double) -> Double {
        var sign: Int32 = 0
        return lgamma_r(x, &sign)
    }
}

/// The regularized incomplete beta function `I_x(a, b)`.
enum IncompleteBeta {
    /// `I_x(a, b)` for 0 ≤ x ≤ 1, a, b > 0 (Numerical Recipes §6.4, `betai`).
    static func regularized(x: Double, a: Double, b: Double) -> Double {
        if x <= 0 { return 0 }
        if x >= 1 { return 1 }
        let logFront = StudentT.logGamma(a + b) - StudentT.logGamma(a) - StudentT.logGamma(b)
            + a * log(x) + b * log1p(-x)
        let front = exp(logFront)
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
        if x < (a + 1) / (a + b + 2) {
            return front * continuedFraction(x: x, a: a, b: b) / a
        }
        return 1 - front * continuedFraction(x: 1 - x, a: b, b: a) / b
    }

    /// The continued fraction of A&S 26.5.8 by the modified Lentz method (NR `betacf`).
    private static func continuedFraction(x: Double, a: Double, b: Double) -> Double {
        let tiny = 1e-300, epsilon = 1e-16
        let sum = a + b, plusOne = a + 1, minusOne = a - 1
        var c = 1.0
        var d = 1 - sum * x / plusOne
        if abs(d) < tiny { d = tiny }
        d = 1 / d
        var result = d
        for m in 1...1000 {
            let m = Double(m), twoM = 2 * m
            var coefficient = m * (b - m) * x / ((minusOne + twoM) * (a + twoM))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            result *= d * c
            coefficient = -(a + m) * (sum + m) * x / ((a + twoM) * (plusOne + twoM))
            d = 1 + coefficient * d
            if abs(d) < tiny { d = tiny }
            c = 1 + coefficient / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            result *= delta
            if abs(delta - 1) < epsilon { break }
        }
        return result
    }
}
