/// CSV fields and lines as RFC 4180 writes them: comma-separated, `\n`-terminated,
/// a field quoted (with `""` for `"`) only when it holds a comma, quote, line
/// break or leading/trailing space.
enum CSVText {
    /// One line from fields.
    static func line(_ fields: [String]) -> String {
        fields.map(field).joined(separator: ",") + "\n"
    }

    /// A field, quoted when needed.
    static func field(_ text: String) -> String {
        let needsQuotes = text.utf8.contains { $0 == 0x2C || $0 == 0x22 || $0 == 0x0A || $0 == 0x0D }
            || text.hasPrefix(" ") || text.hasSuffix(" ")
        guard needsQuotes else { return text }
        var quoted = "\""
        for character in text {
            quoted.append(character == "\"" ? "\"\"" : String(character))
        }
        return quoted + "\""
    }

    /// A real number with the fixed six decimals of every CSV figure; empty when absent.
    static func real(_ value: Double?) -> String {
        value.map { DecimalText.fixed($0, decimals: 6) } ?? ""
    }
}
