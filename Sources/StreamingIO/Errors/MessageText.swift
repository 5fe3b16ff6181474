/// Untrusted text (ids, field values, keys, whole lines) made safe to show in
/// a one-line diagnostic.
///
/// Input files are hostile as often as not: a quoted CSV field may hold a
/// newline, a JSON key an escape sequence for the terminal, a single line ten
/// megabytes. Messages quote such text through `excerpt(_:)`, and the CLI
/// passes every line it prints through `singleLine(_:)`, so a diagnostic is
/// always one readable line of bounded length.
///
/// ```swift
/// throw reader.error("unknown node '\(MessageText.excerpt(id))'")
/// ```
public enum MessageText {
    /// The default number of characters kept by `excerpt(_:limit:)`.
    public static let excerptLimit = 64
    /// The default number of characters kept by `singleLine(_:limit:)`.
    public static let lineLimit = 4096

    /// `text` with control characters escaped (`\n`, `\t`, `\u{1B}`) and cut
    /// to `limit` characters, a cut marked by `...`.
    ///
    /// - Complexity: O(`limit`): the rest of a long text is not visited.
    public static func excerpt(_ text: some StringProtocol, limit: Int = excerptLimit) -> String {
        var result = ""
        var kept = 0
        for scalar in text.unicodeScalars {
            if kept >= limit {
                result += "..."
                return result
            }
            append(scalar, to: &result)
            kept += 1
        }
        return result
    }

    /// The UTF-8 `bytes` as an excerpt (invalid sequences shown as U+FFFD).
    public static func excerpt(bytes: UnsafeRawBufferPointer, limit: Int = excerptLimit) -> String {
        // Decode no more than the excerpt can show (4 bytes per scalar at most).
        let shown = UnsafeRawBufferPointer(rebasing: bytes[0..<min(bytes.count, 4 * limit + 4)])
        let text = excerpt(String(decoding: shown, as: UTF8.self), limit: limit)
        return shown.count < bytes.count && !text.hasSuffix("...") ? text + "..." : text
    }

    /// `line` as one line: control characters escaped and, past `limit`
    /// characters, cut with a note of how much was left out.
    ///
    /// - Complexity: O(n) in the length of `line`.
    public static func singleLine(_ line: String, limit: Int = lineLimit) -> String {
        if line.utf8.count <= limit && !line.unicodeScalars.contains(where: needsEscape) { return line }
        var result = ""
        var kept = 0
        var total = 0
        for scalar in line.unicodeScalars {
            total += 1
            guard kept < limit else { continue }
            append(scalar, to: &result)
            kept += 1
        }
        if total > kept { result += "... (\(total - kept) more characters)" }
        return result
    }

    private static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F, 0x2028, 0x2029: return true
        default: return false
        }
    }

    private static func append(_ scalar: Unicode.Scalar, to result: inout String) {
        guard needsEscape(scalar) else {
            result.unicodeScalars.append(scalar)
            return
        }
        switch scalar {
        case "\n": result += "\\n"
        case "\r": result += "\\r"
        case "\t": result += "\\t"
        default:
            let digits = Array("0123456789ABCDEF")
            var hex = ""
            var value = scalar.value
            repeat {
                hex.insert(digits[Int(value & 0xF)], at: hex.startIndex)
                value >>= 4
            } while value > 0
            result += "\\u{" + hex + "}"
        }
    }
}
