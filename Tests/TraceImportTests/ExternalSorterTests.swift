import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

@Suite("ExternalSorter")
struct ExternalSorterTests {
    /// Sorts `count` records with random keys and payloads of varied length
    /// (the payload repeats the key so order and content can both be checked).
    private func sortRandom(count: Int, budget: Int, seed: UInt64, folder: String, fanIn: Int = 128) throws -> (
        [(SortKey, [UInt8])], ExternalSorter
    ) {
        let sorter = ExternalSorter(
            memoryBudgetBytes: budget, temporaryDirectory: folder, label: "test", maximumFanIn: fanIn)
        var generator = SeededGenerator(seed: seed)
        for index in 0..<count {
            let key = SortKey(
                arrivalSeconds: Double(generator.next() % 1000) - 500, group: generator.next() % 4, rank: 0)
            let length = Int(generator.next() % 300)
            var payload = [UInt8](repeating: UInt8(index % 251), count: length)
            withUnsafeBytes(of: key.primary) { payload.append(contentsOf: $0) }
            withUnsafeBytes(of: UInt64(index)) { payload.append(contentsOf: $0) }
            try payload.withUnsafeBytes { try sorter.append(key, $0) }
        }
        let stream = try sorter.finish()
        var result: [(SortKey, [UInt8])] = []
        while try stream.next() { result.append((stream.key, Array(stream.payload))) }
        return (result, sorter)
    }

    private func insertionIndex(_ payload: [UInt8]) -> UInt64 {
        payload.suffix(8).withUnsafeBytes { $0.loadUnaligned(as: UInt64.self) }
    }

    @Test("in memory: sorted by key, ties in insertion order")
    func inMemory() throws {
        let folder = TemporaryDirectory()
        let (records, sorter) = try sortRandom(count: 5000, budget: 64 << 20, seed: 1, folder: folder.path)
        #expect(sorter.spilledRuns == 0)
        #expect(records.count == 5000)
        for (previous, next) in zip(records, records.dropFirst()) {
            #expect(previous.0 < next.0 || (previous.0 == next.0 && insertionIndex(previous.1) < insertionIndex(next.1)))
        }
    }

    @Test("spilling: runs on disk merge to the same order, payloads intact, files removed")
    func spilled() throws {
        let folder = TemporaryDirectory()
        let (memory, _) = try sortRandom(count: 20_000, budget: 64 << 20, seed: 2, folder: folder.path)
        var spilledResult: [(SortKey, [UInt8])] = []
        do {
            let (records, sorter) = try sortRandom(
                count: 20_000, budget: 64 * 1024, seed: 2, folder: folder.path, fanIn: 8)
            #expect(sorter.spilledRuns > 2 * sorter.maximumFanIn)  // several merge passes
            spilledResult = records
        }
        #expect(spilledResult.map(\.0) == memory.map(\.0))
        #expect(spilledResult.map(\.1) == memory.map(\.1))
        #expect(Shell.listing(folder.path).isEmpty, "run files and their folder are removed")
    }

    @Test("negative, zero and positive arrivals order like doubles")
    func keyOrder() {
        let values: [Double] = [-1e9, -2.5, -0.0, 0, 1e-9, 3, 1e12]
        let keys = values.map { SortKey(arrivalSeconds: $0, group: 0, rank: 0) }
        #expect(keys == keys.sorted())
        #expect(keys.map(\.arrivalSeconds) == values.map { $0 == 0 ? 0 : $0 })
    }

    @Test("a record larger than a run reader's buffer is read back whole")
    func largeRecord() throws {
        let folder = TemporaryDirectory()
        let sorter = ExternalSorter(memoryBudgetBytes: 64 * 1024, temporaryDirectory: folder.path, label: "big")
        let big = [UInt8](repeating: 7, count: 3 << 20)
        for index in 0..<3 {
            try big.withUnsafeBytes {
                try sorter.append(SortKey(primary: UInt64(3 - index), secondary: 0, tertiary: 0), $0)
            }
        }
        let stream = try sorter.finish()
        var sizes: [Int] = []
        while try stream.next() { sizes.append(stream.payload.count) }
        #expect(sizes == [3 << 20, 3 << 20, 3 << 20])
        #expect(sorter.spilledRuns >= 2)
    }
}
