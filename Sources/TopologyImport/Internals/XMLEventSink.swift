/// The events `XMLPushParser` delivers, with borrowed views valid only during
/// the call. The GraphML builder implements it; the parser calls the builder
/// directly (a concrete type avoids reference counting on every callback).
protocol XMLEventSink: AnyObject {
    /// An element starts; `line` is the line of its start tag.
    func startElement(_ name: XMLName, attributes: XMLAttributes, line: Int32)
    /// An element ends.
    func endElement(_ name: XMLName, line: Int32)
    /// Character data (text, CDATA, entity-decoded), possibly in several pieces.
    func characters(_ bytes: UnsafeRawBufferPointer)
    /// The sink's own error, when it asked the parser to stop.
    var failure: TopologyImportError? { get }
    /// True once `failure` is set (cheap to test after every event).
    var hasFailed: Bool { get }
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

/// The attributes of a start tag: a borrowed view of libxml2's array of five
/// pointers per attribute (local name, prefix, namespace, value, value end);
/// values are not NUL-terminated. No allocation per element.
struct XMLAttributes {
    let base: UnsafeMutablePointer<UnsafePointer<UInt8>?>?
    let count: Int

    /// The value of the unqualified attribute `name`, if present.
    @inline(__always)
    func value(_ name: StaticString) -> UnsafeRawBufferPointer? {
        guard let base else { return nil }
        let length = name.utf8CodeUnitCount
        for index in 0..<count {
            let entry = base + index &* 5
            guard entry[2] == nil, let local = entry[0], let start = entry[3], let end = entry[4] else { continue }
            if memcmp(local, name.utf8Start, length) == 0 && local[length] == 0 {
                return UnsafeRawBufferPointer(start: start, count: end - start)
            }
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

#if canImport(Glibc)
import Glibc
#endif
