import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing

@testable import TraceImport

@Suite("Trace inputs")
struct TraceInputTests {
    let directory = TemporaryDirectory()
    let events = traceFixture("google2011-task_events.csv")

    @Test("a multi-member gzip input is read to its end", arguments: [true, false])
    func multiMember(readAhead: Bool) throws {
        let bytes = try #require(Shell.contents(events))
        let middle = bytes.count / 2
        let path = directory.file("multi.csv.gz")
        Shell.write(Shell.gzip(Array(bytes[..<middle])) + Shell.gzip(Array(bytes[middle...])), to: path)
        let outcome = try importTrace(.google2011, [path], options: options { $0.readAhead = readAhead })
        let plain = try importTrace(.google2011, [events])
        #expect(outcome.integer("rows") == 18)
        #expect(outcome.tasks == plain.tasks)
    }

    @Test("a truncated gzip input fails with its byte offset and leaves no output", arguments: [true, false])
    func truncated(readAhead: Bool) throws {
        var text = ""
        for row in 0..<50_000 { text += "\(row * 1000),,\(row % 97),\(row),,0,user,0,0,0.5,0.5,0,0\n" }
        let compressed = Shell.gzip(Array(text.utf8))
        let path = directory.file("cut.csv.gz")
        Shell.write(Array(compressed.prefix(compressed.count / 2)), to: path)
        let output = directory.file("never.workload.csv.gz")
        #expect {
            _ = try importTrace(.google2011, [path], options: options { $0.readAhead = readAhead }, output: output)
        } throws: { error in
            "\(error)" == "\(path): byte \(compressed.count / 2): truncated gzip data: the file ends inside a compressed member"
        }
        #expect(!Shell.exists(output))
        #expect(Shell.listing(directory.path).filter { $0.contains("never") }.isEmpty)
    }

    @Test("a missing input is an error naming it")
    func missing() {
        #expect {
            _ = try importTrace(.swf, [directory.file("nothing.swf")])
        } throws: { "\($0)".hasSuffix("nothing.swf: cannot open: No such file or directory") }
    }

    @Test("the total stored size is known for regular files only")
    func totalSize() {
        #expect(TraceImporter.totalStoredSize([events, events]) == 2 * Int64(Shell.contents(events)?.count ?? 0))
        #expect(TraceImporter.totalStoredSize([events, "-"]) == nil)
    }

    @Test("progress is reported while reading and at the end")
    func progress() throws {
        var text = ""
        for row in 0..<70_000 { text += "a\(row % 5),f,\(row),0.5\n" }
        let path = directory.file("progress.csv")
        Shell.write(text, to: path)
        let importer = TraceImporter(format: .azure2021, inputs: [path], output: directory.file("p.workload.csv"))
        final class Box: @unchecked Sendable { var seen: [TraceImportProgress] = [] }
        let box = Box()
        importer.progress = { box.seen.append($0) }
        _ = try importer.run()
        #expect(box.seen.contains { $0.phase == .reading && $0.rows >= 65_536 })
        #expect(box.seen.last?.phase == .writing)
        #expect(box.seen.last?.tasksWritten == 70_000)
        #expect(box.seen.contains { $0.phase == .writing && $0.recordsMerged == 65_536 && $0.recordsTotal == 70_000 })
        #expect(box.seen.last?.recordsMerged == 70_000)
        #expect(box.seen.last?.storedBytesRead == Int64(text.utf8.count))
        #expect(box.seen.allSatisfy { $0.storedBytesTotal == Int64(text.utf8.count) })
    }
}
