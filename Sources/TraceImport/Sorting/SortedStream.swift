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
///
/// The heap holds each source's current key and sequence by value, so
/// comparisons never touch the sources themselves.
final class SortedStream {
    private struct Head {
        var key: SortKey
        var sequence: UInt64
        var source: Int

        @inline(__always)
        static func < (left: Head, right: Head) -> Bool {
            if left.key != right.key { return left.key < right.key }
            return left.sequence < right.sequence
        }
    }

    private let sources: [any SortedSource]
    private var heap: [Head] = []
    private var started = false
    private var current: (any SortedSource)?

    init(sources: [any SortedSource]) {
        self.sources = sources
    }

    /// The current record's key.
    private(set) var key = SortKey(primary: 0, secondary: 0, tertiary: 0)
    /// The current record's insertion sequence.
    private(set) var sequence: UInt64 = 0
    /// The current record's payload, valid until the next call to `next()`.
    var payload: UnsafeRawBufferPointer { current?.payload ?? UnsafeRawBufferPointer(start: nil, count: 0) }

    /// Moves to the next record in order; false when all sources are exhausted.
    func next() throws(TraceImportError) -> Bool {
        if !started {
            started = true
            for (index, source) in sources.enumerated() where try source.advance() {
                heap.append(Head(key: source.key, sequence: source.sequence, source: index))
                siftUp(heap.count - 1)
            }
        } else if let current {
            // The previous record's source moves on; re-establish the heap.
            if try current.advance() {
                heap[0].key = current.key
                heap[0].sequence = current.sequence
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
            current = nil
            return false
        }
        current = sources[top.source]
        key = top.key
        sequence = top.sequence
        return true
    }

    private func siftUp(_ start: Int) {
        var child = start
        while child > 0 {
            let parent = (child - 1) / 2
            guard heap[child] < heap[parent] else { return }
            heap.swapAt(child, parent)
            child = parent
        }
    }

    private func siftDown(_ start: Int) {
        var parent = start
        let count = heap.count
        while true {
            let left = 2 * parent + 1
            guard left < count else { return }
            var smallest = left
            if left + 1 < count && heap[left + 1] < heap[left] { smallest = left + 1 }
            guard heap[smallest] < heap[parent] else { return }
            heap.swapAt(parent, smallest)
            parent = smallest
        }
    }
}
