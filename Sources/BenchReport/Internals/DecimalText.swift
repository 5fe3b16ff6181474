#if canImport(Glibc)
import Glibc
#endif

/// Decimal formatting with C's correctly rounded `printf` conversions, so the
/// same double always gives the same text on every machine (edgesim never
/// calls `setlocale`, so the decimal point is always `.`).
enum DecimalText {
    /// `value` with exactly `decimals` digits after the point (`%.*f`); `-0.00` prints as `0.00`.
    static func fixed(_ value: Double, decimals: Int) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        let text = format("%.*f", Int32(clamping: decimals), value)
        return text.hasPrefix("-") && text.utf8.allSatisfy({ $0 == 0x2D || $0 == 0x30 || $0 == 0x2E })
            ? String(text.dropFirst()) : text
    }

    /// The shortest readable form with up to 12 significant digits (`%.12g`): `1`, `0.75`, `1e-05`.
    static func shortest(_ value: Double) -> String {
        guard value.isFinite else { return value.isNaN ? "nan" : (value < 0 ? "-inf" : "inf") }
        if value == 0 { return "0" }
        return format("%.12g", value)
    }

    /// `value` rounded to `digits` significant decimal digits.
    static func roundedToSignificantDigits(_ value: Double, digits: Int) -> Double {
        guard value.isFinite, value != 0 else { return value }
        let text = format("%.*g", Int32(clamping: digits), value)
        return text.withCString { strtod($0, nil) }
    }

    private static func format(_ format: String, _ arguments: CVarArg...) -> String {
        var capacity = 64
        while true {
            var buffer = [CChar](repeating: 0, count: capacity)
            let needed = withVaList(arguments) { list in
                buffer.withUnsafeMutableBufferPointer { vsnprintf($0.baseAddress, capacity, format, list) }
            }
            if needed < 0 { return "" }
            if Int(needed) < capacity {
                return String(decoding: buffer.prefix(Int(needed)).map { UInt8(bitPattern: $0) }, as: UTF8.self)
            }
            capacity = Int(needed) + 1
        }
    }
}
