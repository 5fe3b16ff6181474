import EdgeSimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Files that are not what a verb expects, for every kind of input: empty
/// files, folders, unreadable files, truncated gzip and gzip with a corrupt CRC.
@Suite("Hostile files: empty, folders, unreadable, truncated and corrupt gzip")
struct HostileFileTests {
    /// A verb reading one input file, with the output it must not leave behind.
    struct Reader: CustomTestStringConvertible, Sendable {
        var name: String
        /// The arguments reading `input` and writing into `folder`.
        var arguments: @Sendable (_ input: String, _ folder: String) -> [String]
        /// A valid input of the kind, to compress and corrupt.
        var sample: String

        var testDescription: String { name }
    }

    static let readers: [Reader] = [
        Reader(name: "compose --workload", arguments: { input, folder in
            ["compose", "--topology", HostileFixtures.sampleTopology, "--workload", input, "-o", folder + "/out.scenario.json"]
        }, sample: HostileFixtures.path("bom.workload.csv")),
        Reader(name: "compose --topology", arguments: { input, folder in
            ["compose", "--topology", input, "-o", folder + "/out.scenario.json"]
        }, sample: Fixtures.fixture("valid/tiny.topology.json")),
        Reader(name: "export graphml", arguments: { input, folder in
            ["export", "graphml", input, "-o", folder + "/out.graphml"]
        }, sample: Fixtures.fixture("valid/tiny.topology.json")),
        Reader(name: "import topology", arguments: { input, folder in
            ["import", "topology", input, "-o", folder + "/out.topology.json"]
        }, sample: Fixtures.fixture("graphml/zoo-mini.graphml")),
        Reader(name: "generate --spec", arguments: { input, folder in
            ["generate", "--spec", input, "-o", folder + "/out.topology.json"]
        }, sample: Fixtures.path("topologies/specs/urban-sensing.spec.json")),
        Reader(name: "replay", arguments: { input, folder in
            ["replay", input, "--policy", "local", "-o", folder + "/results"]
        }, sample: Fixtures.fixture("valid/tiny.scenario.json")),
    ]

    @Test("an empty file", arguments: readers)
    func emptyFile(reader: Reader) {
        let folder = TemporaryDirectory()
        let input = folder.file("empty")
        Shell.write("", to: input)
        let expected: String
        switch reader.name {
        case "compose --workload":
            expected = "\(input):1: expected format 'edgesim-workload (first line '# edgesim-workload version 1')', "
                + "found 'an empty file'"
        case "import topology": expected = "\(input):1: the input is empty"
        default: expected = "\(input):1:1: $: unexpected end of JSON, expected a value"
        }
        CleanFailure.expect(
            BoundedProcess.edgesim(reader.arguments(input, folder.path)), message: expected, folder: folder,
            expectedListing: ["empty"])
    }

    @Test("a folder given as the input", arguments: readers)
    func folderAsInput(reader: Reader) {
        let folder = TemporaryDirectory()
        let input = folder.file("a-folder")
        mkdir(input, 0o755)
        CleanFailure.expect(
            BoundedProcess.edgesim(reader.arguments(input, folder.path)),
            message: "\(input): cannot open: is a directory, expected a file", folder: folder, expectedListing: ["a-folder"])
    }

    @Test("an unreadable file (run as an unprivileged user when the tests run as root)", arguments: readers)
    func unreadableFile(reader: Reader) throws {
        let folder = TemporaryDirectory()
        chmod(folder.path, 0o755)
        let input = folder.file("locked")
        Shell.write(Shell.contents(reader.sample) ?? [], to: input)
        chmod(input, 0)
        var command = [Shell.edgesimExecutable] + reader.arguments(input, folder.path)
        if geteuid() == 0 {
            // Root reads any file: drop to nobody, as a user would be.
            try #require(Shell.exists("/usr/bin/setpriv"), "setpriv (util-linux) is needed to drop root")
            command = ["/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"] + command
        }
        CleanFailure.expect(
            BoundedProcess.run(command), message: "\(input): cannot open: Permission denied", folder: folder,
            expectedListing: ["locked"])
    }

    @Test("gzip cut short: the byte offset where the data ends", arguments: readers)
    func truncatedGzip(reader: Reader) {
        let folder = TemporaryDirectory()
        let compressed = Shell.gzip(Shell.contents(reader.sample) ?? [])
        let input = folder.file("cut.gz")
        let kept = compressed.count * 2 / 3
        Shell.write(Array(compressed.prefix(kept)), to: input)
        CleanFailure.expect(
            BoundedProcess.edgesim(reader.arguments(input, folder.path)),
            message: "\(input): byte \(kept): truncated gzip data: the file ends inside a compressed member", folder: folder,
            expectedListing: ["cut.gz"])
    }

    @Test("gzip with a corrupt CRC: never a silently wrong stream", arguments: readers)
    func corruptCRC(reader: Reader) {
        let folder = TemporaryDirectory()
        var compressed = Shell.gzip(Shell.contents(reader.sample) ?? [])
        // The trailer is CRC-32 then the length, 4 bytes each; zlib checks the CRC after reading it.
        compressed[compressed.count - 8] ^= 0xFF
        let input = folder.file("crc.gz")
        Shell.write(compressed, to: input)
        CleanFailure.expect(
            BoundedProcess.edgesim(reader.arguments(input, folder.path)),
            message: "\(input): byte \(compressed.count - 4): corrupt gzip data: incorrect data check", folder: folder,
            expectedListing: ["crc.gz"])
    }

    @Test("the compressed samples themselves are read (the corruption above is the only problem)", arguments: readers)
    func compressedSampleWorks(reader: Reader) {
        let folder = TemporaryDirectory()
        let input = folder.file("whole.gz")
        Shell.write(Shell.gzip(Shell.contents(reader.sample) ?? []), to: input)
        // A scenario's relative topology path resolves against the scenario's folder: skip that one.
        guard reader.name != "replay" else { return }
        CleanFailure.expectSuccess(BoundedProcess.edgesim(reader.arguments(input, folder.path)))
    }
}
