import EdgeSimTestSupport
import Testing

@testable import ScenarioModel

/// The validator's identity checks spill sorted runs to disk past a budget;
/// these tests force many tiny runs so the merge path is what is checked.
@Suite("Workload validation with spilled fingerprints")
struct FingerprintSpillTests {
    let directory = TemporaryDirectory()

    private func workload(_ rows: [String]) -> String {
        let path = directory.file("w\(rows.count).workload.csv")
        Shell.write(
            "# edgesim-workload version 1\n" + WorkloadFormat.columns.joined(separator: ",") + "\n"
                + rows.joined(separator: "\n") + "\n", to: path)
        return path
    }

    @Test("the sorter returns every record in order across many runs")
    func sorterMerges() throws {
        let sorter = FingerprintSorter(runCapacity: 7)
        var generator = SeededGenerator(seed: 5)
        var expected: [FingerprintRecord] = []
        for ordinal in 0..<1000 {
            let record = FingerprintRecord(key: generator.next() % 97, job: 1, ordinal: UInt64(ordinal), extra: 0)
            expected.append(record)
            try sorter.append(record)
        }
        var sorted = try sorter.sorted()
        var merged: [FingerprintRecord] = []
        while let record = try sorted.next() { merged.append(record) }
        #expect(merged == expected.sorted())
    }

    @Test("the same issues are found with one run in memory and with many spilled runs", arguments: [3, 1 << 18])
    func sameIssues(runCapacity: Int) throws {
        var rows: [String] = []
        for index in 0..<200 {
            let dependency = index % 10 == 9 ? "t\(index - 1)" : ""
            rows.append("t\(index),j\(index / 10),\(index),,1,0,0,0,,\(dependency)")
        }
        rows.append("t5,j90,300,,1,0,0,0,,")           // duplicate of line 8
        rows.append("u1,j91,301,,1,0,0,0,,ghost")       // unknown dependency
        rows.append("u2,j92,302,,1,0,0,0,,t0")          // another job
        let path = workload(rows)
        let validator = WorkloadValidator(originNodes: nil, maximumIssues: 100, runCapacity: runCapacity)
        let (summary, issues) = try validator.validate(path: path)
        #expect(summary.tasks == 203)
        #expect(summary.jobs == 23)
        #expect(issues.map(\.description) == [
            "\(path):203: duplicate task id 't5' (first at line 8)",
            "\(path):204: dependency on unknown task 'ghost'",
            "\(path):205: dependency 't0' belongs to another job than 'j92'",
        ])
    }
}
