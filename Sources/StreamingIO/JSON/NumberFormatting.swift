/// Byte-level number formatting for the writers: decimal integers and doubles
/// in Swift's shortest round-trip form, written straight into a byte buffer
/// without creating a `String` for the common cases.
///
/// The output is identical to `String(value)` / `value.description`: that is
/// the format's contract (FORMAT.md, "Determinism"), and a test compares the
/// two over millions of values. Public for the other modules' byte writers
/// (the topology importer's `ByteSink`): one formatter, one contract.
public enum NumberFormatting {
    /// Bytes a formatted `Int64` can take (`-9223372036854775808`).
    public static let maximumIntegerLength = 20

    /// Bytes the fast double path can take: sign, 16 integer digits, point,
    /// 17 fraction digits.
    public static let maximumFastDoubleLength = 40

    static let powersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    static let integerPowersOfTen: [UInt64] = [
        1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000,
        1_000_000_000, 10_000_000_000, 100_000_000_000, 1_000_000_000_000,
        10_000_000_000_000, 100_000_000_000_000, 1_000_000_000_000_000,
        10_000_000_000_000_000, 100_000_000_000_000_000,
    ]

    /// Writes `value` in decimal at `destination` (room for
    /// `maximumIntegerLength` bytes) and returns the number of bytes.
    ///
    /// - Complexity: O(digits).
    @inline(__always)
    public static func write(_ value: Int64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var length = 0
        if value < 0 {
            destination[0] = UInt8(ascii: "-")
            length = 1
        }
        return length + write(unsigned: value.magnitude, to: destination + length)
    }

    /// Writes an unsigned value in decimal; returns the number of bytes.
    @inline(__always)
    static func write(unsigned value: UInt64, to destination: UnsafeMutablePointer<UInt8>) -> Int {
        var digitCount = 1
        var probe = value
        while probe >= 10 {
            probe /= 10
            digitCount += 1
        }
        var remaining = value
        var index = digitCount
        repeat {
            index -= 1
            destination[index] = UInt8(truncatingIfNeeded: remaining % 10) &+ 0x30
            remaining /= 10
        } while index > 0
        return digitCount
    }

    /// Writes `value` exactly as `value.description` would, when a short exact
    /// form exists, and returns the number of bytes; returns nil when the
    /// caller must fall back to `description` (exponent notation, more than 15
    /// significant digits, non-finite values).
    ///
    /// Why this is exact: a decimal `m / 10^k` with `m < 2^53` and `k <= 22`
    /// converts to the correctly rounded double by one IEEE division (Clinger's
    /// fast path), so `Double(m) / 10^k == value` proves that the digits of `m`
    /// read back as `value`. Distinct decimals of at most 15 significant digits
    /// never share a double (DBL_DIG = 15), so the first `k` that works gives
    /// the unique shortest round-trip digits, which is what Swift prints. Swift
    /// uses plain decimal notation for magnitudes from 1e-4 up to 2^53; the
    /// fast path covers [1e-3, 2^53) and leaves the rest to `description`.
    ///
    /// - Parameter destination: Room for `maximumFastDoubleLength` bytes.
    @inline(__always)
    public static func writeFast(_ value: Double, to destination: UnsafeMutablePointer<UInt8>) -> Int? {
        let magnitude = value.magnitude
        guard magnitude < 9_007_199_254_740_992 else { return nil }  // 2^53; also rejects inf and nan
        var length = 0
        if value.sign == .minus {
            destination[0] = UInt8(ascii: "-")
            length = 1
        }
        // Conversions instead of `rounded()`: those call into libm on baseline x86-64.
        let integral = UInt64(magnitude)
        if Double(integral) == magnitude {
            // Integral (including zero): digits and ".0".
            length += write(unsigned: integral, to: destination + length)
            destination[length] = UInt8(ascii: ".")
            destination[length + 1] = UInt8(ascii: "0")
            return length + 2
        }
        guard magnitude >= 1e-3 else { return nil }
        for fractionDigits in 1...17 {
            let product = magnitude * powersOfTen[fractionDigits]
            guard product < 1e15 else { return nil }
            // Any rounding works here: only an exact candidate passes the check below.
            let digits = UInt64(product + 0.5)
            guard Double(digits) / powersOfTen[fractionDigits] == magnitude else { continue }
            let divisor = integerPowersOfTen[fractionDigits]
            length += write(unsigned: digits / divisor, to: destination + length)
            destination[length] = UInt8(ascii: ".")
            length += 1
            var fraction = digits % divisor
            var index = length + fractionDigits
            while index > length {
                index -= 1
                destination[index] = UInt8(truncatingIfNeeded: fraction % 10) &+ 0x30
                fraction /= 10
            }
            return length + fractionDigits
        }
        return nil
    }
}
