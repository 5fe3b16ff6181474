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
