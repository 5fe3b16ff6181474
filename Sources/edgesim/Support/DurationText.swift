/// Short human durations for log lines: `0.42 s`, `12.3 s`, `2 min 05 s`.
enum DurationText {
    static func seconds(_ value: Double) -> String {
        guard value.isFinite, value >= 0 else { return "?" }
        if value < 10 { return String(Int((value * 100).rounded())).paddedDecimal(decimals: 2) + " s" }
        if value < 60 { return String(Int((value * 10).rounded())).paddedDecimal(decimals: 1) + " s" }
        let total = Int(value.rounded())
        let remainder = total % 60
        return "\(total / 60) min \(remainder < 10 ? "0" : "")\(remainder) s"
    }
}

extension String {
    /// `"42"` with 2 decimals is `"0.42"`: digits of a scaled integer with a decimal point inserted.
    fileprivate func paddedDecimal(decimals: Int) -> String {
        let digits = count <= decimals ? String(repeating: "0", count: decimals - count + 1) + self : self
        return String(digits.dropLast(decimals)) + "." + String(digits.suffix(decimals))
    }
}
