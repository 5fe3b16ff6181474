import StreamingIO

/// Sorts any number of `FingerprintRecord`s with bounded memory: records fill
/// an in-memory run; a full run is sorted and spilled to an unnamed temporary
/// file; the end is a k-way merge of the runs (or just the one run in memory).
///
/// Memory stays at `runCapacity` records (24 bytes each) plus one small read
/// buffer per spilled run, whatever the number of records.
final class FingerprintSorter {
    private let runCapacity: Int
    private var run: [FingerprintRecord] = []
    private var spills: [(file: TemporaryFile, count: Int)] = []
    /// Records appended so far.
    private(set) var count = 0

    init(runCapacity: Int = 1 << 20) {
        self.runCapacity = max(runCapacity, 2)
        run.reserveCapacity(min(self.runCapacity, 1 << 16))
    }

    func append(_ record: FingerprintRecord) throws(StreamingIOError) {
        run.append(record)
        count += 1
        if run.count >= runCapacity { try spill() }
    }

    private func spill() throws(StreamingIOError) {
        run.sort()
        let file = try TemporaryFile()
        let failure: StreamingIOError? = run.withUnsafeBytes { bytes in
            do throws(StreamingIOError) {
                try file.write(bytes)
                return nil
            } catch {
                return error
            }
        }
        if let failure { throw failure }
        spills.append((file, run.count))
        run.removeAll(keepingCapacity: true)
    }

    /// The records in sorted order, as a pull iterator (a k-way merge of the runs).
    func sorted() throws -> SortedFingerprints {
        run.sort()
        var cursors = try spills.map { try RunCursor(file: $0.file, count: $0.count) }
        if !run.isEmpty { cursors.append(RunCursor(memory: run)) }
        return SortedFingerprints(cursors: cursors)
    }
}

/// The merged, sorted stream of a `FingerprintSorter`.
struct SortedFingerprints {
    private var cursors: [RunCursor]
    /// A binary min-heap of cursor indices ordered by their current record.
    private var heap: [Int]

    fileprivate init(cursors: [RunCursor]) {
        self.cursors = cursors
        heap = cursors.indices.filter { cursors[$0].current != nil }
        for index in stride(from: heap.count / 2 - 1, through: 0, by: -1) { siftDown(index) }
    }

    /// The next record in order, or nil at the end.
    mutating func next() throws -> FingerprintRecord? {
        guard let top = heap.first, let record = cursors[top].current else { return nil }
        try cursors[top].advance()
        if cursors[top].current == nil {
            heap[0] = heap[heap.count - 1]
            heap.removeLast()
        }
        if !heap.isEmpty { siftDown(0) }
        return record
    }

    private func less(_ a: Int, _ b: Int) -> Bool {
        guard let left = cursors[a].current, let right = cursors[b].current else { return false }
        return left < right
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        while true {
            let left = 2 * parent + 1
            guard left < heap.count else { return }
            var child = left
            if left + 1 < heap.count && less(heap[left + 1], heap[left]) { child = left + 1 }
            guard less(heap[child], heap[parent]) else { return }
            heap.swapAt(child, parent)
            parent = child
        }
    }
}

/// Reads one sorted run back, a block of records at a time.
fileprivate struct RunCursor {
    private var file: TemporaryFile?
    private var remaining: Int
    private var block: [FingerprintRecord] = []
    private var position = 0
    private(set) var current: FingerprintRecord?

    static let blockRecords = 4096

    init(file: TemporaryFile, count: Int) throws {
        self.file = file
        remaining = count
        try file.seek(to: 0)
        try advance()
    }

    init(memory: [FingerprintRecord]) {
        file = nil
        remaining = 0
        block = memory
        current = memory.first
        position = 1
    }

    mutating func advance() throws {
        if position < block.count {
            current = block[position]
            position += 1
            return
        }
        guard let file, remaining > 0 else {
            current = nil
            return
        }
        let wanted = min(remaining, Self.blockRecords)
        block = [FingerprintRecord](repeating: FingerprintRecord(key: 0, job: 0, ordinal: 0, extra: 0), count: wanted)
        let byteCount = wanted * MemoryLayout<FingerprintRecord>.stride
        var filled = 0
        try block.withUnsafeMutableBytes { bytes in
            while filled < byteCount {
                let count = try file.read(into: UnsafeMutableRawBufferPointer(rebasing: bytes[filled..<byteCount]))
                guard count > 0 else { throw StreamingIOError.readFailed(path: "<spill file>", reason: "short read") }
                filled += count
            }
        }
        remaining -= wanted
        current = block[0]
        position = 1
    }
}
