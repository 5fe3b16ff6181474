internal import CLibXML2

/// Parses an SVG document with libxml2 (network off, no entity substitution,
/// no DTD) and exposes its elements for structural checks.
///
/// Keep `import Foundation` out of this test target: libxml2's headers pull in
/// the system ICU, whose `UErrorCode` clashes with Foundation's bundled ICU
/// ("'U_MF_…' is not present in definition of 'enum UErrorCode'").
struct SVGInspector {
    struct Element {
        var name: String
        var attributes: [String: String]
        var text: String
        var depth: Int
        /// Indices of the elements nested inside this one (its subtree), in document order.
        var descendants: Range<Int>
    }

    let elements: [Element]

    /// Parses `text`; nil when it is not well-formed XML.
    init?(_ text: String) {
        let bytes = Array(text.utf8)
        let options = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        let parsed = bytes.withUnsafeBufferPointer { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                xmlReadMemory(chars.baseAddress, Int32(chars.count), "chart.svg", "UTF-8", options)
            }
        }
        guard let document = parsed else { return nil }
        defer { xmlFreeDoc(document) }
        guard let root = xmlDocGetRootElement(document) else { return nil }
        var elements: [Element] = []
        Self.collect(root, depth: 0, into: &elements)
        self.elements = elements
    }

    private static func collect(_ node: xmlNodePtr, depth: Int, into elements: inout [Element]) {
        let index = elements.count
        var attributes: [String: String] = [:]
        var attribute = node.pointee.properties
        while let current = attribute {
            let name = String(cString: current.pointee.name)
            if let value = xmlNodeGetContent(UnsafeMutableRawPointer(current).assumingMemoryBound(to: xmlNode.self)) {
                attributes[name] = String(cString: value)
                clibxml2_free(value)
            }
            attribute = current.pointee.next
        }
        var text = ""
        if let content = xmlNodeGetContent(node) {
            text = String(cString: content)
            clibxml2_free(content)
        }
        elements.append(Element(
            name: String(cString: node.pointee.name), attributes: attributes, text: text, depth: depth,
            descendants: index..<index))
        var child = node.pointee.children
        while let current = child {
            if current.pointee.type == XML_ELEMENT_NODE { collect(current, depth: depth + 1, into: &elements) }
            child = current.pointee.next
        }
        elements[index].descendants = (index + 1)..<elements.count
    }

    var root: Element? { elements.first }

    /// Elements named `name` whose `class` attribute contains `className` (when given).
    func elements(_ name: String, class className: String? = nil) -> [Element] {
        elements.filter { element in
            element.name == name
                && (className.map { (element.attributes["class"] ?? "").split(separator: " ").contains(Substring($0)) } ?? true)
        }
    }

    /// The `<g class="series">` groups by `data-series`, with their subtrees.
    func series() -> [(name: String, children: [Element])] {
        elements.enumerated().compactMap { index, element in
            guard element.name == "g", element.attributes["class"] == "series", let name = element.attributes["data-series"]
            else { return nil }
            return (name, Array(elements[element.descendants]))
        }
    }

    /// The texts of every `<text>` element.
    var texts: [String] { elements("text").map(\.text) }
}
