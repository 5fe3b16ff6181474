#if canImport(Glibc)
import Glibc
#endif

extension CSVReader {
    // MARK: - Field bytes

    /// The bytes of field `index`, borrowed: valid until the next call to
    /// `nextRecord()` (copy them to keep them). `withFieldBytes` scopes the
    /// borrow instead.
    @inlinable @inline(__always)
    public func fieldBytes(_ index: Int) -> UnsafeRawBufferPointer {
        let state = self.state
        precondition(index >= 0 && index < state.pointee.fieldCount, "field index out of range")
        let start = state.pointee.fieldStarts[index]
        return UnsafeRawBufferPointer(start: state.pointee.base + start, count: state.pointee.fieldEnds[index] - start)
    }

    /// Calls `body` with the bytes of field `index` (borrowed, valid during the call).
    @inlinable @inline(__always)
    public func withFieldBytes<Result>(
        _ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        try body(fieldBytes(index))
    }

    /// True when field `index` is empty (or only spaces), or absent.
    public func isEmpty(_ index: Int) -> Bool {
        guard index < fieldCount else { return true }
        return NumberParsing.trimmed(fieldBytes(index)).isEmpty
    }

    /// The field's bytes decoded as UTF-8 (invalid sequences are repaired).
    public func string(_ index: Int) -> String {
        String(decoding: fieldBytes(index), as: UTF8.self)
    }

    /// True when the field's bytes equal `literal` exactly.
    public func fieldEquals(_ index: Int, _ literal: StaticString) -> Bool {
        let bytes = fieldBytes(index)
        guard bytes.count == literal.utf8CodeUnitCount else { return false }
        return bytes.count == 0 || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
    }

    // MARK: - Typed fields

    /// The field as a 64-bit integer, or nil when it is empty.
    ///
    /// Plain digits (up to 18) are parsed inline; signs, spaces, `12846.0` and
    /// errors take the general path.
    ///
    /// - Throws: `.malformedRecord` naming the line and column when the field is
    ///   not an integer or does not fit in 64 bits.
    @inlinable @inline(__always)
    public func int64(_ index: Int) throws(StreamingIOError) -> Int64? {
        let bytes = fieldBytes(index)
        if bytes.count == 0 { return nil }
        if bytes.count <= 18 {
            var value: Int64 = 0
            var offset = 0
            while offset < bytes.count {
                let digit = bytes[offset] &- 0x30
                if digit > 9 { break }
                value = value &* 10 &+ Int64(digit)
                offset += 1
            }
            if offset == bytes.count { return value }
        }
        return try generalInt64(index)
    }

    /// The field as a double, or nil when it is empty. `NaN` and `inf` parse;
    /// callers decide whether they are acceptable.
    ///
    /// `[-]digits[.digits]` with at most 15 significant digits is parsed inline
    /// and exactly (the mantissa and the power of ten are exact doubles, so one
    /// division rounds correctly); everything else takes the general path.
    ///
    /// - Throws: `.malformedRecord` naming the line and column when the field is
    ///   not a number.
    @inlinable @inline(__always)
    public func double(_ index: Int) throws(StreamingIOError) -> Double? {
        let bytes = fieldBytes(index)
        if bytes.count == 0 { return nil }
        if bytes.count <= 17 {
            var offset = bytes[0] == 0x2D ? 1 : 0
            let negative = offset == 1
            var mantissa: UInt64 = 0
            var fractionDigits = -1
            var digits = 0
            while offset < bytes.count {
                let byte = bytes[offset]
                let digit = byte &- 0x30
                if digit <= 9 {
                    mantissa = mantissa &* 10 &+ UInt64(digit)
                    digits += 1
                    if fractionDigits >= 0 { fractionDigits += 1 }
                } else if byte == 0x2E && fractionDigits < 0 {
                    fractionDigits = 0
                } else {
                    break
                }
                offset += 1
            }
            if offset == bytes.count && digits > 0 && digits <= 15 {
                let magnitude = Double(mantissa) / NumberParsing.exactPowerOfTen(max(fractionDigits, 0))
                return negative ? -magnitude : magnitude
            }
        }
        return try generalDouble(index)
    }

    @usableFromInline
    func generalInt64(_ index: Int) throws(StreamingIOError) -> Int64? {
        switch NumberParsing.int64(fieldBytes(index)) {
        case .success(let value): return value
        case .failure(.empty): return nil
        case .failure(let failure): throw numberError(failure, field: index, expected: "an integer")
        }
    }

    @usableFromInline
    func generalDouble(_ index: Int) throws(StreamingIOError) -> Double? {
        switch NumberParsing.double(fieldBytes(index)) {
        case .success(let value): return value
        case .failure(.empty): return nil
        case .failure(let failure): throw numberError(failure, field: index, expected: "a number")
        }
    }

    private func numberError(
        _ failure: NumberParsing.Failure, field: Int, expected: String
    ) -> StreamingIOError {
        let shown = MessageText.excerpt(bytes: fieldBytes(field), limit: 40)
        switch failure {
        case .outOfRange:
            return error("field \(field + 1): '\(shown)' is out of range for \(expected)", field: field)
        default:
            return error("field \(field + 1): expected \(expected), found '\(shown)'", field: field)
        }
    }
}
