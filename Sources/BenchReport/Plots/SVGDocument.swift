/// A minimal SVG writer: elements with ordered attributes, escaped text, and
/// coordinates with at most two decimals, so the same chart always gives the
/// same bytes.
struct SVGDocument {
    private(set) var text = ""

    /// Starts an `<svg>` root of `width` x `height` pixels with an accessible
    /// title and description (`role="img"`, `aria-labelledby`).
    init(width: Int, height: Int, identifier: String, title: String, description: String) {
        text.reserveCapacity(32 * 1024)
        open("svg", [
            ("xmlns", "http://www.w3.org/2000/svg"), ("width", String(width)), ("height", String(height)),
            ("viewBox", "0 0 \(width) \(height)"), ("role", "img"),
            ("aria-labelledby", "\(identifier)-title \(identifier)-description"),
            ("font-family", ChartStyle.fontFamily), ("font-size", "12"), ("class", "edgesim-chart"),
        ])
        element("title", [("id", "\(identifier)-title")], content: title)
        element("desc", [("id", "\(identifier)-description")], content: description)
    }

    /// Opens an element that will hold children.
    mutating func open(_ name: String, _ attributes: [(String, String)] = []) {
        text += "<\(name)\(Self.attributeText(attributes))>\n"
    }

    /// Closes the innermost element named `name`.
    mutating func close(_ name: String) {
        text += "</\(name)>\n"
    }

    /// An element without children (`<rect .../>`), or with escaped text content.
    mutating func element(_ name: String, _ attributes: [(String, String)], content: String? = nil) {
        if let content {
            text += "<\(name)\(Self.attributeText(attributes))>\(Self.escape(content))</\(name)>\n"
        } else {
            text += "<\(name)\(Self.attributeText(attributes))/>\n"
        }
    }

    /// A `<text>` element; when `fullText` differs from `content` (a truncated
    /// label), it is kept in a `<title>` child, which viewers show as a tooltip.
    mutating func label(_ content: String, _ attributes: [(String, String)], fullText: String? = nil) {
        if let fullText, fullText != content {
            text += "<text\(Self.attributeText(attributes))><title>\(Self.escape(fullText))</title>\(Self.escape(content))</text>\n"
        } else {
            element("text", attributes, content: content)
        }
    }

    /// Closes the root and returns the document.
    mutating func finish() -> String {
        close("svg")
        return text
    }

    // MARK: - Formatting

    /// A coordinate with at most two decimals and no trailing zeros (`12.5`, `40`).
    ///
    /// Charts write tens of thousands of coordinates, so this formats whole
    /// hundredths with integer arithmetic instead of calling `printf`.
    static func number(_ value: Double) -> String {
        guard value.isFinite else { return "0" }
        let scaled = (value * 100).rounded()
        guard abs(scaled) < 1e15 else { return DecimalText.fixed(value, decimals: 0) }
        let hundredths = Int64(scaled)
        if hundredths == 0 { return "0" }
        let magnitude = hundredths.magnitude
        var text = hundredths < 0 ? "-" : ""
        text += String(magnitude / 100)
        let fraction = magnitude % 100
        if fraction != 0 {
            text += fraction % 10 == 0 ? "." + String(fraction / 10) : (fraction < 10 ? ".0" : ".") + String(fraction)
        }
        return text
    }

    /// Path data through `points`: `M x y L x y ...`.
    static func polyline(_ points: [(Double, Double)]) -> String {
        var data = ""
        for (index, point) in points.enumerated() {
            data += (index == 0 ? "M" : " L") + number(point.0) + " " + number(point.1)
        }
        return data
    }

    /// Escapes text for XML content and attribute values; characters XML 1.0 forbids become U+FFFD.
    static func escape(_ text: String) -> String {
        // Path data and numbers (most attribute bytes) need no escaping.
        let needsWork = text.utf8.contains { $0 < 0x20 || $0 == 0x26 || $0 == 0x3C || $0 == 0x3E || $0 == 0x22 || $0 == 0x27 || $0 >= 0xEF }
        guard needsWork else { return text }
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"": escaped += "&quot;"
            case "'": escaped += "&apos;"
            case "\t", "\n", "\r": escaped.unicodeScalars.append(scalar)
            default:
                let value = scalar.value
                let isAllowed = value >= 0x20 && !(0xFFFE...0xFFFF).contains(value)
                escaped.unicodeScalars.append(isAllowed ? scalar : "\u{FFFD}")
            }
        }
        return escaped
    }

    private static func attributeText(_ attributes: [(String, String)]) -> String {
        attributes.map { " \($0.0)=\"\(escape($0.1))\"" }.joined()
    }
}
