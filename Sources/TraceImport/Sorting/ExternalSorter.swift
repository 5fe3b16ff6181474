import StreamingIO

/// Sorts variable-length records by `SortKey` within a memory budget.
///
/// Records accumulate in one byte arena plus a small index; when the budget
/// would be exceeded, the index is sorted and the records are written as a
/// sorted run to a temporary file. `finish()` merges the runs and what is
/// still in memory (k-way, with a heap), so memory stays near the budget for
/// any input size. Ties are broken by insertion order, so the result is
/// deterministic and stable.
///
/// - Complexity: O(n log n) comparisons; each record is written to disk at
///   most once per merge level (one level unless there are more than
///   `maximumFanIn` runs).
final class ExternalSorter {
    struct Entry {
        var key: SortKey
        var sequence: UInt64
        var offset: Int
        var length: Int
    }

    /// The most runs merged at once; more runs are merged in several passes.
    static let maximumFanIn = 32

    let memoryBudgetBytes: Int
    private let temporaryParent: String?
    private let label: String
    private var folder: TemporaryFolder?
    private var arena: UnsafeMutableRawPointer?
    private var arenaCapacity = 0
    private var arenaUsed = 0
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
    init(memoryBudgetBytes: Int, temporaryDirectory: String?, label: String) {
        self.memoryBudgetBytes = max(memoryBudgetBytes, 64 * 1024)
        temporaryParent = temporaryDirectory
        self.label = label
    }

    deinit {
        arena?.deallocate()
    }

    /// Bytes held in memory now.
    var memoryInUse: Int {
        arenaUsed + entries.count * MemoryLayout<Entry>.stride
    }

    /// Adds one record.
    ///
    /// - Throws: `TraceImportError.io` when a run cannot be written.
    func append(_ key: SortKey, _ payload: UnsafeRawBufferPointer) throws(TraceImportError) {
        precondition(!finished, "append after finish")
        let needed = payload.count + MemoryLayout<Entry>.stride
        if memoryInUse + needed > memoryBudgetBytes && !entries.isEmpty {
            try spill()
        }
        if arenaUsed + payload.count > arenaCapacity { growArena(toHold: arenaUsed + payload.count) }
        if payload.count > 0 {
            (arena! + arenaUsed).copyMemory(from: payload.baseAddress!, byteCount: payload.count)
        }
        entries.append(Entry(key: key, sequence: sequence, offset: arenaUsed, length: payload.count))
        arenaUsed += payload.count
        sequence += 1
        recordCount += 1
    }

    private func growArena(toHold bytes: Int) {
        var capacity = max(arenaCapacity * 2, 1 << 20)
        while capacity < bytes { capacity *= 2 }
        capacity = max(min(capacity, memoryBudgetBytes), bytes)
        let larger = UnsafeMutableRawPointer.allocate(byteCount: capacity, alignment: 16)
        if let arena {
            larger.copyMemory(from: arena, byteCount: arenaUsed)
            arena.deallocate()
        }
        arena = larger
        arenaCapacity = capacity
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
                payload: UnsafeRawBufferPointer(start: arena! + entry.offset, count: entry.length))
        }
        try writer.commit()
        spilledBytes += writer.payloadBytes
        runs.append(path)
        spilledRuns += 1
        entries.removeAll(keepingCapacity: true)
        arenaUsed = 0
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
            return SortedStream(sources: [MemorySource(entries: entries, arena: arena)])
        }
        if !entries.isEmpty && runs.count + 1 > Self.maximumFanIn { try spill() }
        while runs.count > Self.maximumFanIn { try mergePass() }
        var sources: [any SortedSource] = []
        let bufferBytes = readerBufferBytes(readers: runs.count)
        for run in runs { sources.append(try RunReader(path: run, bufferBytes: bufferBytes)) }
        if !entries.isEmpty {
            sortEntries()
            sources.append(MemorySource(entries: entries, arena: arena))
        }
        return SortedStream(sources: sources)
    }

    /// Merges the first `maximumFanIn` runs into one.
    private func mergePass() throws(TraceImportError) {
        let batch = Array(runs.prefix(Self.maximumFanIn))
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
        min(max(memoryBudgetBytes / max(readers + 1, 2), 64 * 1024), 1 << 20)
    }
}
