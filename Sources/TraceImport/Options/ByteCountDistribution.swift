import ScenarioModel

/// Bytes a task sends or returns (traces carry none): a constant or a seeded distribution.
public enum ByteCountDistribution: Sendable, Equatable, CustomStringConvertible {
    /// Always this many bytes.
    case constant(Int64)
    /// Uniform integers in `minimum...maximum`.
    case uniform(minimum: Int64, maximum: Int64)
    /// Exponential with this mean.
    case exponential(mean: Double)
    /// SciPy's `lognorm(s: shape, loc: location, scale: scale)`.
    case lognormal(shape: Double, location: Double, scale: Double)

    /// Parses `N`, `uniform:MIN,MAX`, `exponential:MEAN` or `lognormal:SHAPE,LOCATION,SCALE`.
    ///
    /// - Throws: `.invalidOption` naming `option` when the text is malformed or a value is negative.
    public static func parse(_ text: String, option: String) throws(TraceImportError) -> ByteCountDistribution {
        func fail(_ why: String) -> TraceImportError {
            .invalidOption("\(option): \(why) (expected N, uniform:MIN,MAX, exponential:MEAN or "
                + "lognormal:SHAPE,LOCATION,SCALE), found '\(text)'")
        }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let numbers = parts.count == 2 ? parts[1].split(separator: ",").map { Double($0) } : []
        if parts.count == 2, numbers.contains(where: { $0 == nil || !$0!.isFinite }) { throw fail("not a number") }
        let values = numbers.compactMap { $0 }
        switch parts.first ?? "" {
        case "uniform":
            guard values.count == 2, values[0] >= 0, values[0] <= values[1], values[1] < 9e18 else {
                throw fail("uniform needs 0 <= MIN <= MAX")
            }
            return .uniform(minimum: Int64(values[0]), maximum: Int64(values[1]))
        case "exponential":
            guard values.count == 1, values[0] > 0 else { throw fail("exponential needs a positive mean") }
            return .exponential(mean: values[0])
        case "lognormal":
            guard values.count == 3, values[0] > 0, values[2] > 0 else {
                throw fail("lognormal needs a positive shape and scale")
            }
            return .lognormal(shape: values[0], location: values[1], scale: values[2])
        default:
            guard parts.count == 1, let value = Double(text), value >= 0, value < 9e18 else {
                throw fail("not a byte count >= 0")
            }
            return .constant(Int64(value))
        }
    }

    /// True when drawing uses no randomness.
    var isConstant: Bool {
        if case .constant = self { return true }
        return false
    }

    /// Draws one byte count (negative draws become 0).
    func draw(using generator: inout SeededGenerator) -> Int64 {
        switch self {
        case .constant(let value):
            return value
        case .uniform(let minimum, let maximum):
            let span = UInt64(maximum - minimum) &+ 1
            if span == 0 { return Int64(bitPattern: generator.next() >> 1) }  // the whole range
            return minimum + Int64(generator.next().multipliedFullWidth(by: span).high)
        case .exponential(let mean):
            return Conversions.nonNegativeInt64(generator.exponential(rate: 1 / mean))
        case .lognormal(let shape, let location, let scale):
            return Conversions.nonNegativeInt64(generator.lognormal(shape: shape, location: location, scale: scale))
        }
    }

    public var description: String {
        switch self {
        case .constant(let value): return "\(value)"
        case .uniform(let minimum, let maximum): return "uniform:\(minimum),\(maximum)"
        case .exponential(let mean): return "exponential:\(mean)"
        case .lognormal(let shape, let location, let scale): return "lognormal:\(shape),\(location),\(scale)"
        }
    }
}
