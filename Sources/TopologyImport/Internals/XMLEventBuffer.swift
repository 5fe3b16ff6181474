/// The producer side of the event tape: the SAX callbacks append events, in
/// the layout `XMLEventChunk` documents, to a `GrowableBytes` stored in the
/// parser, so the callbacks (a million for a 30 MB file) append without
/// reference counting (a class here cost a retain/release pair per call: a
/// fifth of the parser thread).
struct XMLEventBuffer {
    private var buffer: GrowableBytes

    init(capacity: Int) {
        buffer = GrowableBytes(capacity: capacity)
    }

    var count: Int { buffer.count }

    /// Frees the storage; the buffer must not be used afterwards.
    func deallocate() {
        buffer.deallocate()
    }

    /// Hands the events collected so far to a chunk and starts an empty buffer.
    mutating func take() -> XMLEventChunk {
        let taken = buffer.takeStorage()
        return XMLEventChunk(taking: taken.storage, count: taken.count)
    }

    // MARK: - Appending

    /// Appends a start-element event from libxml2's callback arguments.
    @inline(__always)
    mutating func appendStart(
        localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int, line: Int32
    ) {
        buffer.append(XMLEventChunk.start)
        buffer.append(UInt32(bitPattern: line))
        buffer.append(UInt(bitPattern: localName))
        buffer.append(UInt(bitPattern: namespace))
        buffer.append(UInt16(truncatingIfNeeded: attributeCount))
        guard let attributes else { return }
        for index in 0..<attributeCount {
            let entry = attributes + index &* 5
            let value = entry[3]
            let valueLength = value.flatMap { start in entry[4].map { $0 - start } } ?? 0
            buffer.append(UInt8(entry[2] == nil ? 0 : 1))
            buffer.append(UInt(bitPattern: entry[0]))
            buffer.append(UInt32(truncatingIfNeeded: valueLength))
            if let value { buffer.append(value, valueLength) }
        }
    }

    /// Appends an end-element event.
    @inline(__always)
    mutating func appendEnd(line: Int32) {
        buffer.append(XMLEventChunk.end)
        buffer.append(UInt32(bitPattern: line))
    }

    /// Appends character data.
    @inline(__always)
    mutating func appendText(_ text: UnsafePointer<UInt8>, _ length: Int) {
        buffer.append(XMLEventChunk.text)
        buffer.append(UInt32(truncatingIfNeeded: length))
        buffer.append(text, length)
    }
}
