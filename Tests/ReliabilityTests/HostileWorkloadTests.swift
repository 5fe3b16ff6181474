import EdgeSimTestSupport
import Testing

/// Broken and hostile workloads (issue 9) through the verbs that read them:
/// `compose` (which validates) and `replay` (which streams). Each must end
/// with exit 1, one `edgesim: error: FILE:LINE[:COLUMN]: message` line, bounded
/// time and memory, and no output left behind.
@Suite("Hostile workloads")
struct HostileWorkloadTests {
    /// Composes the sample topology with `workload` into a fresh folder.
    static func compose(_ workload: String, into folder: TemporaryDirectory) -> BoundedProcess.Outcome {
        BoundedProcess.edgesim([
            "compose", "--topology", HostileFixtures.sampleTopology, "--workload", workload, "-o",
            folder.file("s.scenario.json"),
        ])
    }

    @Test("broken rows: exit 1 with the file, line, column and column name", arguments: [
        ("wrong-column-count.workload.csv", "3: expected 10 fields, found 8"),
        ("nan-arrival.workload.csv", "3:7: arrivalSeconds: arrival time must be a finite number >= 0, found nan"),
        ("infinite-arrival.workload.csv", "3:7: arrivalSeconds: arrival time must be a finite number >= 0, found inf"),
        ("negative-arrival.workload.csv", "3:7: arrivalSeconds: arrival time must be a finite number >= 0, found -0.5"),
        ("negative-input-bytes.workload.csv", "3:23: inputBytes: must be >= 0, found -200000"),
        ("negative-infinite-deadline.workload.csv",
         "3:29: relativeDeadlineSeconds: deadline must be a positive finite number of seconds or empty, found -inf"),
        ("integer-beyond-64-bits.workload.csv",
         "3:18: instructions: '18446744073709551616' is out of the 64-bit integer range"),
        ("number-beyond-double.workload.csv", "3:7: arrivalSeconds: '1e400' is out of the range of numbers"),
        ("newline-in-quoted-number.workload.csv", "3:18: instructions: expected an integer, found '12\\n34'"),
        ("terminal-escape-in-origin.workload.csv", "3: origin '\\u{1B}[31mred' is not a compute node of the topology"),
        ("dependency-cycle.workload.csv", "3: dependency cycle: t1 -> t2 -> t1"),
        ("bom-unsorted.workload.csv", "4:7: arrivalSeconds: arrivals must be sorted: 0.5 comes after 0.7"),
        ("crlf-unsorted.workload.csv", "4:7: arrivalSeconds: arrivals must be sorted: 0.5 comes after 0.7"),
        ("empty.workload.csv",
         "1: expected format 'edgesim-workload (first line '# edgesim-workload version 1')', found 'an empty file'"),
    ])
    func brokenRows(fixture: String, message: String) {
        let folder = TemporaryDirectory()
        let workload = HostileFixtures.path(fixture)
        CleanFailure.expect(Self.compose(workload, into: folder), message: "\(workload):\(message)", folder: folder)
    }

    @Test("a UTF-8 byte-order mark and CRLF line ends are accepted", arguments: ["bom.workload.csv", "crlf.workload.csv"])
    func byteOrderMarkAndCRLF(fixture: String) throws {
        let folder = TemporaryDirectory()
        let outcome = Self.compose(HostileFixtures.path(fixture), into: folder)
        CleanFailure.expectSuccess(outcome)
        let validate = BoundedProcess.edgesim(["validate", HostileFixtures.path(fixture)])
        CleanFailure.expectSuccess(validate)
        #expect(String(decoding: validate.standardOutput, as: UTF8.self).contains("valid workload (2 tasks, 2 jobs"))
    }

    @Test("a binary file named .csv is named as binary data, not echoed")
    func binaryFile() {
        let folder = TemporaryDirectory()
        let workload = folder.file("random.workload.csv")
        // Deterministic bytes that are neither gzip (no 1f 8b start) nor text.
        var state: UInt32 = 12345
        Shell.write((0..<8192).map { _ in
            state = state &* 1_103_515_245 &+ 12345
            return UInt8(truncatingIfNeeded: state >> 16) | 0x80
        }, to: workload)
        CleanFailure.expect(
            Self.compose(workload, into: folder),
            message: "\(workload):1: expected format 'edgesim-workload (first line '# edgesim-workload version 1')', "
                + "found 'binary data, not text'",
            folder: folder, expectedListing: ["random.workload.csv"])
    }

    @Test("a 10 MB single line is read in bounded memory and reported with its line")
    func tenMegabyteLine() {
        let folder = TemporaryDirectory()
        let workload = folder.file("long.workload.csv")
        let line = "t1,j1,0.5,rpi3_0,1000,0,0,0,," + String(repeating: "x", count: 10 << 20)
        Shell.write(HostileFixtures.workloadPreamble + line + "\n", to: workload)
        CleanFailure.expect(
            Self.compose(workload, into: folder),
            message: "\(workload):3: dependency on unknown task '\(String(repeating: "x", count: 64))...'",
            folder: folder, expectedListing: ["long.workload.csv"])
    }

    @Test("a line longer than the 16 MiB record limit is an error, not unbounded memory")
    func overlongLine() {
        let folder = TemporaryDirectory()
        let workload = folder.file("huge.workload.csv")
        Shell.write(HostileFixtures.workloadPreamble + String(repeating: "y", count: 20 << 20), to: workload)
        CleanFailure.expect(
            Self.compose(workload, into: folder), message: "\(workload):3: record longer than 16777216 bytes",
            folder: folder, expectedListing: ["huge.workload.csv"])
    }

    @Test("a bad row met while a replay streams the workload fails the replay cleanly, with no results")
    func replayStreamsBrokenRow() {
        let folder = TemporaryDirectory()
        let workload = folder.file("w.workload.csv")
        Shell.write(
            HostileFixtures.workloadPreamble + "t1,j1,0.5,rpi3_0,1000,0,0,0,,\nt2,j2,0.7,rpi3_0,1000,0,0,0,NaN,\n",
            to: workload)
        let scenario = folder.file("s.scenario.json")
        Shell.write("""
            {"format": "edgesim-scenario", "version": 1, "name": "s",
             "topology": {"path": "\(HostileFixtures.sampleTopology)"}, "workload": {"path": "w.workload.csv"}}
            """, to: scenario)
        let outcome = BoundedProcess.edgesim(["replay", scenario, "--policy", "local", "-o", folder.file("results")])
        CleanFailure.expect(
            outcome,
            message: "\(workload):4:29: relativeDeadlineSeconds: deadline must be a positive finite number of seconds "
                + "or empty, found nan",
            folder: folder, expectedListing: ["results", "s.scenario.json", "w.workload.csv"])
        #expect(Shell.listing(folder.file("results")).isEmpty)
    }
}
