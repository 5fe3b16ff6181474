/// File-name-safe forms of names: lowercase ASCII letters and digits, `.`,
/// `_` and single `-` (anything else becomes `-`).
enum ReportSlug {
    static func make(_ text: String, fallback: String) -> String {
        var slug = ""
        for byte in text.lowercased().utf8 {
            let isKept = (byte >= 0x61 && byte <= 0x7A) || (byte >= 0x30 && byte <= 0x39) || byte == 0x2E || byte == 0x5F
            if isKept {
                slug.unicodeScalars.append(Unicode.Scalar(byte))
            } else if !slug.isEmpty && !slug.hasSuffix("-") {
                slug += "-"
            }
        }
        while slug.hasSuffix("-") || slug.hasSuffix(".") { slug.removeLast() }
        while slug.hasPrefix(".") { slug.removeFirst() }
        return slug.isEmpty ? fallback : String(slug.prefix(60))
    }

    /// Slugs for `names`, made unique in order (`edge`, `edge-2`).
    static func unique(_ names: [String], fallback: String) -> [String] {
        var taken: Set<String> = []
        return names.map { name in
            let base = make(name, fallback: fallback)
            var candidate = base
            var suffix = 2
            while !taken.insert(candidate).inserted {
                candidate = "\(base)-\(suffix)"
                suffix += 1
            }
            return candidate
        }
    }

    /// `arrivalratescale-0.75` (`m` stands for a minus sign, so -0.5 and 0.5 differ).
    static func sweepValue(_ parameter: String, _ value: Double) -> String {
        let number = DecimalText.shortest(value).replacingMinus()
        return make("\(parameter)-\(number)", fallback: "sweep")
    }
}

extension String {
    fileprivate func replacingMinus() -> String {
        String(map { $0 == "-" ? "m" : $0 })
    }
}
