import EdgeSimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Nothing lost (issue 9): a process killed with SIGKILL while it writes its
/// outputs leaves no partial file and the previous outputs untouched.
///
/// The input comes through a named pipe the test keeps open, so the process
/// is stopped at a known point without any timing: it has opened its outputs,
/// has already written part of them (the test sees bytes in its unnamed
/// temporary file), and cannot finish, as its input has not ended.
@Suite("SIGKILL mid-write leaves nothing behind")
struct SigkillTests {
    /// `count` workload rows, one task per 10 ms on the sample topology's devices.
    static func rows(_ range: Range<Int>) -> String {
        var text = ""
        for index in range {
            let origin = ["rpi3_0", "rpi3_1", "rpi3_2"][index % 3]
            text += "t\(index),j\(index),\(Double(index) / 100),\(origin),1000000,2000,200,0,,\n"
        }
        return text
    }

    @Test("replay killed while writing tasks.csv: previous results byte-identical, no stray file")
    func replay() throws {
        let folder = TemporaryDirectory()
        let results = folder.file("results")
        // The previous results, from a complete replay of the same scenario.
        Shell.write(HostileFixtures.workloadPreamble + Self.rows(0..<20_000), to: folder.file("full.workload.csv"))
        for (name, workload) in [("full", "full.workload.csv"), ("piped", "piped.workload.csv")] {
            Shell.write("""
                {"format": "edgesim-scenario", "version": 1, "name": "kill",
                 "topology": {"path": "\(HostileFixtures.sampleTopology)"}, "workload": {"path": "\(workload)"}}
                """, to: folder.file("\(name).scenario.json"))
        }
        let complete = BoundedProcess.edgesim(["replay", folder.file("full.scenario.json"), "--policy", "random", "-o", results])
        CleanFailure.expectSuccess(complete)
        let previous = Shell.listing(results)
        #expect(previous == ["nodes.csv", "summary.json", "tasks.csv"])
        let previousBytes = previous.map { Shell.contents(results + "/" + $0) }

        let pipe = FIFOFeeder(path: folder.file("piped.workload.csv"))
        let pid = try #require(BoundedProcess.spawn(
            [Shell.edgesimExecutable, "replay", folder.file("piped.scenario.json"), "--policy", "random", "-o", results],
            standardInput: "/dev/null", output: folder.file("stdout"), error: folder.file("stderr")))
        defer { if !ProcessProbe.hasExited(pid) { kill(pid, SIGKILL) } }
        try #require(pipe.waitForReader(pid), "replay did not open its workload")
        #expect(pipe.write(HostileFixtures.workloadPreamble + Self.rows(0..<20_000)))
        // Wait until part of the new tasks.csv is on disk (the writer flushes every 256 KiB).
        let deadline = BoundedProcess.now() + BoundedProcess.defaultTimeoutSeconds
        var written: [Int] = []
        while BoundedProcess.now() < deadline && !ProcessProbe.hasExited(pid) {
            written = ProcessProbe.unnamedFileSizes(of: pid, in: results)
            if written.contains(where: { $0 > 0 }) { break }
            usleep(5_000)
        }
        try #require(written.contains(where: { $0 > 0 }), "no partial output appeared: \(written)")

        kill(pid, SIGKILL)
        let (status, _, _) = BoundedProcess.wait(for: pid, timeoutSeconds: 30)
        #expect(status & 0x7F == SIGKILL)
        #expect(Shell.listing(results) == previous, "a partial or temporary file was left behind")
        #expect(previous.map { Shell.contents(results + "/" + $0) } == previousBytes, "a previous result changed")
    }

    @Test("replay killed before anything is flushed: no results folder content at all")
    func replayFreshFolder() throws {
        let folder = TemporaryDirectory()
        let results = folder.file("fresh")
        Shell.write("""
            {"format": "edgesim-scenario", "version": 1, "name": "kill",
             "topology": {"path": "\(HostileFixtures.sampleTopology)"}, "workload": {"path": "piped.workload.csv"}}
            """, to: folder.file("piped.scenario.json"))
        let pipe = FIFOFeeder(path: folder.file("piped.workload.csv"))
        let pid = try #require(BoundedProcess.spawn(
            [Shell.edgesimExecutable, "replay", folder.file("piped.scenario.json"), "--policy", "local", "-o", results],
            standardInput: "/dev/null", output: folder.file("stdout"), error: folder.file("stderr")))
        defer { if !ProcessProbe.hasExited(pid) { kill(pid, SIGKILL) } }
        try #require(pipe.waitForReader(pid), "replay did not open its workload")
        #expect(pipe.write(HostileFixtures.workloadPreamble + Self.rows(0..<100)))
        kill(pid, SIGKILL)
        _ = BoundedProcess.wait(for: pid, timeoutSeconds: 30)
        #expect(Shell.listing(results).isEmpty)
    }
}
