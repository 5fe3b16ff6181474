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
