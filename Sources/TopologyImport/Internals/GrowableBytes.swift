/// A growable raw byte buffer: a trivial value, so code that appends on every
/// SAX event (the event tape, the captured text of a `<data>`) does so without
/// the reference counting an array stored in a class costs per access.
///
/// The owner frees it with `deallocate()`; copies share the storage.
struct GrowableBytes {
    private(set) var storage: UnsafeMutableRawPointer
    private var capacity: Int
    private(set) var count = 0

    init(capacity: Int) {
        self.capacity = max(16, capacity)
        storage = UnsafeMutableRawPointer.allocate(byteCount: self.capacity, alignment: 8)
    }

    /// Frees the storage; the value must not be used afterwards.
    func deallocate() {
        storage.deallocate()
    }

    /// The bytes (valid until the next change).
    var bytes: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: storage, count: count) }

    mutating func removeAll() {
        count = 0
    }

    /// Hands the storage and its byte count to the caller (who frees it) and
    /// starts again with a fresh buffer of the same capacity.
    mutating func takeStorage() -> (storage: UnsafeMutableRawPointer, count: Int) {
        let taken = (storage, count)
        storage = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 8)
        count = 0
        return taken
    }

    @inline(__always)
    mutating func append<Value: FixedWidthInteger>(_ value: Value) {
        reserve(MemoryLayout<Value>.size)
        storage.storeBytes(of: value, toByteOffset: count, as: Value.self)
        count &+= MemoryLayout<Value>.size
    }

    @inline(__always)
    mutating func append(_ source: UnsafeRawPointer, _ length: Int) {
        reserve(length)
        if length > 0 { (storage + count).copyMemory(from: source, byteCount: length) }
        count &+= length
    }

    @inline(__always)
    mutating func append(_ source: UnsafeRawBufferPointer) {
        guard let base = source.baseAddress else { return }
        append(base, source.count)
    }

    @inline(__always)
    private mutating func reserve(_ size: Int) {
        if count &+ size > capacity { grow(toHold: count + size) }
    }

    private mutating func grow(toHold needed: Int) {
        var newCapacity = capacity * 2
        while newCapacity < needed { newCapacity *= 2 }
        let moved = UnsafeMutableRawPointer.allocate(byteCount: newCapacity, alignment: 8)
        moved.copyMemory(from: storage, byteCount: count)
        storage.deallocate()
        storage = moved
        capacity = newCapacity
    }
}
