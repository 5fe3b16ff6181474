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
///
/// Performance: the scan state lives behind one pointer (no exclusivity
/// checks, no array bounds or uniqueness checks per field) and the typed
/// accessors are inlinable with a fast path for plain digits, so a caller in
/// another module parses a field without a function call.
public final class CSVReader {
    /// The input's path, for messages.
    public var path: String { input.path }
    /// The dialect in use.
    public let dialect: CSVDialect
    /// The 1-based line on which the current record starts.
    public var lineNumber: Int { state.pointee.lineNumber }
    /// The number of fields in the current record.
    public var fieldCount: Int { state.pointee.fieldCount }
    /// The input, for progress (`storedBytesConsumed`, `storedSizeBytes`).
    public let input: InputFile
    /// The longest record accepted, in bytes.
    public let maximumRecordBytes: Int

    /// The mutable scan state, held by pointer.
    @usableFromInline
    let state: UnsafeMutablePointer<ScanState>

    @usableFromInline
    struct ScanState {
        /// The byte buffer; `padding` spare bytes follow `capacity`.
        @usableFromInline var base: UnsafeMutableRawPointer
        var capacity: Int
        var dataStart = 0
        var dataEnd = 0
        var endOfInput = false
        var atFileStart = true
        var linesConsumed = 0
        @usableFromInline var lineNumber = 0
        var recordStart = 0
        var recordEnd = 0
        @usableFromInline var fieldCount = 0
        /// Field boundaries of the current record, as offsets into the buffer.
        @usableFromInline var fieldStarts: UnsafeMutablePointer<Int>
        @usableFromInline var fieldEnds: UnsafeMutablePointer<Int>
        var fieldCapacity: Int
    }

    static let initialBufferBytes = 256 * 1024
    static let initialFieldCapacity = 64

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
        state = .allocate(capacity: 1)
        state.initialize(to: ScanState(
            base: .allocate(byteCount: Self.initialBufferBytes, alignment: 16),
            capacity: Self.initialBufferBytes,
            fieldStarts: .allocate(capacity: Self.initialFieldCapacity),
            fieldEnds: .allocate(capacity: Self.initialFieldCapacity),
            fieldCapacity: Self.initialFieldCapacity))
    }

    /// Opens `path` (`-` for standard input) and creates a reader over it.
    public convenience init(path: String, dialect: CSVDialect = .comma) throws(StreamingIOError) {
        self.init(input: try InputFile(path: path), dialect: dialect)
    }

    deinit {
        state.pointee.base.deallocate()
        state.pointee.fieldStarts.deallocate()
        state.pointee.fieldEnds.deallocate()
        state.deinitialize(count: 1)
        state.deallocate()
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
                state.pointee.fieldCount = 0
                return false
            }
            let start = state.pointee.recordStart
            let end = state.pointee.recordEnd
            if let comment = dialect.commentPrefix, end > start, byte(start) == comment { continue }
            if dialect.skipsBlankLines && end == start { continue }
            try splitFields()
            return true
        }
    }

    /// The current record's text, for messages and rare slow paths.
    public var recordText: String {
        String(decoding: UnsafeRawBufferPointer(
            start: state.pointee.base + state.pointee.recordStart,
            count: state.pointee.recordEnd - state.pointee.recordStart), as: UTF8.self)
    }

    /// The location of the current record, optionally narrowed to a field.
    public func location(field: Int? = nil) -> SourceLocation {
        var column: Int? = nil
        if let field, field >= 0, field < fieldCount {
            column = state.pointee.fieldStarts[field] - state.pointee.recordStart + 1
        }
        return SourceLocation(path: input.path, line: lineNumber, column: column)
    }

    /// An error at the current record, for callers that validate field contents.
    public func error(_ message: String, field: Int? = nil) -> StreamingIOError {
        .malformedRecord(location(field: field), message: message)
    }

    // MARK: - Scanning

    @inline(__always)
    private func byte(_ offset: Int) -> UInt8 {
        state.pointee.base.load(fromByteOffset: offset, as: UInt8.self)
    }

    /// Finds the next line (or quoted multi-line record) and sets the record
    /// bounds; returns false at the end of input.
    private func findRecord() throws(StreamingIOError) -> Bool {
        var scanFrom = state.pointee.dataStart
        var quoteCount = 0
        let quotes = dialect.allowsQuotes
        while true {
            if let newline = findNewline(from: scanFrom, to: state.pointee.dataEnd) {
                if quotes {
                    quoteCount += countQuotes(from: scanFrom, to: newline)
                    if quoteCount % 2 == 1 {
                        scanFrom = newline + 1
                        continue
                    }
                }
                takeRecord(end: newline, next: newline + 1, mayHaveNewlines: quoteCount > 0)
                return true
            }
            if state.pointee.endOfInput {
                guard state.pointee.dataStart < state.pointee.dataEnd else { return false }
                if quotes {
                    quoteCount += countQuotes(from: scanFrom, to: state.pointee.dataEnd)
                    if quoteCount % 2 == 1 {
                        state.pointee.lineNumber = state.pointee.linesConsumed + 1
                        throw .malformedRecord(
                            SourceLocation(path: input.path, line: state.pointee.lineNumber),
                            message: "unterminated quoted field at the end of the file")
                    }
                }
                let end = state.pointee.dataEnd
                takeRecord(end: end, next: end, mayHaveNewlines: quoteCount > 0)
                return true
            }
            let scannedOffset = scanFrom - state.pointee.dataStart
            try refill()
            scanFrom = state.pointee.dataStart + scannedOffset
        }
    }

    private func takeRecord(end: Int, next: Int, mayHaveNewlines: Bool) {
        var start = state.pointee.dataStart
        var recordEnd = end
        if recordEnd > start && byte(recordEnd - 1) == UInt8(ascii: "\r") { recordEnd -= 1 }
        if state.pointee.atFileStart {
            state.pointee.atFileStart = false
            if recordEnd - start >= 3 && byte(start) == 0xEF && byte(start + 1) == 0xBB && byte(start + 2) == 0xBF {
                start += 3
            }
        }
        state.pointee.recordStart = start
        state.pointee.recordEnd = recordEnd
        state.pointee.lineNumber = state.pointee.linesConsumed + 1
        state.pointee.linesConsumed += 1
        if mayHaveNewlines {
            // A quoted field may contain newlines: count them too.
            var index = state.pointee.dataStart
            while let newline = findNewline(from: index, to: end) {
                state.pointee.linesConsumed += 1
                index = newline + 1
            }
        }
        state.pointee.dataStart = next
    }

    @inline(__always)
    private func findNewline(from start: Int, to end: Int) -> Int? {
        guard start < end else { return nil }
        let base = state.pointee.base
        guard let found = memchr(base + start, 0x0A, end - start) else { return nil }
        return UnsafeRawPointer(found) - UnsafeRawPointer(base)
    }

    private func countQuotes(from start: Int, to end: Int) -> Int {
        var count = 0
        var index = start
        let base = state.pointee.base
        while index < end, let found = memchr(base + index, 0x22, end - index) {
            count += 1
            index = UnsafeRawPointer(found) - UnsafeRawPointer(base) + 1
        }
        return count
    }

    /// Moves the unconsumed bytes to the front, grows the buffer when one record
    /// fills it, and reads more input. Offsets before `dataStart` become invalid.
    private func refill() throws(StreamingIOError) {
        let pending = state.pointee.dataEnd - state.pointee.dataStart
        if state.pointee.dataStart > 0 {
            if pending > 0 {
                state.pointee.base.copyMemory(from: state.pointee.base + state.pointee.dataStart, byteCount: pending)
            }
            state.pointee.dataStart = 0
            state.pointee.dataEnd = pending
        }
        if state.pointee.dataEnd == state.pointee.capacity {
            guard state.pointee.capacity < maximumRecordBytes else {
                throw .malformedRecord(
                    SourceLocation(path: input.path, line: state.pointee.linesConsumed + 1),
                    message: "record longer than \(maximumRecordBytes) bytes")
            }
            let capacity = min(state.pointee.capacity * 2, maximumRecordBytes)
            let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
            larger.copyMemory(from: state.pointee.base, byteCount: state.pointee.dataEnd)
            state.pointee.base.deallocate()
            state.pointee.base = larger
            state.pointee.capacity = capacity
        }
        let free = UnsafeMutableRawBufferPointer(
            start: state.pointee.base + state.pointee.dataEnd, count: state.pointee.capacity - state.pointee.dataEnd)
        let count = try input.read(into: free)
        if count == 0 { state.pointee.endOfInput = true }
        state.pointee.dataEnd += count
    }

    /// Records a field's bounds, growing the bounds arrays when needed.
    @inline(__always)
    private func appendField(_ start: Int, _ end: Int, _ count: inout Int) {
        if count == state.pointee.fieldCapacity { growFields() }
        state.pointee.fieldStarts[count] = start
        state.pointee.fieldEnds[count] = end
        count += 1
    }

    private func growFields() {
        let capacity = state.pointee.fieldCapacity * 2
        let starts = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        let ends = UnsafeMutablePointer<Int>.allocate(capacity: capacity)
        starts.update(from: state.pointee.fieldStarts, count: state.pointee.fieldCapacity)
        ends.update(from: state.pointee.fieldEnds, count: state.pointee.fieldCapacity)
        state.pointee.fieldStarts.deallocate()
        state.pointee.fieldEnds.deallocate()
        state.pointee.fieldStarts = starts
        state.pointee.fieldEnds = ends
        state.pointee.fieldCapacity = capacity
    }

    /// Splits the current record into fields, unquoting in place.
    private func splitFields() throws(StreamingIOError) {
        let base = state.pointee.base.assumingMemoryBound(to: UInt8.self)
        var position = state.pointee.recordStart
        let end = state.pointee.recordEnd
        var count = 0
        switch dialect.separator {
        case .whitespace:
            while true {
                while position < end && NumberParsing.isSpace(base[position]) { position += 1 }
                if position >= end { break }
                let start = position
                while position < end && !NumberParsing.isSpace(base[position]) { position += 1 }
                appendField(start, position, &count)
            }
        case .byte(let separator):
            let quotes = dialect.allowsQuotes
            while true {
                if quotes && position < end && base[position] == 0x22 {
                    state.pointee.fieldCount = count
                    position = try splitQuotedField(at: position, end: end, separator: separator, count: &count)
                } else {
                    // Fields are short: a byte loop beats a memchr call per field.
                    var fieldEnd = position
                    while fieldEnd < end && base[fieldEnd] != separator { fieldEnd += 1 }
                    appendField(position, fieldEnd, &count)
                    position = fieldEnd
                }
                if position >= end { break }
                position += 1  // skip the separator
                if position == end {
                    // A trailing separator means one more, empty field.
                    appendField(end, end, &count)
                    break
                }
            }
        }
        state.pointee.fieldCount = count
    }

    /// Unquotes the field starting at the opening quote `start`, writing the
    /// value over its own bytes, and returns the position after the field.
    private func splitQuotedField(
        at start: Int, end: Int, separator: UInt8, count: inout Int
    ) throws(StreamingIOError) -> Int {
        let base = state.pointee.base.assumingMemoryBound(to: UInt8.self)
        let recordStart = state.pointee.recordStart
        var read = start + 1
        var write = start
        while true {
            guard read < end else {
                throw .malformedRecord(
                    SourceLocation(path: input.path, line: lineNumber, column: start - recordStart + 1),
                    message: "unterminated quoted field")
            }
            let character = base[read]
            if character == 0x22 {
                if read + 1 < end && base[read + 1] == 0x22 {
                    base[write] = 0x22
                    write += 1
                    read += 2
                    continue
                }
                read += 1
                break
            }
            base[write] = character
            write += 1
            read += 1
        }
        guard read == end || base[read] == separator else {
            throw .malformedRecord(
                SourceLocation(path: input.path, line: lineNumber, column: read - recordStart + 1),
                message: "unexpected character after a closing quote")
        }
        appendField(start, write, &count)
        return read
    }
}
