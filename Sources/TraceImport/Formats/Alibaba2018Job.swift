import StreamingIO

/// The rows of one job, their text copied into one reused arena (no
/// allocation per row once the buffers have grown to the largest job).
final class Alibaba2018Job {
    let arena = RecordBuilder(capacity: 64 * 1024)
    private(set) var name = ByteRange(offset: 0, length: 0)
    var tasks: [Alibaba2018TaskRow] = []
    var instances: [Alibaba2018InstanceRow] = []

    var isEmpty: Bool { tasks.isEmpty && instances.isEmpty }

    func reset(name: UnsafeRawBufferPointer) {
        arena.reset()
        tasks.removeAll(keepingCapacity: true)
        instances.removeAll(keepingCapacity: true)
        self.name = store(name)
    }

    /// Copies `bytes` into the arena.
    func store(_ bytes: UnsafeRawBufferPointer) -> ByteRange {
        let offset = arena.count
        arena.appendRaw(bytes)
        return ByteRange(offset: offset, length: bytes.count)
    }

    /// The bytes of `range` (valid until the arena changes).
    @inline(__always)
    func bytes(_ range: ByteRange) -> UnsafeRawBufferPointer {
        UnsafeRawBufferPointer(rebasing: arena.bytes[range.offset..<(range.offset + range.length)])
    }

    func equal(_ left: ByteRange, _ right: ByteRange) -> Bool {
        left.length == right.length && bytes(left).elementsEqual(bytes(right))
    }

    func text(_ range: ByteRange) -> String {
        String(decoding: bytes(range), as: UTF8.self)
    }

    /// The text of `range` shortened and escaped for a message.
    func excerpt(_ range: ByteRange) -> String {
        MessageText.excerpt(bytes: bytes(range))
    }
}
