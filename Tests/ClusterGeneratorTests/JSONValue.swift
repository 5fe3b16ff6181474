import StreamingIO

/// A JSON document as a tree, for reading the Ether samples in tests (the
/// library decoders never build trees).
enum JSONValue {
    case object([(key: String, value: JSONValue)])
    case array([JSONValue])
    case string(String)
    case number(Double)
    case bool(Bool)
    case null

    static func parse(path: String) throws -> JSONValue {
        let reader = try JSONReader(path: path)
        let value = try parse(reader)
        try reader.expectEnd()
        return value
    }

    static func parse(_ reader: JSONReader) throws -> JSONValue {
        switch try reader.peekKind() {
        case .object:
            var members: [(key: String, value: JSONValue)] = []
            try reader.readObject { key in members.append((key, try parse(reader))) }
            return .object(members)
        case .array:
            var elements: [JSONValue] = []
            try reader.readArray { _ in elements.append(try parse(reader)) }
            return .array(elements)
        case .string: return .string(try reader.readString())
        case .number: return .number(try reader.readDouble())
        case .bool: return .bool(try reader.readBool())
        case .null:
            _ = try reader.readNullIfPresent()
            return .null
        }
    }

    subscript(key: String) -> JSONValue? {
        guard case .object(let members) = self else { return nil }
        return members.first { $0.key == key }?.value
    }

    var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    var number: Double? {
        if case .number(let value) = self { return value }
        return nil
    }

    var bool: Bool? {
        if case .bool(let value) = self { return value }
        return nil
    }

    var array: [JSONValue] {
        if case .array(let elements) = self { return elements }
        return []
    }
}
