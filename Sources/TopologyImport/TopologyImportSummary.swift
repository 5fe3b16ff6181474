/// The counts of an import, in a fixed order: the `--summary-json` object.
///
/// Keys common to every format: `format`, `nodes`, `edges` (the source graph:
/// parallel edges counted, an undirected edge once), `graphs`, `directed`
/// (true, false or "mixed"), `hyperedges_skipped`, `ports_seen`, then the
/// canonical result (`topology_nodes`, `topology_links`, `topology_media`,
/// nodes per kind) and the mapping's own counts (defaults applied, folds...).
public struct TopologyImportSummary: Sendable {
    /// One summary value.
    public enum Value: Sendable, Equatable, CustomStringConvertible {
        case integer(Int)
        case number(Double)
        case text(String)
        case bool(Bool)

        public var description: String {
            switch self {
            case .integer(let value): return String(value)
            case .number(let value): return String(value)
            case .text(let value): return value
            case .bool(let value): return String(value)
            }
        }
    }

    /// Keys and values in order.
    public private(set) var entries: [(key: String, value: Value)] = []

    public init() {}

    /// The value of `key`, if present.
    public subscript(key: String) -> Value? {
        entries.first { $0.key == key }?.value
    }

    /// Sets `key` (replacing an earlier value in place).
    mutating func set(_ key: String, _ value: Value) {
        if let index = entries.firstIndex(where: { $0.key == key }) {
            entries[index].value = value
        } else {
            entries.append((key, value))
        }
    }

    mutating func set(_ key: String, _ value: Int) { set(key, .integer(value)) }

    /// The integer value of `key` (0 when absent).
    public func integer(_ key: String) -> Int {
        if case .integer(let value) = self[key] { return value }
        return 0
    }
}
