/// Conversions from trace numbers to canonical integers that never trap:
/// overflow and non-finite values are clamped instead (the caller counts them
/// when they matter).
enum Conversions {
    /// `value` rounded to the nearest integer and clamped to `0...Int64.max`;
    /// NaN becomes 0.
    @inline(__always)
    static func nonNegativeInt64(_ value: Double) -> Int64 {
        guard value > 0 else { return 0 }
        guard value < 9.223_372_036_854_775e18 else { return Int64.max }
        return Int64(value.rounded())
    }

    /// Writes the decimal digits of `value` into `builder` (no sign for
    /// non-negative values), without creating a `String`.
    static func appendDecimal(_ value: Int64, to builder: RecordBuilder) {
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)
        withUnsafeMutableBytes(of: &digits) { scratch in
            var index = scratch.count
            repeat {
                index -= 1
                scratch[index] = UInt8(truncatingIfNeeded: magnitude % 10) &+ 0x30
                magnitude /= 10
            } while magnitude > 0
            if value < 0 {
                index -= 1
                scratch[index] = UInt8(ascii: "-")
            }
            builder.appendRaw(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(scratch)[index...]))
        }
    }
}
