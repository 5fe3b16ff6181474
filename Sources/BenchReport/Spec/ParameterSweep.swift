import StreamingIO

/// A sweep over one numeric parameter of the runs, such as the arrival-rate
/// scale from 0.5 to 1.5 in 5 steps: every scenario x policy x seed runs once
/// per value.
///
/// The bench stage does not interpret the parameter: the runner applies it
/// (and rejects names it does not know in `BenchRunner.validate(_:)`).
public struct ParameterSweep: Hashable, Sendable {
    /// The parameter's name, as the runner knows it (`arrivalRateScale`).
    public var parameter: String
    /// The values, strictly increasing.
    public var values: [Double]
    /// The axis title for plots, with the unit (`Arrival-rate scale (×)`); nil uses the parameter's name.
    public var label: String?

    /// Creates a sweep over explicit values.
    public init(parameter: String, values: [Double], label: String? = nil) {
        self.parameter = parameter
        self.values = values
        self.label = label
    }

    /// Creates a sweep of `steps` evenly spaced values from `from` to `to`, both included.
    ///
    /// Values are rounded to 12 significant digits, so `0.1..0.3` in 3 steps
    /// gives `0.2` rather than `0.20000000000000001`.
    public init(parameter: String, from: Double, to: Double, steps: Int, label: String? = nil) {
        let count = max(steps, 1)
        var values: [Double] = []
        values.reserveCapacity(count)
        for index in 0..<count {
            let fraction = count == 1 ? 0 : Double(index) / Double(count - 1)
            values.append(DecimalText.roundedToSignificantDigits(from + (to - from) * fraction, digits: 12))
        }
        self.init(parameter: parameter, values: values, label: label)
    }

    /// The axis title: the label, or the parameter's name.
    public var axisTitle: String { label ?? parameter }

    /// The most values a sweep may have.
    public static let maximumValueCount = 1000

    /// Why the sweep is invalid, or nil when it is fine.
    func problem() -> String? {
        if !Self.isValidParameterName(parameter) {
            return "invalid parameter name '\(MessageText.excerpt(parameter))' (expected letters, digits, '_' or '.', starting with a letter)"
        }
        if values.isEmpty { return "a sweep needs at least one value" }
        if values.count > Self.maximumValueCount {
            return "a sweep has at most \(Self.maximumValueCount) values, found \(values.count)"
        }
        for value in values where !value.isFinite { return "sweep values must be finite" }
        for index in values.indices.dropFirst() where values[index] <= values[index - 1] {
            return "sweep values must increase: \(DecimalText.shortest(values[index])) follows \(DecimalText.shortest(values[index - 1]))"
        }
        return nil
    }

    static func isValidParameterName(_ name: String) -> Bool {
        guard let first = name.utf8.first, Self.isLetter(first) else { return false }
        return name.utf8.allSatisfy { Self.isLetter($0) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2E }
    }

    private static func isLetter(_ byte: UInt8) -> Bool {
        (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
}

/// One value of a sweep, as a job sees it.
public struct SweepPoint: Hashable, Sendable {
    /// The parameter's name.
    public var parameter: String
    /// The value for this job.
    public var value: Double
    /// The value's position in the sweep (0-based).
    public var index: Int

    /// Creates a sweep point.
    public init(parameter: String, value: Double, index: Int) {
        self.parameter = parameter
        self.value = value
        self.index = index
    }
}
