#if canImport(Glibc)
import Glibc
#endif

/// A streaming reader of delimited text records over reused byte buffers.
///
/// The reader owns the current record; fields are read through typed
/// accessors (`int64(_:)`, `double(_:)`, `string(_:)`, `fieldEquals(_:_:)`)
/// that parse bytes in place, so no `String` is created unless asked for.
/// Memory is bounded by the longest record, not by the file.
///
/// ```swift
/// let reader = try CSVReader(input: InputFile(path: "tasks.csv.gz"))
/// while try reader.nextRecord() {
///     let time = try reader.int64(0)   // nil when the field is empty
/// }
/// ```
///
/// Lines may end in `\n` or `\r\n`; the last line may lack its newline; a
/// UTF-8 byte-order mark at the start is skipped.
public final class CSVReader {
    /// The input's path, for messages.
    public var path: String { input.path }
    /// The dialect in use.
    public let dialect: CSVDialect
    /// The 1-based line on which the current record starts.
    public private(set) var lineNumber = 0
    /// The number of fields in the current record.
    public private(set) var fieldCount = 0
    /// The input, for progress (`storedBytesConsumed`, `storedSizeBytes`).
    public let input: InputFile
    /// The longest record accepted, in bytes.
    public let maximumRecordBytes: Int

    private var buffer: UnsafeMutableRawBufferPointer
    private var dataStart = 0
    private var dataEnd = 0
    private var endOfInput = false
    private var linesConsumed = 0
    private var atFileStart = true
    /// Field boundaries of the current record: (start, end) offsets into
    /// `buffer`, interleaved. Raw memory rather than two arrays: appending to
    /// an array stored in a class is a long access, which makes every later
    /// read of it pay a dynamic exclusivity check (a fifth of a replay's time).
    private var bounds: UnsafeMutablePointer<Int>
    private var boundsCapacity = 64
    private var boundCount = 0
    /// The current record's bytes (without the line end).
    private var recordStart = 0
    private var recordEnd = 0

    /// Creates a reader over `input`.
    ///
    /// - Parameters:
    ///   - input: The (possibly gzip-compressed) input.
    ///   - dialect: Separator, quoting and comment rules.
    ///   - maximumRecordBytes: Records longer than this are an error (default 16 MiB).
    public init(
        input: InputFile, dialect: CSVDialect = .comma, maximumRecordBytes: Int = 16 << 20
    ) {
        self.input = input
        self.dialect = dialect
        self.maximumRecordBytes = maximumRecordBytes
        buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        bounds = .allocate(capacity: 2 * 64)
    }

    /// Opens `path` (`-` for standard input) and creates a reader over it.
    public convenience init(path: String, dialect: CSVDialect = .comma) throws(StreamingIOError) {
        self.init(input: try InputFile(path: path), dialect: dialect)
    }

    deinit {
        bounds.deallocate()
        buffer.deallocate()
    }

    // MARK: - Records

    /// Advances to the next record.
    ///
    /// - Returns: false at the end of the input.
    /// - Throws: `StreamingIOError` on I/O or gzip errors, an unterminated quote,
    ///   or a record longer than `maximumRecordBytes`.
    public func nextRecord() throws(StreamingIOError) -> Bool {
        while true {
            guard try findRecord() else {
                fieldCount = 0
                return false
            }
            if let comment = dialect.commentPrefix, recordEnd > recordStart,
                buffer[recordStart] == comment
            {
                continue
            }
            if dialect.skipsBlankLines && recordEnd == recordStart { continue }
            try splitFields()
            return true
        }
    }

    /// The current record's text, for messages and rare slow paths.
    public var recordText: String {
        String(decoding: UnsafeRawBufferPointer(rebasing: buffer[recordStart..<recordEnd]),
               as: UTF8.self)
    }

    /// The location of the current record, optionally narrowed to a field.
    public func location(field: Int? = nil) -> SourceLocation {
        var column: Int? = nil
        if let field, field < fieldCount {
            column = bounds[2 * field] - recordStart + 1
        }
        return SourceLocation(path: input.path, line: lineNumber, column: column)
    }

    /// An error at the current record, for callers that validate field contents.
    public func error(_ message: String, field: Int? = nil) -> StreamingIOError {
        .malformedRecord(location(field: field), message: message)
    }

    // MARK: - Fields

    /// Calls `body` with the bytes of field `index` (borrowed, valid during the call).
    @inline(__always)
    public func withFieldBytes<Result>(
        _ index: Int, _ body: (UnsafeRawBufferPointer) throws -> Result
    ) rethrows -> Result {
        precondition(index >= 0 && index < fieldCount, "field index out of range")
        return try body(UnsafeRawBufferPointer(rebasing: buffer[bounds[2 * index]..<bounds[2 * index + 1]]))
    }

    /// True when field `index` is empty (or only spaces), or absent.
    public func isEmpty(_ index: Int) -> Bool {
        guard index < fieldCount else { return true }
        return withFieldBytes(index) { NumberParsing.trimmed($0).isEmpty }
    }

    /// The field's bytes decoded as UTF-8 (invalid sequences are repaired).
    public func string(_ index: Int) -> String {
        withFieldBytes(index) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when the field's bytes equal `literal` exactly.
    public func fieldEquals(_ index: Int, _ literal: StaticString) -> Bool {
        withFieldBytes(index) { bytes in
            guard bytes.count == literal.utf8CodeUnitCount else { return false }
            return bytes.count == 0 || memcmp(bytes.baseAddress!, literal.utf8Start, bytes.count) == 0
        }
    }

    /// The field as a 64-bit integer, or nil when it is empty.
    ///
    /// - Throws: `.malformedRecord` naming the line and column when the field is
    ///   not an integer or does not fit in 64 bits.
    public func int64(_ index: Int) throws(StreamingIOError) -> Int64? {
        let result = withFieldBytes(index) { NumberParsing.int64($0) }
        switch result {
        case .success(let value): return value
        case .failure(.empty): return nil
        case .failure(let failure): throw numberError(failure, field: index, expected: "an integer")
        }
    }

    /// The field as a double, or nil when it is empty. `NaN` and `inf` parse;
    /// callers decide whether they are acceptable.
    ///
    /// - Throws: `.malformedRecord` naming the line and column when the field is
    ///   not a number.
    public func double(_ index: Int) throws(StreamingIOError) -> Double? {
        let result = withFieldBytes(index) { NumberParsing.double($0) }
        switch result {
        case .success(let value): return value
        case .failure(.empty): return nil
        case .failure(let failure): throw numberError(failure, field: index, expected: "a number")
        }
    }

    private func numberError(
        _ failure: NumberParsing.Failure, field: Int, expected: String
    ) -> StreamingIOError {
        let shown = withFieldBytes(field) { MessageText.excerpt(bytes: $0, limit: 40) }
        switch failure {
        case .outOfRange:
            return error("field \(field + 1): '\(shown)' is out of range for \(expected)", field: field)
        default:
            return error("field \(field + 1): expected \(expected), found '\(shown)'", field: field)
        }
    }

    // MARK: - Scanning

    /// Finds the next line (or quoted multi-line record) and sets
    /// `recordStart`/`recordEnd`; returns false at the end of input.
    private func findRecord() throws(StreamingIOError) -> Bool {
        var scanFrom = dataStart
        var quoteCount = 0
        while true {
            if let newline = findNewline(from: scanFrom) {
                if dialect.allowsQuotes {
                    quoteCount += countQuotes(from: scanFrom, to: newline)
                    if quoteCount % 2 == 1 {
                        scanFrom = newline + 1
                        continue
                    }
                }
                takeRecord(end: newline, next: newline + 1)
                return true
            }
            if endOfInput {
                guard dataStart < dataEnd else { return false }
                if dialect.allowsQuotes {
                    quoteCount += countQuotes(from: scanFrom, to: dataEnd)
                    if quoteCount % 2 == 1 {
                        lineNumber = linesConsumed + 1
                        throw .malformedRecord(
                            SourceLocation(path: input.path, line: lineNumber),
                            message: "unterminated quoted field at the end of the file")
                    }
                }
                takeRecord(end: dataEnd, next: dataEnd)
                return true
            }
            let scannedOffset = scanFrom - dataStart
            try refill()
            scanFrom = dataStart + scannedOffset
        }
    }

    private func takeRecord(end: Int, next: Int) {
        recordStart = dataStart
        recordEnd = end
        if recordEnd > recordStart && buffer[recordEnd - 1] == UInt8(ascii: "\r") {
            recordEnd -= 1
        }
        if atFileStart {
            atFileStart = false
            if recordEnd - recordStart >= 3 && buffer[recordStart] == 0xEF
                && buffer[recordStart + 1] == 0xBB && buffer[recordStart + 2] == 0xBF
            {
                recordStart += 3
            }
        }
        lineNumber = linesConsumed + 1
        linesConsumed += 1
        if dialect.allowsQuotes {
            // A quoted field may contain newlines: count them too.
            var index = dataStart
            while let newline = findNewline(from: index, limit: end) {
                linesConsumed += 1
                index = newline + 1
            }
        }
        dataStart = next
    }

    @inline(__always)
    private func findNewline(from start: Int, limit: Int? = nil) -> Int? {
        let end = limit ?? dataEnd
        guard start < end else { return nil }
        guard let found = memchr(buffer.baseAddress! + start, 0x0A, end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(buffer.baseAddress!)
    }

    private func countQuotes(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        let base = buffer.baseAddress!
        while index < end, let found = memchr(base + index, 0x22, end - index) {
            count += 1
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        }
        return count
    }

    /// Moves the unconsumed bytes to the front, grows the buffer when one record
    /// fills it, and reads more input. Offsets before `dataStart` become invalid.
    private func refill() throws(StreamingIOError) {
        let pending = dataEnd - dataStart
        if dataStart > 0 {
            if pending > 0 {
                buffer.baseAddress!.copyMemory(from: buffer.baseAddress! + dataStart, byteCount: pending)
            }
            dataStart = 0
            dataEnd = pending
        }
        if dataEnd == buffer.count {
            guard buffer.count < maximumRecordBytes else {
                throw .malformedRecord(
                    SourceLocation(path: input.path, line: linesConsumed + 1),
                    message: "record longer than \(maximumRecordBytes) bytes")
            }
            let larger = UnsafeMutableRawBufferPointer.allocate(
                byteCount: min(buffer.count * 2, maximumRecordBytes), alignment: 16)
            larger.baseAddress!.copyMemory(from: buffer.baseAddress!, byteCount: dataEnd)
            buffer.deallocate()
            buffer = larger
        }
        let count = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[dataEnd...]))
        if count == 0 { endOfInput = true }
        dataEnd += count
    }

    @inline(__always)
    private func appendField(start: Int, end: Int) {
        if boundCount == boundsCapacity {
            let larger = UnsafeMutablePointer<Int>.allocate(capacity: 4 * boundsCapacity)
            larger.moveInitialize(from: bounds, count: 2 * boundCount)
            bounds.deallocate()
            bounds = larger
            boundsCapacity *= 2
        }
        bounds[2 * boundCount] = start
        bounds[2 * boundCount + 1] = end
        boundCount += 1
    }

    /// Splits the current record into fields, unquoting in place.
    private func splitFields() throws(StreamingIOError) {
        boundCount = 0
        let base = buffer.baseAddress!
        var position = recordStart
        let end = recordEnd
        switch dialect.separator {
        case .whitespace:
            while true {
                while position < end && NumberParsing.isSpace(buffer[position]) { position += 1 }
                if position >= end { break }
                let start = position
                while position < end && !NumberParsing.isSpace(buffer[position]) { position += 1 }
                appendField(start: start, end: position)
            }
        case .byte(let separator):
            while true {
                if dialect.allowsQuotes && position < end && buffer[position] == 0x22 {
                    position = try splitQuotedField(at: position, end: end, separator: separator)
                } else {
                    let fieldEnd: Int
                    if position < end, let found = memchr(base + position, Int32(separator), end - position) {
                        fieldEnd = UnsafeRawPointer(found) - UnsafeRawPointer(base)
                    } else {
                        fieldEnd = end
                    }
                    appendField(start: position, end: fieldEnd)
                    position = fieldEnd
                }
                if position >= end { break }
                position += 1  // skip the separator
                if position == end {
                    // A trailing separator means one more, empty field.
                    appendField(start: end, end: end)
                    break
                }
            }
        }
        fieldCount = boundCount
    }

    /// Unquotes the field starting at the opening quote `start`, writing the
    /// value over its own bytes, and returns the position after the field.
    private func splitQuotedField(at start: Int, end: Int, separator: UInt8) throws(StreamingIOError) -> Int {
        var read = start + 1
        var write = start
        while true {
            guard read < end else {
                throw .malformedRecord(
                    SourceLocation(path: input.path, line: lineNumber, column: start - recordStart + 1),
                    message: "unterminated quoted field")
            }
            let byte = buffer[read]
            if byte == 0x22 {
                if read + 1 < end && buffer[read + 1] == 0x22 {
                    buffer[write] = 0x22
                    write += 1
                    read += 2
                    continue
                }
                read += 1
                break
            }
            buffer[write] = byte
            write += 1
            read += 1
        }
        guard read == end || buffer[read] == separator else {
            throw .malformedRecord(
                SourceLocation(path: input.path, line: lineNumber, column: read - recordStart + 1),
                message: "unexpected character after a closing quote")
        }
        appendField(start: start, end: write)
        return read
    }
}
