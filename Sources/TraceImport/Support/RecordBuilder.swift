/// A reusable byte buffer that encodes one record (numbers in native byte
/// order, byte strings with a 32-bit length), so records cross the external
/// sort without an allocation per record.
final class RecordBuilder {
    private(set) var storage: UnsafeMutableRawPointer
    private(set) var capacity: Int
    private(set) var count = 0

    init(capacity: Int = 4096) {
        self.capacity = capacity
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
    }

    deinit {
        storage.deallocate()
    }

    /// The encoded bytes (valid until the next change).
    var bytes: UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(start: storage, count: count)
    }

    func reset() {
        count = 0
    }

    /// Drops bytes after the first `length`.
    func truncate(to length: Int) {
        count = min(count, length)
    }

    @inline(__always)
    private func reserve(_ extra: Int) {
        guard count + extra > capacity else { return }
        var newCapacity = capacity * 2
        while newCapacity < count + extra { newCapacity *= 2 }
        let larger = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 16)
        larger.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = larger
        capacity = newCapacity
    }

    @inline(__always)
    func append<Value: FixedWidthInteger>(_ value: Value) {
        reserve(MemoryLayout<Value>.size)
        storage.storeBytes(of: value, toByteOffset: count, as: Value.self)
        count += MemoryLayout<Value>.size
    }

    @inline(__always)
    func append(_ value: Double) {
        append(value.bitPattern)
    }

    /// Appends a length-prefixed byte string.
    @inline(__always)
    func appendBytes(_ bytes: UnsafeRawBufferPointer) {
        append(UInt32(truncatingIfNeeded: bytes.count))
        appendRaw(bytes)
    }

    /// Appends a length-prefixed string.
    func appendBytes(_ text: String) {
        var text = text
        text.withUTF8 { appendBytes(UnsafeRawBufferPointer($0)) }
    }

    /// Appends bytes without a length.
    @inline(__always)
    func appendRaw(_ bytes: UnsafeRawBufferPointer) {
        guard bytes.count > 0 else { return }
        reserve(bytes.count)
        (storage + count).copyMemory(from: bytes.baseAddress!, byteCount: bytes.count)
        count += bytes.count
    }

    /// Overwrites a previously appended integer at `offset`.
    @inline(__always)
    func store<Value: FixedWidthInteger>(_ value: Value, at offset: Int) {
        storage.storeBytes(of: value, toByteOffset: offset, as: Value.self)
    }
}
