import EdgeSimTestSupport
import ScenarioModel
import Testing

@Suite("Workload reader and writer")
struct WorkloadTests {
    let directory = TemporaryDirectory()

    @Test("tasks survive a write and read, with quoting where ids need it")
    func roundTrip() throws {
        let tasks = [
            WorkloadTask(taskId: "a,1", jobId: "j \"x\"", arrivalSeconds: 0, instructions: 5, inputBytes: 1,
                         outputBytes: 2, memoryBytes: 3, relativeDeadlineSeconds: 0.25),
            WorkloadTask(taskId: "b", jobId: "j \"x\"", arrivalSeconds: 5611.824441, origin: "rpi3_0",
                         instructions: 9_000_000_000_000, dependencies: ["a,1"]),
        ]
        for name in ["w.workload.csv.gz", "w.workload.csv"] {
            let writer = try WorkloadWriter(path: directory.file(name))
            for task in tasks { try writer.append(task) }
            try writer.commit()
            let reader = try WorkloadReader(path: directory.file(name))
            var read: [WorkloadTask] = []
            while let task = try reader.next() { read.append(task) }
            #expect(read == tasks)
        }
    }

    @Test("the writer refuses tasks out of arrival order, and nothing is written without commit")
    func writerChecks() throws {
        let writer = try WorkloadWriter(path: directory.file("order.workload.csv.gz"))
        try writer.append(WorkloadTask(taskId: "a", jobId: "j", arrivalSeconds: 2, instructions: 1))
        #expect {
            try writer.append(WorkloadTask(taskId: "b", jobId: "j", arrivalSeconds: 1, instructions: 1))
        } throws: { "\($0)".contains("arrivals must be sorted") }
        writer.discard()
        #expect(!Shell.exists(directory.file("order.workload.csv.gz")))
    }

    @Test("a workload streams with flat memory: the reader holds one task at a time")
    func streaming() throws {
        let path = directory.file("big.workload.csv.gz")
        let writer = try WorkloadWriter(path: path)
        for index in 0..<100_000 {
            let job = index / 4
            let dependencies = index % 4 == 3 ? ["t\(index - 1)"] : []
            try writer.append(WorkloadTask(
                taskId: "t\(index)", jobId: "j\(job)", arrivalSeconds: Double(index) * 0.01,
                instructions: Int64(index) * 1000, dependencies: dependencies))
        }
        try writer.commit()
        let (summary, issues) = try WorkloadValidator().validate(path: path)
        #expect(issues.isEmpty)
        #expect(summary.tasks == 100_000)
        #expect(summary.jobs == 25_000)
        #expect(summary.dependencies == 25_000)
        #expect(summary.lastArrivalSeconds == 999.99)
    }

    @Test("ids must be UTF-8 text: names differing only in invalid bytes are not read as one id")
    func idsAreText() throws {
        let path = directory.file("bytes.workload.csv")
        var bytes = Array(("# edgesim-workload version 1\n" + WorkloadFormat.columns.joined(separator: ",") + "\n").utf8)
        bytes += Array("t".utf8) + [0xFF] + Array(",j,0,,1,0,0,0,,\n".utf8)
        bytes += Array("t".utf8) + [0xFB] + Array(",j,0,,1,0,0,0,,\n".utf8)
        bytes += Array("t2,j".utf8) + [0xC3] + Array(",0,,1,0,0,0,,\n".utf8)
        bytes += Array("t3,j,0,,1,0,0,0,,t".utf8) + [0xE2, 0x82] + Array("\n".utf8)
        bytes += Array("t\u{e9},j,0,,1,0,0,0,,\n".utf8)
        Shell.write(bytes, to: path)
        let (summary, issues) = try WorkloadValidator().validate(path: path)
        #expect(summary.tasks == 5)
        #expect(issues.map { $0.location.line } == [3, 4, 5, 6])
        #expect(issues.map(\.message) == [
            "taskId: is not UTF-8 text", "taskId: is not UTF-8 text", "jobId: is not UTF-8 text",
            "dependencies: is not UTF-8 text",
        ])
    }

    @Test("a validator goes on after a bad row and reports every one")
    func collectsIssues() throws {
        let path = directory.file("many.workload.csv")
        var text = "# edgesim-workload version 1\n" + WorkloadFormat.columns.joined(separator: ",") + "\n"
        for index in 0..<10 {
            text += index % 3 == 0 ? "t\(index),j,\(index),,-1,0,0,0,,\n" : "t\(index),j,\(index),,1,0,0,0,,\n"
        }
        Shell.write(text, to: path)
        let (summary, issues) = try WorkloadValidator().validate(path: path)
        #expect(summary.tasks == 10)
        #expect(issues.map { $0.location.line } == [3, 6, 9, 12])
    }
}
