/// The figures of one import, in a fixed key order: the common keys first
/// (always present), then mapping counts, then the format's own counts.
public struct TraceImportSummary: Sendable {
    /// One figure.
    public enum Value: Sendable, Equatable {
        case integer(Int)
        case number(Double)
        case text(String)
        case textMap([String: String])
        case null
    }

    /// The keys every import reports, in order.
    public static let commonKeys = [
        "rows", "malformed_rows", "jobs", "tasks_seen", "tasks", "dependencies", "first_arrival_s",
        "last_arrival_s",
    ]

    /// The figures in report order.
    public private(set) var entries: [(key: String, value: Value)] = []

    public init() {}

    /// The value of `key`, if reported.
    public subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    /// The integer value of `key` (nil when absent or not an integer).
    public func integer(_ key: String) -> Int? {
        if case .integer(let value)? = self[key] { return value }
        return nil
    }

    /// The number value of `key` (integers included; nil for null or absent).
    public func number(_ key: String) -> Double? {
        switch self[key] {
        case .integer(let value)?: return Double(value)
        case .number(let value)?: return value
        default: return nil
        }
    }

    /// Sets `key` (appending it when new).
    mutating func set(_ key: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append((key, value))
        }
    }

    mutating func set(_ key: String, _ value: Int) {
        set(key, .integer(value))
    }
}
