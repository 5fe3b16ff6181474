/// The `; Key: value` comments at the top of an SWF log.
///
/// The first occurrence of a key wins (logs repeat `Note:` and `Queue:`).
/// Continuation lines (`;              http://...`) and URLs are not keys: a
/// key is a word immediately followed by `:` and then a space or the end of
/// the line.
struct SWFHeader {
    private(set) var fields: [(key: String, value: String)] = []

    /// Reads one comment line (with its leading `;`).
    mutating func add(commentLine: String) {
        var text = Substring(commentLine)
        guard text.first == ";" else { return }
        text = text.dropFirst()
        let body = text.drop { $0 == " " || $0 == "\t" }
        guard let colon = body.firstIndex(of: ":") else { return }
        let key = body[..<colon]
        guard let first = key.first, first.isASCII, first.isLetter,
            key.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "_") })
        else { return }
        let rest = body[body.index(after: colon)...]
        guard rest.isEmpty || rest.first == " " || rest.first == "\t" else { return }
        guard !fields.contains(where: { $0.key == String(key) }) else { return }
        let value = rest.trimmingCharacters(in: " \t\r")
        fields.append((String(key), value))
    }

    func value(_ key: String) -> String? {
        fields.first { $0.key == key }?.value
    }
}

extension Substring {
    fileprivate func trimmingCharacters(in characters: String) -> String {
        let set = Set(characters)
        var text = self
        while let first = text.first, set.contains(first) { text = text.dropFirst() }
        while let last = text.last, set.contains(last) { text = text.dropLast() }
        return String(text)
    }
}
