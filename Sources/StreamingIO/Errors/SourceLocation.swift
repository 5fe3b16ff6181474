/// A place in an input file that a diagnostic points at.
///
/// Locations print the way compilers and editors expect, so a message can be
/// clicked or grepped: `path:line:column: $.json.path`, `path:line`, or
/// `path: byte N` for binary (compressed) positions.
public struct SourceLocation: Hashable, Sendable, CustomStringConvertible {
    /// The file as the user named it (`<stdin>` for standard input).
    public var path: String
    /// The 1-based line, when the position is in text.
    public var line: Int?
    /// The 1-based column (in bytes), when known.
    public var column: Int?
    /// The 0-based byte offset in the file as stored, for binary positions.
    public var byteOffset: Int64?
    /// The JSON path of the value (`$.nodes[3].id`), for JSON inputs.
    public var jsonPath: String?

    /// Creates a location; every part but the path is optional.
    public init(
        path: String, line: Int? = nil, column: Int? = nil, byteOffset: Int64? = nil,
        jsonPath: String? = nil
    ) {
        self.path = path
        self.line = line
        self.column = column
        self.byteOffset = byteOffset
        self.jsonPath = jsonPath
    }

    public var description: String {
        var text = path
        if let line {
            text += ":\(line)"
            if let column { text += ":\(column)" }
        } else if let byteOffset {
            text += ": byte \(byteOffset)"
        }
        if let jsonPath { text += ": \(jsonPath)" }
        return text
    }
}
