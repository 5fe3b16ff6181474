import StreamingIO

/// One broken rule in a canonical file, with the place it was found.
///
/// Prints as `path:line:column: $.json.path: message` for JSON files and
/// `path:line: message` for workload CSV, so editors can jump to it.
public struct ValidationIssue: Hashable, Sendable, CustomStringConvertible {
    /// Where the rule is broken.
    public var location: SourceLocation
    /// What is wrong, and what was expected.
    public var message: String

    /// Creates an issue.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    public var description: String {
        location.path.isEmpty ? message : "\(location): \(message)"
    }
}
