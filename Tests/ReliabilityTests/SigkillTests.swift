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

extension SigkillTests {
    /// Google 2011 `task_events` rows: a submit, a schedule and a finish per task, `count` tasks.
    static func googleRows(_ count: Int) -> String {
        var submits = ""
        var schedules = ""
        var finishes = ""
        for task in 0..<count {
            submits += "\(task * 1000),,\(task / 10),\(task % 10),,0,user,0,9,0.5,0.25,0.1,0\n"
            schedules += "\(task * 1000 + 1000),,\(task / 10),\(task % 10),7,1,user,0,9,0.5,0.25,0.1,0\n"
            finishes += "\(task * 1000 + 5_000_000_000),,\(task / 10),\(task % 10),7,4,user,0,9,0.5,0.25,0.1,0\n"
        }
        return submits + schedules + finishes
    }

    @Test("import trace killed after spilling sort runs: previous workload untouched, the runs swept by the next import")
    func importTrace() throws {
        let folder = TemporaryDirectory()
        let output = folder.file("out.workload.csv.gz")
        let temporary = folder.file("tmp")
        mkdir(temporary, 0o755)
        Shell.write(Self.googleRows(50), to: folder.file("small.csv"))
        let first = BoundedProcess.edgesim(["import", "trace", "--format", "google2011", folder.file("small.csv"), "-o", output])
        CleanFailure.expectSuccess(first)
        let previous = try #require(Shell.contents(output))

        let pipe = FIFOFeeder(path: folder.file("events.fifo"))
        try #require(pipe.openBeforeReader())
        let pid = try #require(BoundedProcess.spawn(
            [Shell.edgesimExecutable, "import", "trace", "--format", "google2011", "-", "-o", output, "--sort-memory-mib", "1",
             "--temporary-directory", temporary, "--no-read-ahead"],
            standardInput: folder.file("events.fifo"), output: folder.file("stdout"), error: folder.file("stderr")))
        defer { if !ProcessProbe.hasExited(pid) { kill(pid, SIGKILL) } }
        // Enough rows for several sorted runs of 1 MiB; the pipe stays open, so the import waits for more.
        #expect(pipe.write(Self.googleRows(60_000)))
        let deadline = BoundedProcess.now() + BoundedProcess.defaultTimeoutSeconds
        var runs: [String] = []
        while BoundedProcess.now() < deadline && !ProcessProbe.hasExited(pid) {
            runs = Shell.listing(temporary).flatMap { Shell.listing(temporary + "/" + $0) }
            if runs.count >= 2 { break }
            usleep(5_000)
        }
        try #require(runs.count >= 2, "no sort runs were spilled: \(runs)")
        #expect(ProcessProbe.unnamedFileSizes(of: pid, in: folder.path).count == 1, "the output is open, unnamed")

        kill(pid, SIGKILL)
        _ = BoundedProcess.wait(for: pid, timeoutSeconds: 30)
        #expect(Shell.contents(output) == previous, "the previous workload changed")
        #expect(Shell.listing(folder.path) == ["events.fifo", "out.workload.csv.gz", "small.csv", "stderr", "stdout", "tmp"])
        let abandoned = Shell.listing(temporary)
        #expect(abandoned.count == 1 && abandoned[0].hasPrefix("edgesim-sort-\(pid)-"))

        // The next import removes the runs of the killed one.
        let next = BoundedProcess.edgesim([
            "import", "trace", "--format", "google2011", folder.file("small.csv"), "-o", folder.file("next.workload.csv.gz"),
            "--temporary-directory", temporary,
        ])
        CleanFailure.expectSuccess(next)
        #expect(Shell.listing(temporary).isEmpty)
    }
}
