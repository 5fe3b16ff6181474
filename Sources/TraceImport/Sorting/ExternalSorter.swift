import StreamingIO

/// Sorts variable-length records by `SortKey` within a memory budget.
///
/// Records accumulate in 1 MiB arena blocks plus a small index (so growing
/// never copies and never over-allocates by more than a block); when the budget
/// would be exceeded, the index is sorted and the records are written as a
/// sorted run to a temporary file. `finish()` merges the runs and what is
/// still in memory (k-way, with a heap), so memory stays near the budget for
/// any input size. Ties are broken by insertion order, so the result is
/// deterministic and stable.
///
/// - Complexity: O(n log n) comparisons; each record is written to disk at
///   most once per merge level (one level unless there are more than
///   `maximumFanIn` runs, 128 by default: 4 GiB of records at the default budget).
final class ExternalSorter {
    struct Entry {
        var key: SortKey
        var sequence: UInt64
        var bytes: UnsafeMutableRawPointer?
        var length: Int
    }

    /// Arena block size: 1 MiB, or a sixteenth of a small budget (at least 4 KiB).
    let blockBytes: Int

    /// The most runs merged at once; more runs are merged in several passes.
    let maximumFanIn: Int

    let memoryBudgetBytes: Int
    private let temporaryParent: String?
    private let label: String
    private var folder: TemporaryFolder?
    /// Arena blocks; records never straddle blocks (large ones get their own).
    private var blocks: [(start: UnsafeMutableRawPointer, capacity: Int)] = []
    private var currentBlock = -1
    private var blockUsed = 0
    private var arenaBytes = 0
    private var entries: [Entry] = []
    private var runs: [String] = []
    private var sequence: UInt64 = 0
    private var finished = false

    /// Records appended so far.
    private(set) var recordCount = 0
    /// Sorted runs written to disk (including intermediate merge passes).
    private(set) var spilledRuns = 0
    /// Payload bytes written to runs.
    private(set) var spilledBytes: Int64 = 0

    /// Creates a sorter.
    ///
    /// - Parameters:
    ///   - memoryBudgetBytes: Bytes of records and index held before spilling (at least 64 KiB).
    ///   - temporaryDirectory: Where the run folder goes (default `$TMPDIR`, else `/tmp`).
    ///   - label: A name for run files and messages.
    ///   - maximumFanIn: The most runs merged in one pass (at least 2).
    init(memoryBudgetBytes: Int, temporaryDirectory: String?, label: String, maximumFanIn: Int = 128) {
        self.maximumFanIn = max(maximumFanIn, 2)
        self.memoryBudgetBytes = max(memoryBudgetBytes, 64 * 1024)
        blockBytes = max(4096, min(1 << 20, self.memoryBudgetBytes / 16))
        temporaryParent = temporaryDirectory
        self.label = label
    }

    deinit {
        for block in blocks { block.start.deallocate() }
    }

    /// Bytes held in memory now (arena blocks in use and the index).
    var memoryInUse: Int {
        arenaBytes + entries.capacity * MemoryLayout<Entry>.stride
    }

    /// Adds one record.
    ///
    /// - Throws: `TraceImportError.io` when a run cannot be written.
    func append(_ key: SortKey, _ payload: UnsafeRawBufferPointer) throws(TraceImportError) {
        precondition(!finished, "append after finish")
        let newBlock = currentBlock < 0 || blockUsed + payload.count > blocks[currentBlock].capacity
        let allocates = newBlock && currentBlock + 1 >= blocks.count
        let needed = (allocates ? max(payload.count, blockBytes) : 0)
            + (entries.count == entries.capacity ? entries.capacity * MemoryLayout<Entry>.stride : 0)
        if memoryInUse + needed > memoryBudgetBytes && !entries.isEmpty {
            try spill()
        }
        let destination = storage(for: payload.count)
        if payload.count > 0 {
            destination.copyMemory(from: payload.baseAddress!, byteCount: payload.count)
        }
        entries.append(Entry(key: key, sequence: sequence, bytes: destination, length: payload.count))
        sequence += 1
        recordCount += 1
    }

    /// Room for `count` bytes in the current block, or in the next (reused or new) one.
    private func storage(for count: Int) -> UnsafeMutableRawPointer {
        if currentBlock >= 0 && blockUsed + count <= blocks[currentBlock].capacity {
            defer { blockUsed += count }
            return blocks[currentBlock].start + blockUsed
        }
        currentBlock += 1
        if currentBlock < blocks.count && blocks[currentBlock].capacity < count {
            blocks[currentBlock].start.deallocate()
            arenaBytes -= blocks[currentBlock].capacity
            blocks.remove(at: currentBlock)
        }
        if currentBlock == blocks.count {
            let capacity = max(count, blockBytes)
            blocks.append((UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16), capacity))
            arenaBytes += capacity
        }
        blockUsed = count
        return blocks[currentBlock].start
    }

    private func sortEntries() {
        entries.withUnsafeMutableBufferPointer { buffer in
            buffer.sort { left, right in
                left.key != right.key ? left.key < right.key : left.sequence < right.sequence
            }
        }
    }

    /// Writes the in-memory records as one sorted run and empties memory.
    private func spill() throws(TraceImportError) {
        sortEntries()
        let folder = try temporaryFolder()
        let path = folder.newFile("\(label)-run-\(spilledRuns).bin")
        let writer = try RunWriter(path: path)
        for entry in entries {
            try writer.write(
                key: entry.key, sequence: entry.sequence,
                payload: UnsafeRawBufferPointer(start: entry.bytes, count: entry.length))
        }
        try writer.commit()
        spilledBytes += writer.payloadBytes
        runs.append(path)
        spilledRuns += 1
        entries.removeAll(keepingCapacity: true)
        // Blocks are kept for the next run.
        currentBlock = -1
        blockUsed = 0
    }

    private func temporaryFolder() throws(TraceImportError) -> TemporaryFolder {
        if let folder { return folder }
        let created = try TemporaryFolder(parent: temporaryParent)
        folder = created
        return created
    }

    /// Ends appending and returns the records in order.
    ///
    /// The sorter must stay alive while the stream is read (it owns the memory
    /// and the run files).
    func finish() throws(TraceImportError) -> SortedStream {
        precondition(!finished, "finish called twice")
        finished = true
        if runs.isEmpty {
            sortEntries()
            return SortedStream(sources: [MemorySource(entries: entries)])
        }
        if !entries.isEmpty && runs.count + 1 > maximumFanIn { try spill() }
        while runs.count > maximumFanIn { try mergePass() }
        var sources: [any SortedSource] = []
        let bufferBytes = readerBufferBytes(readers: runs.count)
        for run in runs { sources.append(try RunReader(path: run, bufferBytes: bufferBytes)) }
        if !entries.isEmpty {
            sortEntries()
            sources.append(MemorySource(entries: entries))
        }
        return SortedStream(sources: sources)
    }

    /// Merges the first `maximumFanIn` runs into one.
    private func mergePass() throws(TraceImportError) {
        let batch = Array(runs.prefix(maximumFanIn))
        runs.removeFirst(batch.count)
        let bufferBytes = readerBufferBytes(readers: batch.count)
        var sources: [any SortedSource] = []
        for run in batch { sources.append(try RunReader(path: run, bufferBytes: bufferBytes)) }
        let stream = SortedStream(sources: sources)
        let folder = try temporaryFolder()
        let path = folder.newFile("\(label)-run-\(spilledRuns).bin")
        let writer = try RunWriter(path: path)
        while try stream.next() {
            try writer.write(key: stream.key, sequence: stream.sequence, payload: stream.payload)
        }
        try writer.commit()
        spilledBytes += writer.payloadBytes
        spilledRuns += 1
        for run in batch { folder.remove(run) }
        // Older runs hold earlier records of equal keys only by sequence, which
        // the merge compares, so the position of the new run does not matter.
        runs.append(path)
    }

    private func readerBufferBytes(readers: Int) -> Int {
        min(max(memoryBudgetBytes / max(readers + 1, 2), 32 * 1024), 1 << 20)
    }
}
