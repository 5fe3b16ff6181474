import ScenarioModel
import StreamingIO

/// The `--summary-json` object of a run: keys in insertion order, written
/// atomically to a file or to standard output (`-`).
struct SummaryReport {
    enum Value {
        case integer(Int)
        case number(Double)
        case text(String)
        case bool(Bool)
        case null
        case object(SummaryReport)
        case array([Value])
        case textMap([String: String])
    }

    private(set) var entries: [(key: String, value: Value)] = []

    subscript(key: String) -> Value? {
        get { entries.first { $0.key == key }?.value }
        set {
            if let index = entries.firstIndex(where: { $0.key == key }) {
                if let newValue { entries[index].value = newValue } else { entries.remove(at: index) }
            } else if let newValue {
                entries.append((key, newValue))
            }
        }
    }

    /// Writes the report to `path` (`-` for standard output).
    func write(to path: String) throws {
        let output = try OutputFile(path: path)
        let writer = JSONWriter(output: output)
        encode(into: writer)
        try writer.finish()
        try output.commit()
    }

    func encode(into writer: JSONWriter) {
        writer.beginObject()
        for (key, value) in entries {
            writer.key(key)
            Self.encode(value, into: writer)
        }
        writer.endObject()
    }

    private static func encode(_ value: Value, into writer: JSONWriter) {
        switch value {
        case .integer(let number): writer.integer(number)
        case .number(let number): writer.number(number)
        case .text(let text): writer.string(text)
        case .bool(let flag): writer.bool(flag)
        case .null: writer.null()
        case .object(let report): report.encode(into: writer)
        case .array(let values):
            writer.beginArray()
            for element in values { encode(element, into: writer) }
            writer.endArray()
        case .textMap(let map): writer.stringMap(map)
        }
    }
}

extension SummaryReport.Value {
    init(_ figure: FileValidationReport.Figure) {
        switch figure {
        case .integer(let value): self = .integer(value)
        case .number(let value): self = .number(value)
        case .text(let value): self = .text(value)
        }
    }
}
