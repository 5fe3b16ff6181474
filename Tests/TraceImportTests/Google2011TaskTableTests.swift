import Testing

@testable import TraceImport

@Suite("Google 2011 task table")
struct Google2011TaskTableTests {
    private func state(job: Int64, index: Int) -> Google2011TaskTable.State {
        .init(job: job, index: Int64(index), arrivalMicros: Int64(index), submitSequence: 0, scheduleMicros: -1,
              cpuRequest: 0, memoryRequest: 0, originKey: 0, lastEnd: 0, hasRequest: false)
    }

    private func openIndices(_ table: Google2011TaskTable) -> [Int64] {
        var indices: [Int64] = []
        try? table.forEachOpen { indices.append($0.index) }
        return indices
    }

    @Test("a task index far beyond the job's task count stays sparse: one hostile row costs no 250 MB array")
    func hostileIndexIsSparse() {
        let table = Google2011TaskTable()
        let job = table.job(7)
        let far = Int(Google2011TaskTable.maximumTaskIndex) - 1
        table.insert(job: job, index: far, state(job: 7, index: far))
        #expect(table.denseCapacity(ofJob: job) == 0)
        #expect(table.find(job: job, index: far) != nil)
        #expect(!table.isFinished(job: job, index: far))
        table.complete(job: job, index: far)
        #expect(table.find(job: job, index: far) == nil)
        #expect(table.isFinished(job: job, index: far))
        #expect(table.openCount == 0)
    }

    @Test("open tasks come out by index, dense ones first, then sparse ones in order")
    func orderAcrossDenseAndSparse() {
        let table = Google2011TaskTable()
        let job = table.job(1)
        for index in [50_000_000, 3, 9_000_000, 0, 20_000_000] {
            table.insert(job: job, index: index, state(job: 1, index: index))
        }
        table.complete(job: job, index: 9_000_000)
        #expect(openIndices(table) == [0, 3, 20_000_000, 50_000_000])
    }

    @Test("growing the dense arrays moves the sparse tasks they now cover, open and completed")
    func growthMovesSparseTasks() {
        let table = Google2011TaskTable()
        let job = table.job(2)
        let open = Google2011TaskTable.minimumDenseCapacity + 100
        let completed = Google2011TaskTable.minimumDenseCapacity + 200
        for index in [open, completed] { table.insert(job: job, index: index, state(job: 2, index: index)) }
        table.complete(job: job, index: completed)
        #expect(table.denseCapacity(ofJob: job) == 0)
        // Enough tasks that the job's dense arrays may cover both indices.
        let tasks = Google2011TaskTable.minimumDenseCapacity / Google2011TaskTable.denseSpread + 100
        for index in 0..<tasks { table.insert(job: job, index: index, state(job: 2, index: index)) }
        let trigger = Google2011TaskTable.minimumDenseCapacity + 300
        table.insert(job: job, index: trigger, state(job: 2, index: trigger))
        #expect(table.denseCapacity(ofJob: job) > completed)
        #expect(table.find(job: job, index: open) != nil)
        #expect(table.isFinished(job: job, index: completed))
        #expect(table.find(job: job, index: completed) == nil)
        let indices = openIndices(table)
        #expect(indices.count == tasks + 2)
        #expect(indices == indices.sorted())
        #expect(indices.suffix(2) == [Int64(open), Int64(trigger)])
    }

    @Test("jobs keep separate sparse tasks")
    func jobsAreSeparate() {
        let table = Google2011TaskTable()
        let first = table.job(10), second = table.job(11)
        table.insert(job: first, index: 40_000_000, state(job: 10, index: 40_000_000))
        #expect(table.find(job: second, index: 40_000_000) == nil)
        #expect(!table.isFinished(job: second, index: 40_000_000))
        table.complete(job: first, index: 40_000_000)
        #expect(!table.isFinished(job: second, index: 40_000_000))
    }
}
