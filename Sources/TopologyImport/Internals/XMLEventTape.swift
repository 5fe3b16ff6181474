/// SAX events serialised into byte chunks, so libxml2 can run on one thread
/// while the GraphML builder consumes its events on another.
///
/// Layout (native byte order, unaligned):
/// - start: `1`, line `u32`, local name pointer, namespace pointer (0 for
///   none), attribute count `u16`, then per attribute: qualified flag `u8`,
///   name pointer, value (`u32` length, bytes);
/// - end: `2`, line `u32`;
/// - text: `3`, `u32` length, bytes.
///
/// Element and attribute names and namespace URIs are NUL-terminated strings
/// interned in the parser context's dictionary, which keeps them at fixed
/// addresses until the context is freed (after the consumer is done), so
/// they travel as pointers; values point into libxml2's input buffer and
/// are copied.
final class XMLEventChunk {
    static let start: UInt8 = 1
    static let end: UInt8 = 2
    static let text: UInt8 = 3

    private(set) var storage: UnsafeMutableRawPointer
    private(set) var capacity: Int
    @exclusivity(unchecked) private(set) var count = 0

    init(capacity: Int) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
    }

    deinit {
        storage.deallocate()
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    @inline(__always)
    private func reserve(_ size: Int) {
        guard count &+ size > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + size { newCapacity *= 2 }
        let moved = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        moved.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = moved
        capacity = newCapacity
    }

    @inline(__always)
    private func put<Value: FixedWidthInteger>(_ value: Value) {
        reserve(MemoryLayout<Value>.size)
        storage.storeBytes(of: value, toByteOffset: count, as: Value.self)
        count &+= MemoryLayout<Value>.size
    }

    @inline(__always)
    private func put(pointer: UnsafePointer<UInt8>?) {
        put(UInt(bitPattern: pointer))
    }

    @inline(__always)
    private func put(_ source: UnsafeRawPointer, _ length: Int) {
        reserve(length)
        if length > 0 { (storage + count).copyMemory(from: source, byteCount: length) }
        count &+= length
    }

    // MARK: - Writing (producer)

    /// Appends a start-element event from libxml2's callback arguments.
    func appendStart(
        localName: UnsafePointer<UInt8>, namespace: UnsafePointer<UInt8>?,
        attributes: UnsafeMutablePointer<UnsafePointer<UInt8>?>?, attributeCount: Int, line: Int32
    ) {
        put(Self.start)
        put(UInt32(bitPattern: line))
        put(pointer: localName)
        put(pointer: namespace)
        put(UInt16(truncatingIfNeeded: attributeCount))
        guard let attributes else { return }
        for index in 0..<attributeCount {
            let entry = attributes + index &* 5
            let value = entry[3]
            let valueLength = value.flatMap { start in entry[4].map { $0 - start } } ?? 0
            put(UInt8(entry[2] == nil ? 0 : 1))
            put(pointer: entry[0])
            put(UInt32(truncatingIfNeeded: valueLength))
            if let value { put(value, valueLength) }
        }
    }

    /// Appends an end-element event.
    func appendEnd(line: Int32) {
        put(Self.end)
        put(UInt32(bitPattern: line))
    }

    /// Appends character data.
    func appendText(_ text: UnsafePointer<UInt8>, _ length: Int) {
        put(Self.text)
        put(UInt32(truncatingIfNeeded: length))
        put(text, length)
    }
}

/// Reads events back from a chunk (consumer side).
struct XMLEventReader {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ chunk: XMLEventChunk) {
        bytes = chunk.bytes
    }

    var isAtEnd: Bool { offset >= bytes.count }

    @inline(__always)
    mutating func tag() -> UInt8 {
        let value = bytes[offset]
        offset &+= 1
        return value
    }

    @inline(__always)
    mutating func integer<Value: FixedWidthInteger>(_: Value.Type) -> Value {
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: Value.self)
        offset &+= MemoryLayout<Value>.size
        return value
    }

    @inline(__always)
    mutating func slice(_ length: Int) -> UnsafeRawBufferPointer {
        let view = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset &+ length)])
        offset &+= length
        return view
    }

    /// Reads a start event's name and attributes (after its tag).
    @inline(__always)
    mutating func start() -> (name: XMLName, attributes: XMLAttributes, line: Int32) {
        let line = Int32(bitPattern: integer(UInt32.self))
        let local = Self.string(UnsafePointer<UInt8>(bitPattern: integer(UInt.self)))
        let namespacePointer = UnsafePointer<UInt8>(bitPattern: integer(UInt.self))
        let attributeCount = Int(integer(UInt16.self))
        let attributesStart = offset
        for _ in 0..<attributeCount {
            offset &+= 1 &+ MemoryLayout<UInt>.size
            offset &+= Int(integer(UInt32.self))
        }
        let attributes = XMLAttributes(
            encoded: UnsafeRawBufferPointer(rebasing: bytes[attributesStart..<offset]), count: attributeCount)
        return (XMLName(localName: local, namespace: namespacePointer.map(Self.string)), attributes, line)
    }

    /// A NUL-terminated dictionary string as a view.
    @inline(__always)
    static func string(_ pointer: UnsafePointer<UInt8>?) -> UnsafeRawBufferPointer {
        guard let pointer else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: pointer, count: strlen(UnsafeRawPointer(pointer).assumingMemoryBound(to: CChar.self)))
    }
}

#if canImport(Glibc)
import Glibc
#endif
