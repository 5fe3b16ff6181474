import StreamingIO

/// A problem found in the input that did not stop the import: a malformed row
/// (skipped and counted) or a repair (a DAG cycle broken, a missing parent
/// dropped). The first few of each are passed to the importer's handler.
public struct TraceDiagnostic: Sendable, CustomStringConvertible {
    /// What kind of problem it is.
    public enum Kind: Sendable {
        /// A row that could not be read; it is skipped.
        case malformedRow
        /// Something repaired on the way (cycle broken, dangling dependency dropped).
        case repair
    }

    public var kind: Kind
    /// Where it is (`FILE:LINE`).
    public var location: SourceLocation
    public var message: String

    public var description: String {
        "\(location): \(kind == .malformedRow ? "skipped malformed row: " : "")\(message)"
    }
}
