/// What consumes the events of `XMLSAXParser` (read back from event
/// chunks), with borrowed views valid only during the call.
protocol XMLEventSink: AnyObject {
    /// An element starts; `line` is the line of its start tag.
    func startElement(_ name: XMLName, attributes: XMLAttributes, line: Int32)
    /// An element ends.
    func endElement(line: Int32)
    /// Character data (text, CDATA, entity-decoded), possibly in several pieces.
    func characters(_ bytes: UnsafeRawBufferPointer)
    /// The sink's own error, when it wants the parse to stop.
    var failure: TopologyImportError? { get }
    /// True once `failure` is set (cheap to test after every event).
    var hasFailed: Bool { get }
}
