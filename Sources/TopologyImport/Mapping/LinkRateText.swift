/// Reads a link rate from the free text of Topology Zoo's `LinkType` and
/// `LinkLabel` ("OC-192c", "OC48/STM16", "45 Mbps DS-3", "2x10Gb/s",
/// "1-2.5 Gb/s"), for links without `LinkSpeedRaw`.
///
/// Recognised, first match wins: an explicit rate (a number, optionally
/// `Nx` multiplied, with a unit k/M/G/T followed by b, bps, bit or b/s, or
/// Ethernet's GE/GbE/GigE; a
/// range `a-b` takes its lower bound `a`); then carrier names: OC-n (n x
/// 51.84 Mbit/s), STM-n (n x 155.52), T3/DS-3 (44.736), E3 (34.368),
/// T1/DS-1 (1.544), E1 (2.048).
enum LinkRateText {
    /// The rate in Mbit/s, or nil when the text names none.
    static func megabitsPerSecond(_ text: String) -> Double? {
        let bytes = Array(text.lowercased().utf8)
        return explicitRate(bytes) ?? carrierRate(bytes)
    }

    private static func isDigit(_ byte: UInt8) -> Bool { byte >= 0x30 && byte <= 0x39 }
    private static func isLetter(_ byte: UInt8) -> Bool { byte >= 0x61 && byte <= 0x7A }

    /// Parses a decimal number at `index`; returns it and the index after it.
    private static func number(_ bytes: [UInt8], _ index: Int) -> (Double, Int)? {
        var end = index
        var sawDigit = false
        var sawPoint = false
        while end < bytes.count {
            if isDigit(bytes[end]) {
                sawDigit = true
            } else if (bytes[end] == UInt8(ascii: ".") || bytes[end] == UInt8(ascii: ",")) && !sawPoint
                && end + 1 < bytes.count && isDigit(bytes[end + 1])
            {
                sawPoint = true
            } else {
                break
            }
            end += 1
        }
        guard sawDigit else { return nil }
        let text = String(decoding: bytes[index..<end].map { $0 == UInt8(ascii: ",") ? UInt8(ascii: ".") : $0 }, as: UTF8.self)
        return Double(text).map { ($0, end) }
    }

    private static func explicitRate(_ bytes: [UInt8]) -> Double? {
        var index = 0
        while index < bytes.count {
            guard isDigit(bytes[index]), index == 0 || !isDigit(bytes[index - 1]) && bytes[index - 1] != UInt8(ascii: "."),
                let (first, afterFirst) = number(bytes, index)
            else {
                index += 1
                continue
            }
            var value = first
            var cursor = afterFirst
            // "2x10Gb/s": a multiplier.
            if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "x"), let (second, afterSecond) = number(bytes, cursor + 1) {
                value = first * second
                cursor = afterSecond
            }
            // "1-2.5 Gb/s": a range; keep the lower bound, read the unit after the upper.
            if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-"), let (_, afterUpper) = number(bytes, cursor + 1) {
                cursor = afterUpper
            }
            while cursor < bytes.count && bytes[cursor] == UInt8(ascii: " ") { cursor += 1 }
            if let multiplier = unit(bytes, cursor) { return value * multiplier }
            index = afterFirst
        }
        return nil
    }

    /// The Mbit/s per unit of a rate unit starting at `index` (`gbps`, `gb/s`,
    /// `gbit/s`, `gbit`, `g`+word end, ...).
    private static func unit(_ bytes: [UInt8], _ index: Int) -> Double? {
        guard index < bytes.count else { return nil }
        let scale: Double
        switch bytes[index] {
        case UInt8(ascii: "k"): scale = 1e-3
        case UInt8(ascii: "m"): scale = 1
        case UInt8(ascii: "g"): scale = 1e3
        case UInt8(ascii: "t"): scale = 1e6
        default: return nil
        }
        let rest = bytes[(index + 1)...]
        var known = ["bps", "b/s", "bit/s", "bits/s", "bit", "bits", "b"]
        // Ethernet names: 10GE, 10GbE, 1GigE.
        if bytes[index] == UInt8(ascii: "g") { known += ["ige", "be", "e"] }
        for suffix in known where rest.starts(with: Array(suffix.utf8)) {
            let end = index + 1 + suffix.utf8.count
            if end == bytes.count || !isLetter(bytes[end]) { return scale }
        }
        return nil
    }

    private static func carrierRate(_ bytes: [UInt8]) -> Double? {
        let carriers: [(String, Double, Bool)] = [
            ("oc", 51.84, true), ("stm", 155.52, true),
            ("ds-3", 44.736, false), ("ds3", 44.736, false), ("t3", 44.736, false), ("e3", 34.368, false),
            ("ds-1", 1.544, false), ("ds1", 1.544, false), ("t1", 1.544, false), ("e1", 2.048, false),
        ]
        for index in bytes.indices where index == 0 || !isLetter(bytes[index - 1]) && !isDigit(bytes[index - 1]) {
            for (name, rate, takesLevel) in carriers {
                let name = Array(name.utf8)
                guard bytes[index...].starts(with: name) else { continue }
                var cursor = index + name.count
                if takesLevel {
                    if cursor < bytes.count && bytes[cursor] == UInt8(ascii: "-") { cursor += 1 }
                    var level = 0
                    var digits = 0
                    while cursor < bytes.count && isDigit(bytes[cursor]) && digits < 4 {
                        level = level * 10 + Int(bytes[cursor] - 0x30)
                        cursor += 1
                        digits += 1
                    }
                    if digits > 0 && level > 0 { return Double(level) * rate }
                } else if cursor == bytes.count || !isDigit(bytes[cursor]) && !isLetter(bytes[cursor]) {
                    return rate
                }
            }
        }
        return nil
    }
}
