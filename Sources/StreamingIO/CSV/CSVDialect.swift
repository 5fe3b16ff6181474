/// How a delimited text format separates and quotes its fields.
public struct CSVDialect: Sendable, Equatable {
    /// How fields are separated.
    public enum Separator: Sendable, Equatable {
        /// One byte separates fields; empty fields are kept (`a,,b` has 3 fields).
        case byte(UInt8)
        /// Runs of spaces and tabs separate fields; leading ones are ignored (SWF).
        case whitespace
    }

    /// The field separator.
    public var separator: Separator
    /// Whether `"` quotes fields (RFC 4180: `""` inside quotes is one quote, and a
    /// quoted field may span lines).
    public var allowsQuotes: Bool
    /// Lines starting with this byte are comments and not returned as records.
    public var commentPrefix: UInt8?
    /// Whether empty lines (after removing `\r`) are skipped.
    public var skipsBlankLines: Bool

    /// Creates a dialect.
    public init(
        separator: Separator, allowsQuotes: Bool = true, commentPrefix: UInt8? = nil,
        skipsBlankLines: Bool = true
    ) {
        self.separator = separator
        self.allowsQuotes = allowsQuotes
        self.commentPrefix = commentPrefix
        self.skipsBlankLines = skipsBlankLines
    }

    /// Comma-separated values with RFC 4180 quoting.
    public static let comma = CSVDialect(separator: .byte(UInt8(ascii: ",")))
}
