/// Reads a record written by `RecordBuilder`, front to back.
struct RecordCursor {
    let bytes: UnsafeRawBufferPointer
    private(set) var offset = 0

    init(_ bytes: UnsafeRawBufferPointer) {
        self.bytes = bytes
    }

    @inline(__always)
    mutating func read<Value: FixedWidthInteger>(_: Value.Type = Value.self) -> Value {
        let value = bytes.loadUnaligned(fromByteOffset: offset, as: Value.self)
        offset += MemoryLayout<Value>.size
        return value
    }

    @inline(__always)
    mutating func readDouble() -> Double {
        Double(bitPattern: read(UInt64.self))
    }

    /// A length-prefixed byte string (borrowed from the record).
    @inline(__always)
    mutating func readBytes() -> UnsafeRawBufferPointer {
        let length = Int(read(UInt32.self))
        let slice = UnsafeRawBufferPointer(rebasing: bytes[offset..<(offset + length)])
        offset += length
        return slice
    }

    mutating func readString() -> String {
        String(decoding: readBytes(), as: UTF8.self)
    }
}
