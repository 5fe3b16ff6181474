import StreamingIO

/// Formats a long run of items (nodes, links) on two threads while keeping
/// the output in order: the calling thread formats the even blocks straight
/// into the file's sink, a helper formats the odd blocks into memory sinks
/// that the caller appends in turn.
///
/// Memory stays bounded: two helper blocks circulate, so the helper is at
/// most two blocks ahead. The output is byte-identical to formatting the
/// items one after another on one thread.
enum OrderedBlockEncoder {
    /// Items per block: about half a megabyte of canonical JSON.
    static let defaultBlockSize = 2048

    /// Calls `item(index, sink)` for every index in `0..<count`, the bytes
    /// reaching `sink` in index order.
    ///
    /// - Parameters:
    ///   - count: The number of items.
    ///   - blockSize: Items per block; fewer than three blocks run on one thread.
    ///   - sink: The file's sink.
    ///   - item: Formats one item; it must only read shared state, as two
    ///     threads call it at once (each with its own sink).
    /// - Throws: The first error of `sink`; memory sinks do not fail.
    /// - Complexity: O(count), with up to two threads.
    static func encode(
        count: Int, blockSize: Int = defaultBlockSize, into sink: ByteSink,
        item: @escaping (Int, ByteSink) throws(StreamingIOError) -> Void
    ) throws(StreamingIOError) {
        let blockCount = (count + blockSize - 1) / blockSize
        guard blockCount >= 3, ProcessorCount.online > 1 else {
            for index in 0..<count { try item(index, sink) }
            return
        }
        let ready = BoundedChannel<ByteSink>(capacity: 2)
        let spare = BoundedChannel<ByteSink>(capacity: 2)
        for _ in 0..<2 { _ = spare.send(ByteSink(memoryCapacity: 1 << 20)) }
        let helper = WorkerThread {
            var block = 1
            while block < blockCount, let memory = spare.receive() {
                memory.removeAll()
                for index in block * blockSize..<min(count, (block + 1) * blockSize) {
                    try? item(index, memory)
                }
                guard ready.send(memory) else { break }
                block += 2
            }
            ready.finish()
        }
        guard let helper else {
            for index in 0..<count { try item(index, sink) }
            return
        }
        do {
            for block in 0..<blockCount {
                if block % 2 == 0 {
                    for index in block * blockSize..<min(count, (block + 1) * blockSize) { try item(index, sink) }
                } else if let memory = ready.receive() {
                    try sink.append(contentsOf: memory)
                    _ = spare.send(memory)
                }
            }
        } catch {
            ready.cancel()
            spare.cancel()
            helper.join()
            throw error
        }
        helper.join()
    }
}
