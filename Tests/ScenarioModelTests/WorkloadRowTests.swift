import EdgeSimTestSupport
import ScenarioModel
import Testing

@Suite("Workload rows (byte-level reading)")
struct WorkloadRowTests {
    @Test("rows carry the same values as tasks, and their bytes spell the same ids")
    func rowsMatchTasks() throws {
        let path = Fixtures.path("traces/sample.workload.csv.gz")
        let tasks = try WorkloadReader(path: path)
        let rows = try WorkloadReader(path: path)
        var count = 0
        while let task = try tasks.next() {
            let row = try #require(try rows.nextRow())
            #expect(row.task == task)
            #expect(row.withTaskIdBytes { String(decoding: $0, as: UTF8.self) } == task.taskId)
            #expect(row.withJobIdBytes { String(decoding: $0, as: UTF8.self) } == task.jobId)
            #expect(row.withOriginBytes { String(decoding: $0, as: UTF8.self) } == (task.origin ?? ""))
            var dependencies: [String] = []
            row.forEachDependency { dependencies.append(String(decoding: $0, as: UTF8.self)) }
            #expect(dependencies == task.dependencies)
            count += 1
        }
        #expect(try rows.nextRow() == nil)
        #expect(count == 176)
        #expect(rows.tasksRead == 176)
    }

    @Test("rows are checked like tasks", arguments: [
        "workload-negative-instructions.workload.csv", "workload-non-finite-arrival.workload.csv",
        "workload-unsorted-arrivals.workload.csv", "workload-wrong-field-count.workload.csv",
    ])
    func rowsAreChecked(fixture: String) throws {
        let path = Fixtures.fixture("invalid/" + fixture)
        func firstError(_ read: (WorkloadReader) throws -> Void) -> String? {
            do {
                let reader = try WorkloadReader(path: path)
                try read(reader)
                return nil
            } catch {
                return "\(error)"
            }
        }
        let viaTasks = firstError { reader in while try reader.next() != nil {} }
        let viaRows = firstError { reader in while try reader.nextRow() != nil {} }
        #expect(viaTasks != nil)
        #expect(viaRows == viaTasks)
    }
}
