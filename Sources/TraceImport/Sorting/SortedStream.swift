import StreamingIO

/// One sorted sequence of records: the sorter's memory or a run file.
protocol SortedSource: AnyObject {
    var key: SortKey { get }
    var sequence: UInt64 { get }
    /// The current record's payload, valid until the next `advance()`.
    var payload: UnsafeRawBufferPointer { get }
    /// Moves to the next record; false at the end.
    func advance() throws(TraceImportError) -> Bool
}

/// The k-way merge of sorted sources, in (key, insertion sequence) order.
final class SortedStream {
    private var sources: [any SortedSource]
    /// Indices of sources with a current record, as a binary min-heap.
    private var heap: [Int] = []
    private var started = false
    private var currentSource: Int?

    init(sources: [any SortedSource]) {
        self.sources = sources
    }

    /// The current record's key.
    var key: SortKey { sources[currentSource!].key }
    /// The current record's insertion sequence.
    var sequence: UInt64 { sources[currentSource!].sequence }
    /// The current record's payload, valid until the next call to `next()`.
    var payload: UnsafeRawBufferPointer { sources[currentSource!].payload }

    /// Moves to the next record in order; false when all sources are exhausted.
    func next() throws(TraceImportError) -> Bool {
        if !started {
            started = true
            for index in sources.indices where try sources[index].advance() {
                heap.append(index)
                siftUp(heap.count - 1)
            }
        } else if let current = currentSource {
            // The previous record's source moves on; re-establish the heap.
            if try sources[current].advance() {
                siftDown(0)
            } else {
                let last = heap.removeLast()
                if !heap.isEmpty {
                    heap[0] = last
                    siftDown(0)
                }
            }
        }
        guard let top = heap.first else {
            currentSource = nil
            return false
        }
        currentSource = top
        return true
    }

    @inline(__always)
    private func less(_ left: Int, _ right: Int) -> Bool {
        let a = sources[left]
        let b = sources[right]
        if a.key != b.key { return a.key < b.key }
        return a.sequence < b.sequence
    }

    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var smallest = left
            if left + 1 < heap.count && less(heap[left + 1], heap[left]) { smallest = left + 1 }
            guard less(heap[smallest], heap[parent]) else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}

/// The sorter's in-memory records, already sorted.
final class MemorySource: SortedSource {
    private let entries: [ExternalSorter.Entry]
    private var index = -1

    /// The entries point into the sorter's arena, which must outlive this source.
    init(entries: [ExternalSorter.Entry]) {
        self.entries = entries
    }

    var key: SortKey { entries[index].key }
    var sequence: UInt64 { entries[index].sequence }
    var payload: UnsafeRawBufferPointer {
        let entry = entries[index]
        return UnsafeRawBufferPointer(start: entry.bytes, count: entry.length)
    }

    func advance() throws(TraceImportError) -> Bool {
        index += 1
        return index < entries.count
    }
}
