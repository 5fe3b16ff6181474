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

    private let storage: UnsafeMutableRawPointer
    private let count: Int

    /// Takes ownership of `storage` (allocated with `UnsafeMutableRawPointer.allocate`).
    init(taking storage: UnsafeMutableRawPointer, count: Int) {
        self.storage = storage
        self.count = count
    }

    deinit {
        storage.deallocate()
    }

    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }
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
