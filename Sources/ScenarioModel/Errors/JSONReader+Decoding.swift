import StreamingIO

/// Small typed helpers the canonical decoders share.
extension JSONReader {
    /// Reads an object of string values (labels, parameters).
    func readStringMap() throws -> [String: String] {
        var map: [String: String] = [:]
        try readObject { key in map[key] = try self.readString() }
        return map
    }

    /// Reads an array of strings.
    func readStringArray() throws -> [String] {
        var values: [String] = []
        try readArray { _ in values.append(try self.readString()) }
        return values
    }

    /// Reads a string or null.
    func readOptionalString() throws -> String? {
        try readNullIfPresent() ? nil : readString()
    }

    /// Reads a number or null.
    func readOptionalDouble() throws -> Double? {
        try readNullIfPresent() ? nil : readDouble()
    }

    /// Reads an integer or null.
    func readOptionalInt64() throws -> Int64? {
        try readNullIfPresent() ? nil : readInt64()
    }

    /// Reads an integer that must fit in `Int`.
    func readInt() throws -> Int {
        let value = try readInt64()
        guard let narrowed = Int(exactly: value) else { throw error("integer out of range") }
        return narrowed
    }

    /// Reads a non-negative integer that fits in 64 unsigned bits (seeds).
    func readSeed() throws -> UInt64 {
        let value = try readInt64()
        guard value >= 0 else { throw error("expected a non-negative integer seed") }
        return UInt64(value)
    }

    /// Reads a string that must be one of an enumeration's raw values.
    func readEnum<Value: RawRepresentable & CaseIterable>(_ type: Value.Type) throws -> Value
    where Value.RawValue == String {
        let text = try readString()
        guard let value = Value(rawValue: text) else {
            let allowed = Value.allCases.map { "'\($0.rawValue)'" }.joined(separator: ", ")
            throw error("unknown value '\(MessageText.excerpt(text))' (expected one of \(allowed))")
        }
        return value
    }

    /// An error for a key the format does not define.
    func unknownKey(_ key: String, in context: String, allowed: [String]) -> StreamingIOError {
        error("unknown key '\(MessageText.excerpt(key))' in \(context) (allowed: \(allowed.joined(separator: ", ")))")
    }

    /// Checks the `format` and `version` fields of a canonical file.
    func checkFormat(_ found: String, expected: String) throws {
        if found != expected {
            throw ScenarioError.wrongFormat(location(), found: found, expected: expected)
        }
    }
}

extension JSONWriter {
    /// Writes a string or null.
    func optionalString(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// Writes a number or null.
    func optionalNumber(_ value: Double?) {
        if let value { number(value) } else { null() }
    }
}
