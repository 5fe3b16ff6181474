import ScenarioModel

/// How many of something a block makes: a constant, a linear function of the
/// enclosing repetition's size `n`, or a random draw.
///
/// Random counts draw from the generator passed to the builder, in
/// materialisation order, so the seed fixes them.
public enum Count: Hashable, Sendable {
    /// Always this many.
    case fixed(Int)
    /// `perSize * n + offset`, where `n` is the size drawn by the nearest
    /// enclosing `repeat` block (Ether's `neighborhood(n)`).
    case linear(perSize: Int, offset: Int)
    /// `int(location + scale * exp(shape * Z))`, Z standard normal: Ether's
    /// `GeoCell` density, a SciPy `lognorm` truncated to an integer.
    case lognormal(shape: Double, location: Double, scale: Double)
    /// A uniform integer in `min...max`.
    case uniform(min: Int, max: Int)

    /// `n` itself.
    public static let size = Count.linear(perSize: 1, offset: 0)

    /// Whether the count refers to an enclosing size.
    var usesSize: Bool {
        if case .linear(let perSize, _) = self { return perSize != 0 }
        return false
    }

    /// Whether evaluating the count draws from the generator.
    var isRandom: Bool {
        switch self {
        case .fixed, .linear: return false
        case .lognormal, .uniform: return true
        }
    }

    /// The largest count a single evaluation may give (guards specs whose
    /// distributions run away; the builder also caps the total node count).
    static let maximum = 100_000_000

    /// Evaluates the count.
    ///
    /// - Parameters:
    ///   - size: The enclosing repetition's size, when there is one.
    ///   - generator: Drawn from for random counts.
    /// - Returns: A count in `0...Count.maximum`, or nil when the value is out
    ///   of range (negative, not finite, too large) or needs a size that is absent.
    func evaluate(size: Int?, using generator: inout SeededGenerator) -> Int? {
        switch self {
        case .fixed(let value):
            return (0...Self.maximum).contains(value) ? value : nil
        case .linear(let perSize, let offset):
            let n = perSize == 0 ? 0 : size
            guard let n else { return nil }
            let (product, overflowProduct) = perSize.multipliedReportingOverflow(by: n)
            let (sum, overflowSum) = product.addingReportingOverflow(offset)
            guard !overflowProduct, !overflowSum, (0...Self.maximum).contains(sum) else { return nil }
            return sum
        case .lognormal(let shape, let location, let scale):
            let value = generator.lognormal(shape: shape, location: location, scale: scale)
            guard value.isFinite, value >= 0, value < Double(Self.maximum) + 1 else { return nil }
            return Int(value)
        case .uniform(let minimum, let maximum):
            guard minimum >= 0, minimum <= maximum, maximum <= Self.maximum else { return nil }
            return generator.integer(in: minimum...maximum)
        }
    }
}

extension Count: CustomStringConvertible {
    /// The spec-file spelling (`3`, `2n+1`, `lognormal(0.82, 2.02, 1.0)`).
    public var description: String {
        switch self {
        case .fixed(let value):
            return "\(value)"
        case .linear(let perSize, let offset):
            let sizePart = perSize == 1 ? "n" : "\(perSize)n"
            if perSize == 0 { return "\(offset)" }
            if offset == 0 { return sizePart }
            return offset > 0 ? "\(sizePart)+\(offset)" : "\(sizePart)\(offset)"
        case .lognormal(let shape, let location, let scale):
            return "lognormal(\(shape), \(location), \(scale))"
        case .uniform(let minimum, let maximum):
            return "uniform(\(minimum), \(maximum))"
        }
    }
}
