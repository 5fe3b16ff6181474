/// Receives the events of `XMLPushParser`, with borrowed views valid only
/// during the call. Implemented by the GraphML builder.
protocol XMLEventSink: AnyObject {
    /// An element starts; `line` is the line of its start tag.
    func startElement(_ name: XMLName, attributes: XMLAttributes, line: Int32)
    /// An element ends.
    func endElement(_ name: XMLName, line: Int32)
    /// Character data (text, CDATA, entity-decoded), possibly in several pieces.
    func characters(_ bytes: UnsafeRawBufferPointer)
    /// The sink's own error, when it asked the parser to stop.
    var failure: TopologyImportError? { get }
}

/// An element's name: local part and namespace URI (nil without a namespace).
struct XMLName {
    var localName: UnsafeRawBufferPointer
    var namespace: UnsafeRawBufferPointer?

    /// True when the local name equals `literal`.
    @inline(__always)
    func `is`(_ literal: StaticString) -> Bool {
        ValueParsing.equals(localName, literal)
    }

    /// The local name as a `String` (for messages).
    var localString: String { String(decoding: localName, as: UTF8.self) }
}

/// The attributes of a start tag: unqualified attributes by name, values as
/// borrowed byte views (libxml2 passes them without a terminating NUL).
struct XMLAttributes {
    /// (local name, has namespace, value) per attribute.
    let names: [UnsafeRawBufferPointer]
    let qualified: [Bool]
    let values: [UnsafeRawBufferPointer]

    /// The value of the unqualified attribute `name`, if present.
    @inline(__always)
    func value(_ name: StaticString) -> UnsafeRawBufferPointer? {
        for index in 0..<names.count where !qualified[index] && ValueParsing.equals(names[index], name) {
            return values[index]
        }
        return nil
    }

    /// Calls `body` with the attribute's value, decoding the `&#38;` libxml2
    /// leaves for an escaped ampersand when entities are not substituted.
    static func withDecoded<Result>(
        _ raw: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws(TopologyImportError) -> Result
    ) throws(TopologyImportError) -> Result {
        guard raw.count >= 5, raw.contains(UInt8(ascii: "&")) else { return try body(raw) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&") && index + 5 <= raw.count
                && ValueParsing.equals(UnsafeRawBufferPointer(rebasing: raw[index..<(index + 5)]), "&#38;")
            {
                decoded.append(UInt8(ascii: "&"))
                index += 5
            } else {
                decoded.append(raw[index])
                index += 1
            }
        }
        return try decoded.withBytes(body)
    }
}
