#if canImport(Glibc)
import Glibc
#endif

/// Byte-level number parsing shared by the CSV and JSON readers: no `String`
/// per value, an exact fast path for short decimals, `strtod` for the rest.
public enum NumberParsing {
    /// Why a number could not be parsed.
    public enum Failure: Error, Equatable {
        case empty
        case notANumber
        case outOfRange
        case notAnInteger
    }

    @usableFromInline
    static let exactPowersOfTen: [Double] = [
        1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11,
        1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
    ]

    /// 10^exponent for 0 ... 22, all exact doubles.
    @inlinable @inline(__always)
    static func exactPowerOfTen(_ exponent: Int) -> Double {
        switch exponent {
        case 0: return 1e0
        case 1: return 1e1
        case 2: return 1e2
        case 3: return 1e3
        case 4: return 1e4
        case 5: return 1e5
        case 6: return 1e6
        case 7: return 1e7
        case 8: return 1e8
        case 9: return 1e9
        case 10: return 1e10
        case 11: return 1e11
        case 12: return 1e12
        case 13: return 1e13
        case 14: return 1e14
        case 15: return 1e15
        case 16: return 1e16
        default: return exactPowersOfTen[min(exponent, 22)]
        }
    }

    @inline(__always)
    static func isSpace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09
    }

    /// Trims spaces and tabs from both ends.
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end && (bytes[start] == 0x20 || bytes[start] == 0x09) { start += 1 }
        while end > start && (bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09) { end -= 1 }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// Parses a signed 64-bit integer. Surrounding spaces are ignored, and a
    /// decimal whose fraction is all zeros (`12846.0`, as pandas re-serialises
    /// integers) is accepted.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func int64(_ raw: UnsafeRawBufferPointer) -> Result<Int64, Failure> {
        let bytes = trimmed(raw)
        guard bytes.count > 0 else { return .failure(.empty) }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        guard index < bytes.count else { return .failure(.notANumber) }
        // Accumulate as a negative number so Int64.min parses.
        var value: Int64 = 0
        var digits = 0
        while index < bytes.count {
            let digit = bytes[index] &- UInt8(ascii: "0")
            guard digit < 10 else { break }
            let (shifted, overflow1) = value.multipliedReportingOverflow(by: 10)
            let (next, overflow2) = shifted.subtractingReportingOverflow(Int64(digit))
            if overflow1 || overflow2 { return .failure(.outOfRange) }
            value = next
            digits += 1
            index += 1
        }
        guard digits > 0 else { return .failure(.notANumber) }
        if index < bytes.count {
            guard bytes[index] == UInt8(ascii: ".") else { return .failure(.notANumber) }
            index += 1
            while index < bytes.count {
                if bytes[index] != UInt8(ascii: "0") {
                    let digit = bytes[index] &- UInt8(ascii: "0")
                    return .failure(digit < 10 ? .notAnInteger : .notANumber)
                }
                index += 1
            }
        }
        if negative { return .success(value) }
        guard value != Int64.min else { return .failure(.outOfRange) }
        return .success(-value)
    }

    /// Parses a decimal floating-point number (`-12.5`, `3e-4`, `NaN`, `inf`).
    /// Surrounding spaces are ignored. Short decimals take an exact fast path
    /// (the mantissa and the power of ten are both exact doubles, so one
    /// division rounds correctly); everything else goes through `strtod`.
    ///
    /// - Complexity: O(n) in the number of bytes.
    public static func double(_ raw: UnsafeRawBufferPointer) -> Result<Double, Failure> {
        let bytes = trimmed(raw)
        guard bytes.count > 0 else { return .failure(.empty) }
        var index = 0
        var negative = false
        if bytes[0] == UInt8(ascii: "-") || bytes[0] == UInt8(ascii: "+") {
            negative = bytes[0] == UInt8(ascii: "-")
            index = 1
        }
        var mantissa: UInt64 = 0
        var significantDigits = 0
        var fractionDigits = 0
        var sawDigit = false
        var sawPoint = false
        var fastPath = true
        while index < bytes.count {
            let byte = bytes[index]
            let digit = byte &- UInt8(ascii: "0")
            if digit < 10 {
                sawDigit = true
                if mantissa != 0 || digit != 0 { significantDigits += 1 }
                if significantDigits > 15 {
                    fastPath = false
                } else {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                }
                if sawPoint { fractionDigits += 1 }
            } else if byte == UInt8(ascii: ".") && !sawPoint {
                sawPoint = true
            } else {
                fastPath = false
                break
            }
            index += 1
        }
        if fastPath && sawDigit && fractionDigits < exactPowersOfTen.count {
            let magnitude = Double(mantissa) / exactPowersOfTen[fractionDigits]
            return .success(negative ? -magnitude : magnitude)
        }
        return slowDouble(bytes)
    }

    /// Falls back to `strtod` on a NUL-terminated copy, insisting that every
    /// byte is consumed.
    ///
    /// The corresponding C function is `strtod`.
    static func slowDouble(_ bytes: UnsafeRawBufferPointer) -> Result<Double, Failure> {
        guard bytes.count < 512 else { return .failure(.notANumber) }
        return withUnsafeTemporaryAllocation(of: CChar.self, capacity: bytes.count + 1) {
            buffer in
            for index in 0..<bytes.count { buffer[index] = CChar(bitPattern: bytes[index]) }
            buffer[bytes.count] = 0
            var end: UnsafeMutablePointer<CChar>? = nil
            errno = 0
            let value = strtod(buffer.baseAddress!, &end)
            guard let end, end - buffer.baseAddress! == bytes.count else {
                return .failure(.notANumber)
            }
            // Hex floats are valid for strtod but not in any format edgesim reads.
            for index in 0..<bytes.count where bytes[index] == UInt8(ascii: "x")
                || bytes[index] == UInt8(ascii: "X")
            {
                return .failure(.notANumber)
            }
            if errno == ERANGE && value.isInfinite { return .failure(.outOfRange) }
            return .success(value)
        }
    }
}
