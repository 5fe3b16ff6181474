/// A pull reader of JSON text that walks values in order and reports every
/// error with its line, column and JSON path (`$.nodes[3].id`).
///
/// Decoders drive it directly, so no intermediate tree is built: reading a
/// topology of a million nodes costs the topology, not a JSON document model.
///
/// ```swift
/// let reader = try JSONReader(path: "t.topology.json")
/// try reader.readObject { key in
///     switch key {
///     case "name": name = try reader.readString()
///     default: throw reader.error("unknown key '\(key)'")
///     }
/// }
/// try reader.expectEnd()
/// ```
///
/// Every closure must consume exactly one value (read or `skipValue()`).
/// Duplicate keys in an object are an error; nesting deeper than 512 levels
/// is an error rather than a stack overflow; a leading byte-order mark is skipped.
public final class JSONReader {
    /// The kinds of JSON values.
    public enum ValueKind: Sendable, Equatable {
        case object, array, string, number, bool, null
    }

    /// The input's path, for messages.
    public let path: String
    let bytes: [UInt8]
    var position = 0
    /// The 1-based line of the reader's position.
    public internal(set) var line = 1
    var lineStart = 0
    var pathStack: [PathComponent] = []
    var valueStart = 0
    var valueLine = 1
    var valueLineStart = 0

    static let maximumDepth = 512

    enum PathComponent {
        case key(String)
        case index(Int)
    }

    /// Creates a reader over JSON text in memory. A leading UTF-8 byte-order
    /// mark is skipped (RFC 8259 lets parsers ignore it; Windows tools write it).
    public init(bytes: [UInt8], path: String) {
        self.bytes = bytes
        self.path = path
        if bytes.count >= 3 && bytes[0] == 0xEF && bytes[1] == 0xBB && bytes[2] == 0xBF {
            position = 3
            lineStart = 3
        }
    }

    /// Reads the whole file (gzip-compressed or not; `-` for standard input).
    ///
    /// - Throws: `StreamingIOError` when the file cannot be read.
    public convenience init(path: String) throws(StreamingIOError) {
        let input = try InputFile(path: path)
        var bytes: [UInt8] = []
        if let size = input.storedSizeBytes, !input.isCompressed { bytes.reserveCapacity(Int(size)) }
        let chunk = UnsafeMutableRawBufferPointer.allocate(byteCount: 256 * 1024, alignment: 16)
        defer { chunk.deallocate() }
        while true {
            let count = try input.read(into: chunk)
            if count == 0 { break }
            bytes.append(contentsOf: UnsafeRawBufferPointer(rebasing: chunk[0..<count]))
        }
        self.init(bytes: bytes, path: input.path)
    }

    // MARK: - Locations

    /// The JSON path of the value being read, such as `$.links[2].target`.
    public var jsonPath: String {
        var text = "$"
        // Deeply nested input would make the path as long as the nesting: keep both ends.
        let elided = pathStack.count > 24 ? (from: 12, to: pathStack.count - 8) : nil
        for (depth, component) in pathStack.enumerated() {
            if let elided, depth >= elided.from && depth < elided.to {
                if depth == elided.from { text += "...(\(elided.to - elided.from) levels)..." }
                continue
            }
            switch component {
            case .key(let key):
                if key.utf8.allSatisfy({ ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A)
                    || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F }) && !key.isEmpty
                {
                    text += ".\(MessageText.excerpt(key))"
                } else {
                    text += "[\"\(MessageText.excerpt(key))\"]"
                }
            case .index(let index):
                text += "[\(index)]"
            }
        }
        return text
    }

    /// The location of the value most recently started (its first byte).
    public func location() -> SourceLocation {
        SourceLocation(
            path: path, line: valueLine, column: valueStart - valueLineStart + 1, jsonPath: jsonPath)
    }

    /// An error at the current value, for decoders that check contents.
    public func error(_ message: String) -> StreamingIOError {
        .malformedJSON(location(), message: message)
    }

    func syntaxError(_ message: String) -> StreamingIOError {
        .malformedJSON(
            SourceLocation(
                path: path, line: line, column: position - lineStart + 1, jsonPath: jsonPath),
            message: message)
    }

    // MARK: - Structure

    /// The kind of the next value, without consuming it.
    public func peekKind() throws(StreamingIOError) -> ValueKind {
        skipWhitespace()
        markValueStart()
        guard position < bytes.count else { throw syntaxError("unexpected end of JSON, expected a value") }
        switch bytes[position] {
        case UInt8(ascii: "{"): return .object
        case UInt8(ascii: "["): return .array
        case UInt8(ascii: "\""): return .string
        case UInt8(ascii: "t"), UInt8(ascii: "f"): return .bool
        case UInt8(ascii: "n"): return .null
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return .number
        default: throw syntaxError("unexpected character '\(printable(bytes[position]))', expected a value")
        }
    }

    /// Reads an object, calling `body` with each key; `body` must consume the value.
    ///
    /// - Throws: Syntax errors, duplicate keys, or what `body` throws.
    public func readObject(_ body: (String) throws -> Void) throws {
        try expectKind(.object, "an object")
        guard pathStack.count < Self.maximumDepth else { throw syntaxError("JSON nested deeper than \(Self.maximumDepth) levels") }
        position += 1
        var seenKeys: [String] = []
        var seenSet: Set<String> = []
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "}") {
            position += 1
            return
        }
        while true {
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: "\"") else {
                throw syntaxError("expected a quoted key")
            }
            markValueStart()
            let key = try parseString()
            if seenKeys.count < 16 {
                if seenKeys.contains(key) { throw error("duplicate key '\(MessageText.excerpt(key))'") }
                seenKeys.append(key)
                if seenKeys.count == 16 { seenSet = Set(seenKeys) }
            } else {
                if !seenSet.insert(key).inserted { throw error("duplicate key '\(MessageText.excerpt(key))'") }
            }
            skipWhitespace()
            guard position < bytes.count, bytes[position] == UInt8(ascii: ":") else {
                throw syntaxError("expected ':' after the key")
            }
            position += 1
            pathStack.append(.key(key))
            skipWhitespace()
            let before = position
            try body(key)
            if position == before { try skipValue() }
            pathStack.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw syntaxError("unexpected end of JSON inside an object") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "}") {
                position += 1
                return
            }
            throw syntaxError("expected ',' or '}' in an object")
        }
    }

    /// Reads an array, calling `body` with each index; `body` must consume the element.
    ///
    /// - Throws: Syntax errors or what `body` throws.
    public func readArray(_ body: (Int) throws -> Void) throws {
        try expectKind(.array, "an array")
        guard pathStack.count < Self.maximumDepth else { throw syntaxError("JSON nested deeper than \(Self.maximumDepth) levels") }
        position += 1
        skipWhitespace()
        if position < bytes.count && bytes[position] == UInt8(ascii: "]") {
            position += 1
            return
        }
        var index = 0
        while true {
            pathStack.append(.index(index))
            skipWhitespace()
            let before = position
            try body(index)
            if position == before { try skipValue() }
            pathStack.removeLast()
            skipWhitespace()
            guard position < bytes.count else { throw syntaxError("unexpected end of JSON inside an array") }
            if bytes[position] == UInt8(ascii: ",") {
                position += 1
                index += 1
                continue
            }
            if bytes[position] == UInt8(ascii: "]") {
                position += 1
                return
            }
            throw syntaxError("expected ',' or ']' in an array")
        }
    }

    /// Checks that only whitespace follows the top-level value.
    public func expectEnd() throws(StreamingIOError) {
        skipWhitespace()
        if position < bytes.count { throw syntaxError("unexpected data after the JSON value") }
    }

    // MARK: - Scalars

    /// Reads a string.
    public func readString() throws(StreamingIOError) -> String {
        try expectKind(.string, "a string")
        return try parseString()
    }

    /// Reads a number as a double (always finite: JSON has no NaN or infinity).
    public func readDouble() throws(StreamingIOError) -> Double {
        try expectKind(.number, "a number")
        let token = try numberToken()
        let result = token.withUnsafeBytes { NumberParsing.double($0) }
        switch result {
        case .success(let value) where value.isFinite: return value
        case .success, .failure(.outOfRange): throw error("number out of range")
        case .failure: throw error("malformed number")
        }
    }

    /// Reads a number that must be an integer within 64 bits (`4e7` and `12.0` are accepted).
    public func readInt64() throws(StreamingIOError) -> Int64 {
        try expectKind(.number, "an integer")
        let token = try numberToken()
        switch token.withUnsafeBytes({ NumberParsing.int64($0) }) {
        case .success(let value): return value
        case .failure(.outOfRange): throw error("integer out of the 64-bit range")
        case .failure:
            if case .success(let value) = token.withUnsafeBytes({ NumberParsing.double($0) }),
                value == value.rounded(), abs(value) < 9.2e18
            {
                return Int64(value)
            }
            throw error("expected an integer, found \(String(decoding: token, as: UTF8.self))")
        }
    }

    /// Reads `true` or `false`.
    public func readBool() throws(StreamingIOError) -> Bool {
        try expectKind(.bool, "true or false")
        if try matchLiteral("true") { return true }
        if try matchLiteral("false") { return false }
        throw syntaxError("expected true or false")
    }

    /// Consumes a `null` and returns true, or returns false (consuming nothing)
    /// when the next value is not null.
    public func readNullIfPresent() throws(StreamingIOError) -> Bool {
        guard try peekKind() == .null else { return false }
        guard try matchLiteral("null") else { throw syntaxError("expected null") }
        return true
    }

    /// Skips the next value, whatever it is.
    public func skipValue() throws(StreamingIOError) {
        switch try peekKind() {
        case .object:
            do { try readObject { _ in try self.skipValue() } } catch let error as StreamingIOError {
                throw error
            } catch { throw syntaxError("\(error)") }
        case .array:
            do { try readArray { _ in try self.skipValue() } } catch let error as StreamingIOError {
                throw error
            } catch { throw syntaxError("\(error)") }
        case .string: _ = try parseString()
        case .number: _ = try numberToken()
        case .bool: _ = try readBool()
        case .null: _ = try readNullIfPresent()
        }
    }
}
