import StreamingIO

/// Lenient, byte-level parsing of attribute values: whitespace trimmed,
/// booleans case-insensitive with 1/0, integers written `339.0`, 64-bit
/// integers, `NaN` and `INF`.
enum ValueParsing {
    /// True for XML whitespace (space, tab, CR, LF).
    @inline(__always)
    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x0A || byte == 0x09 || byte == 0x0D
    }

    /// `bytes` without leading and trailing XML whitespace.
    @inline(__always)
    static func trimmed(_ bytes: UnsafeRawBufferPointer) -> UnsafeRawBufferPointer {
        var start = 0
        var end = bytes.count
        while start < end && isWhitespace(bytes[start]) { start += 1 }
        while end > start && isWhitespace(bytes[end - 1]) { end -= 1 }
        if start == 0 && end == bytes.count { return bytes }
        return UnsafeRawBufferPointer(rebasing: bytes[start..<end])
    }

    /// A boolean: `true`/`false` in any case, or `1`/`0`.
    static func bool(_ raw: UnsafeRawBufferPointer) -> Bool? {
        let bytes = trimmed(raw)
        switch bytes.count {
        case 1:
            if bytes[0] == UInt8(ascii: "1") { return true }
            if bytes[0] == UInt8(ascii: "0") { return false }
            return nil
        case 4:
            return matches(bytes, "true") ? true : nil
        case 5:
            return matches(bytes, "false") ? false : nil
        default:
            return nil
        }
    }

    /// A signed 64-bit integer; `339.0` is accepted, `339.5` is not.
    static func int64(_ raw: UnsafeRawBufferPointer) -> Int64? {
        let bytes = trimmed(raw)
        if case .success(let value) = NumberParsing.int64(bytes) { return value }
        return nil
    }

    /// A double, including `NaN`, `INF`, `-Infinity` and exponents.
    static func double(_ raw: UnsafeRawBufferPointer) -> Double? {
        let bytes = trimmed(raw)
        if case .success(let value) = NumberParsing.double(bytes) { return value }
        return nil
    }

    /// Checks a value against its declared type; returns a description of the
    /// problem, or nil when the value is acceptable.
    static func problem(with bytes: UnsafeRawBufferPointer, as type: AttributeType) -> String? {
        switch type {
        case .string:
            return nil
        case .boolean:
            return bool(bytes) == nil ? "expected a boolean (true, false, 1 or 0)" : nil
        case .int, .long:
            let text = trimmed(bytes)
            switch NumberParsing.int64(text) {
            case .success: return nil
            case .failure(.outOfRange): return "integer out of the 64-bit range"
            case .failure(.notAnInteger): return "expected an integer, found a fraction"
            case .failure: return "expected an integer"
            }
        case .float, .double:
            return double(bytes) == nil ? "expected a number" : nil
        }
    }

    /// The canonical text of a typed value when it differs from `bytes`
    /// (booleans as `true`/`false`, integers in plain decimal: `339.0` and
    /// `+7` become `339` and `7`); nil when `bytes` is already canonical or the
    /// type keeps its text (strings, floating point).
    static func canonicalText(_ bytes: UnsafeRawBufferPointer, as type: AttributeType) -> String? {
        switch type {
        case .boolean:
            guard let flag = bool(bytes) else { return nil }
            let text = flag ? "true" : "false"
            return equals(bytes, flag ? "true" : "false") ? nil : text
        case .int, .long:
            if isCanonicalInteger(bytes) { return nil }
            guard let value = int64(bytes) else { return nil }
            return String(value)
        default:
            return nil
        }
    }

    /// True for `0` or an optional `-` and digits without a leading zero.
    @inline(__always)
    static func isCanonicalInteger(_ bytes: UnsafeRawBufferPointer) -> Bool {
        var index = 0
        if bytes.count > 1 && bytes[0] == UInt8(ascii: "-") { index = 1 }
        guard index < bytes.count, bytes.count - index <= 18 else { return false }
        if bytes[index] == UInt8(ascii: "0") { return bytes.count == 1 }
        while index < bytes.count {
            guard bytes[index] &- 0x30 < 10 else { return false }
            index += 1
        }
        return true
    }

    /// Case-insensitive ASCII comparison with a lowercase literal.
    static func matches(_ bytes: UnsafeRawBufferPointer, _ lowercase: StaticString) -> Bool {
        guard bytes.count == lowercase.utf8CodeUnitCount else { return false }
        let literal = lowercase.utf8Start
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != literal[index] { return false }
        }
        return true
    }

    /// Exact byte comparison with a literal.
    @inline(__always)
    static func equals(_ bytes: UnsafeRawBufferPointer, _ literal: StaticString) -> Bool {
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        return memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
    }

    /// A printable excerpt of a value for messages.
    static func excerpt(_ bytes: UnsafeRawBufferPointer, limit: Int = 40) -> String {
        let text = String(decoding: bytes.prefix(limit), as: UTF8.self)
        let escaped = text.replacingNewlines
        return bytes.count > limit ? "'\(escaped)...'" : "'\(escaped)'"
    }
}

extension String {
    fileprivate var replacingNewlines: String {
        var result = ""
        for scalar in unicodeScalars {
            switch scalar {
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default: result.unicodeScalars.append(scalar)
            }
        }
        return result
    }
}

#if canImport(Glibc)
import Glibc
#endif
