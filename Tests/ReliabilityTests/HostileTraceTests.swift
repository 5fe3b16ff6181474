import EdgeSimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Broken and hostile traces through `edgesim import trace` (issue 9).
///
/// By default the importer skips malformed rows and reports the first few as
/// one-line warnings (real traces have some); `--strict` makes the first one
/// an error. Input that cannot be read at all (truncated or corrupt gzip,
/// corrupt tar, empty file, folder) is an error in both modes.
@Suite("Hostile traces")
struct HostileTraceTests {
    /// Imports `input` as `format` into a fresh folder's `out.workload.csv.gz`.
    static func importTrace(
        _ format: String, _ input: String, into folder: TemporaryDirectory, strict: Bool = true
    ) -> BoundedProcess.Outcome {
        BoundedProcess.edgesim(
            ["import", "trace", "--format", format, input, "-o", folder.file("out.workload.csv.gz")]
                + (strict ? ["--strict"] : []))
    }

    /// Writes `text` as a trace file in `folder`.
    static func trace(_ text: String, named name: String, in folder: TemporaryDirectory) -> String {
        let path = folder.file(name)
        Shell.write(text, to: path)
        return path
    }

    @Test("--strict: a malformed row is an error with file, line and column", arguments: [
        ("google2011", "0,,100,0,,0,userA,0,9,0.5,0.25,0.1\n", "1: expected 13 fields (a task_events row), found 12"),
        ("google2011", "0,,100,0,,0,userA,0,9,NaN,0.25,0.1,0\n", "1:23: field 10: CPU request must be a finite number >= 0"),
        ("google2011", "-5,,100,0,,0,userA,0,9,0.5,0.25,0.1,0\n", "1:1: field 1: time must be >= 0"),
        ("google2011", "18446744073709551616,,100,0,,0,userA,0,9,0.5,0.25,0.1,0\n",
         "1:1: field 1: '18446744073709551616' is out of range for an integer"),
        ("azure2021", "app,func,end_timestamp,duration\na1,f1,inf,0.5\n", "2:7: field 3: end_timestamp must be finite"),
        ("azure2021", "app,func,end_timestamp,duration\na1,f1,5,-1\n", "2:9: field 4: duration must be a finite number >= 0"),
        ("swf", "1 0 10 100 4\n", "1: expected 18 whitespace-separated fields (an SWF job line), found 5"),
    ])
    func strictRows(format: String, text: String, message: String) {
        let folder = TemporaryDirectory()
        let input = Self.trace(text, named: "trace.csv", in: folder)
        CleanFailure.expect(
            Self.importTrace(format, input, into: folder), message: "\(input):\(message)", folder: folder,
            expectedListing: ["trace.csv"])
    }

    @Test("by default malformed rows are skipped, each reported on one line, the rest imported")
    func lenientRows() throws {
        let folder = TemporaryDirectory()
        let input = Self.trace(
            "app,func,end_timestamp,duration\na1,f1,10.5,0.5\na1,f1,inf,0.5\na1,\"f\n1\",5,-1\na1,f2,12,1\n",
            named: "azure.csv", in: folder)
        let outcome = Self.importTrace("azure2021", input, into: folder, strict: false)
        CleanFailure.expectSuccess(outcome)
        #expect(outcome.errorLines == [
            "edgesim: warning: \(input):3:7: skipped malformed row: field 3: end_timestamp must be finite",
            "edgesim: warning: \(input):4:12: skipped malformed row: field 4: duration must be a finite number >= 0",
        ])
        let validate = BoundedProcess.edgesim(["validate", folder.file("out.workload.csv.gz")])
        #expect(String(decoding: validate.standardOutput, as: UTF8.self).contains("valid workload (2 tasks"))
    }

    @Test("a binary file named .csv: skipped rows by default, an error with --strict")
    func binaryFile() {
        let folder = TemporaryDirectory()
        let input = folder.file("noise.csv")
        Shell.write((0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 167 &+ 13) | 0x80 }, to: input)
        let lenient = Self.importTrace("google2011", input, into: folder, strict: false)
        CleanFailure.expectSuccess(lenient)
        #expect(lenient.errorLines.count == 1)
        #expect(lenient.errorLines.first?.hasPrefix("edgesim: warning: \(input):1: skipped malformed row: expected 13 fields") == true)
        Shell.run(["/bin/rm", "-f", folder.file("out.workload.csv.gz")])
        let strict = Self.importTrace("google2011", input, into: folder)
        #expect(strict.exitStatus == 1)
        #expect(strict.errorLines.count == 1)
        #expect(strict.errorLines.first?.hasPrefix("edgesim: error: \(input):1: expected 13 fields (a task_events row)") == true)
        #expect(Shell.listing(folder.path) == ["noise.csv"])
    }

    @Test("a 10 MB single line (an unused column) is read in bounded memory", arguments: [false, true])
    func tenMegabyteLine(strict: Bool) {
        let folder = TemporaryDirectory()
        let input = Self.trace(
            "0,,100,0,,0,userA,0,9,0.5,0.25,0.1," + String(repeating: "7", count: 10 << 20) + "\n", named: "long.csv",
            in: folder)
        let outcome = Self.importTrace("google2011", input, into: folder, strict: strict)
        CleanFailure.expectSuccess(outcome)
        #expect(outcome.errorLines.isEmpty)
    }

    @Test("a line beyond the 16 MiB record limit is an error in both modes", arguments: [false, true])
    func overlongLine(strict: Bool) {
        let folder = TemporaryDirectory()
        let input = Self.trace(String(repeating: "8", count: 20 << 20), named: "huge.csv", in: folder)
        CleanFailure.expect(
            Self.importTrace("google2011", input, into: folder, strict: strict),
            message: "\(input):1: record longer than 16777216 bytes", folder: folder, expectedListing: ["huge.csv"])
    }

    @Test("a UTF-8 byte-order mark and CRLF line ends are accepted", arguments: ["bom", "crlf"])
    func byteOrderMarkAndCRLF(variant: String) throws {
        let folder = TemporaryDirectory()
        let original = String(decoding: Shell.contents(Fixtures.fixture("traces/google2011-task_events.csv")) ?? [], as: UTF8.self)
        let text = variant == "bom" ? "\u{FEFF}" + original : original.replacing("\n", with: "\r\n")
        let input = Self.trace(text, named: "events.csv", in: folder)
        let outcome = BoundedProcess.edgesim([
            "import", "trace", "--format", "google2011", input, "-o", folder.file("out.workload.csv.gz"), "--strict",
            "--summary-json", "-",
        ])
        CleanFailure.expectSuccess(outcome)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self).contains("\"tasks\": 3,"))
    }

    @Test("unreadable inputs: empty file, folder, truncated and corrupt gzip, corrupt tar", arguments: [
        "empty", "folder", "truncated-gzip", "corrupt-crc", "truncated-tar", "corrupt-tar-checksum",
    ])
    func unreadableInput(kind: String) throws {
        let folder = TemporaryDirectory()
        let sample = Shell.contents(Fixtures.fixture("traces/alibaba2018-batch_task.csv")) ?? []
        let input = folder.file("input")
        let message: String
        switch kind {
        case "empty":
            Shell.write("", to: input)
            message = "\(input):1: the input is empty: no rows to import"
        case "folder":
            mkdir(input, 0o755)
            message = "\(input): cannot open: is a directory, expected a file"
        case "truncated-gzip":
            let compressed = Shell.gzip(sample)
            Shell.write(Array(compressed.prefix(compressed.count / 2)), to: input)
            message = "\(input): byte \(compressed.count / 2): truncated gzip data: the file ends inside a compressed member"
        case "corrupt-crc":
            var compressed = Shell.gzip(sample)
            compressed[compressed.count - 8] ^= 0xFF
            Shell.write(compressed, to: input)
            message = "\(input): byte \(compressed.count - 4): corrupt gzip data: incorrect data check"
        case "truncated-tar":
            let archive = try #require(Self.tar(Fixtures.fixture("traces"), "alibaba2018-batch_task.csv", in: folder))
            Shell.write(Array(archive.prefix(700)), to: input)
            message = "\(input): read failed: tar archive ends inside a member (at byte 700)"
        default:
            var archive = try #require(Self.tar(Fixtures.fixture("traces"), "alibaba2018-batch_task.csv", in: folder))
            archive[150] ^= 0x01  // a digit of the header checksum
            Shell.write(archive, to: input)
            message = "\(input): byte 0: corrupt tar archive: the first header's checksum does not match"
        }
        for strict in [true, false] {
            CleanFailure.expect(
                Self.importTrace("alibaba2018", input, into: folder, strict: strict), message: message, folder: folder,
                expectedListing: ["input"])
        }
    }

    /// A ustar archive of `member` in `folder`, made by the system tar.
    static func tar(_ folder: String, _ member: String, in scratch: TemporaryDirectory) -> [UInt8]? {
        let archive = scratch.file("made.tar")
        Shell.run(["/bin/tar", "--format=ustar", "-cf", archive, "-C", folder, member])
        defer { Shell.run(["/bin/rm", "-f", archive]) }
        return Shell.contents(archive)
    }
}
