/// A growable column of plain values owned by one `ReplayEngine`.
///
/// The engine's hot state lives in columns held by `let` properties: an
/// immutable handle needs no dynamic exclusivity check and no reference
/// counting, and elements are read and written in place through the handle
/// (nonmutating accessors). Indices are bounds-checked; memory is released by
/// `deallocate()`, which the owner calls exactly once (in its `deinit`).
///
/// Only `BitwiseCopyable` elements are allowed, so growing and discarding
/// never runs element destructors.
struct UnsafeColumn<Element: BitwiseCopyable> {
    private struct Header {
        var base: UnsafeMutablePointer<Element>
        var count: Int
        var capacity: Int
    }

    private let header: UnsafeMutablePointer<Header>

    /// An empty column with room for `capacity` elements.
    init(capacity: Int = 16) {
        let capacity = max(capacity, 1)
        header = .allocate(capacity: 1)
        header.initialize(to: Header(base: .allocate(capacity: capacity), count: 0, capacity: capacity))
    }

    /// A column of `count` copies of `value`.
    init(repeating value: Element, count: Int) {
        self.init(capacity: count)
        header.pointee.base.initialize(repeating: value, count: count)
        header.pointee.count = count
    }

    /// A column holding the elements of `array`.
    init(_ array: [Element]) {
        self.init(capacity: array.count)
        for (index, element) in array.enumerated() { header.pointee.base[index] = element }
        header.pointee.count = array.count
    }

    /// Frees the storage; the column must not be used afterwards.
    func deallocate() {
        header.pointee.base.deallocate()
        header.deallocate()
    }

    @inline(__always)
    var count: Int { header.pointee.count }

    @inline(__always)
    var isEmpty: Bool { header.pointee.count == 0 }

    @inline(__always)
    subscript(index: Int) -> Element {
        unsafeAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: header.pointee.count), "column index out of range")
            return UnsafePointer(header.pointee.base + index)
        }
        nonmutating unsafeMutableAddress {
            precondition(UInt(bitPattern: index) < UInt(bitPattern: header.pointee.count), "column index out of range")
            return header.pointee.base + index
        }
    }

    @inline(__always)
    func append(_ element: Element) {
        if header.pointee.count == header.pointee.capacity { grow() }
        (header.pointee.base + header.pointee.count).initialize(to: element)
        header.pointee.count += 1
    }

    @inline(__always)
    func popLast() -> Element? {
        guard header.pointee.count > 0 else { return nil }
        header.pointee.count -= 1
        return header.pointee.base[header.pointee.count]
    }

    /// Removes every element, keeping the capacity.
    func removeAll() {
        header.pointee.count = 0
    }

    /// Sets every element to `value`.
    func fill(with value: Element) {
        header.pointee.base.update(repeating: value, count: header.pointee.count)
    }

    /// Calls `body` with the elements (valid only during the call).
    func withUnsafeBufferPointer<Result>(_ body: (UnsafeBufferPointer<Element>) throws -> Result) rethrows -> Result {
        try body(UnsafeBufferPointer(start: header.pointee.base, count: header.pointee.count))
    }

    private func grow() {
        let capacity = header.pointee.capacity * 2
        let larger = UnsafeMutablePointer<Element>.allocate(capacity: capacity)
        larger.moveInitialize(from: header.pointee.base, count: header.pointee.count)
        header.pointee.base.deallocate()
        header.pointee.base = larger
        header.pointee.capacity = capacity
    }
}

/// One value owned by a `ReplayEngine`, read and written in place through an
/// immutable handle (see `UnsafeColumn`). Released by `deallocate()`.
struct UnsafeBox<Value> {
    private let pointer: UnsafeMutablePointer<Value>

    init(_ value: Value) {
        pointer = .allocate(capacity: 1)
        pointer.initialize(to: value)
    }

    /// Destroys the value and frees the storage.
    func deallocate() {
        pointer.deinitialize(count: 1)
        pointer.deallocate()
    }

    @inline(__always)
    var value: Value {
        unsafeAddress { UnsafePointer(pointer) }
        nonmutating unsafeMutableAddress { pointer }
    }
}
