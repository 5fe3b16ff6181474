import EdgeSimTestSupport
import StreamingIO
import Testing

@testable import TraceImport

@Suite("Tar archives")
struct TarArchiveReaderTests {
    let directory = TemporaryDirectory()

    /// Builds an archive of the given members with the system `tar` in `format`.
    private func archive(_ members: [(String, String)], format: String, gzip: Bool = true) -> String {
        let content = directory.file("content-\(format)")
        Shell.run(["/bin/mkdir", "-p", content + "/folder"])
        for (name, text) in members {
            let path = content + "/" + name
            Shell.run(["/bin/mkdir", "-p", FilePaths.directory(of: path)])
            Shell.write(text, to: path)
        }
        let output = directory.file("archive-\(format)" + (gzip ? ".tar.gz" : ".tar"))
        Shell.run(["/bin/tar", "--format=\(format)", gzip ? "-czf" : "-cf", output, "-C", content] + ["folder"]
            + members.map(\.0))
        return output
    }

    private func read(_ path: String) throws -> [(String, String)] {
        let input = try TraceInput(path: path, readAhead: false)
        var files: [(String, String)] = []
        while let file = try input.nextFile() {
            var bytes: [UInt8] = []
            try file.forEachChunk(chunkSize: 1000) { bytes.append(contentsOf: $0) }
            files.append((file.path, String(decoding: bytes, as: UTF8.self)))
        }
        return files
    }

    @Test("members are read in order in every tar dialect; folders are skipped", arguments: ["ustar", "gnu", "pax"])
    func dialects(format: String) throws {
        let long = String(repeating: "very_long_folder_name/", count: 8) + "batch_task.csv"
        let members = [("a.csv", "1,2\n3,4\n"), (long, String(repeating: "x,y\n", count: 5000)), ("empty.csv", "")]
        let path = archive(members, format: format)
        let files = try read(path)
        #expect(files.map(\.0) == members.map { path + ":" + $0.0 })
        #expect(files.map(\.1) == members.map(\.1))
    }

    @Test("a plain (not gzipped) tar and a gzipped member inside a tar both work")
    func nesting() throws {
        let inner = directory.file("part.csv.gz")
        Shell.write(Shell.gzip(Array("5,6\n".utf8)), to: inner)
        let output = directory.file("nested.tar")
        Shell.run(["/bin/tar", "-cf", output, "-C", directory.path, "part.csv.gz"])
        #expect(try read(output).map(\.1) == ["5,6\n"])
    }

    @Test("a truncated archive is an error with the offset, never a short read")
    func truncated() throws {
        let path = archive([("big.csv", String(repeating: "abcdefgh\n", count: 10_000))], format: "ustar", gzip: false)
        let bytes = try #require(Shell.contents(path))
        let cut = directory.file("cut.tar")
        Shell.write(Array(bytes.prefix(40_000)), to: cut)
        #expect {
            _ = try read(cut)
        } throws: { "\($0)".contains("tar archive ends inside a member") }
        let headerCut = directory.file("header-cut.tar")
        Shell.write(Array(bytes.prefix(1024 + 90_112 + 100)), to: headerCut)
        #expect(throws: (any Error).self) { _ = try read(headerCut) }
    }

    @Test("a corrupt header checksum is reported")
    func checksum() throws {
        let path = archive([("a.csv", "1\n"), ("b.csv", "2\n")], format: "ustar", gzip: false)
        var bytes = try #require(Shell.contents(path))
        // The second member's header follows the folder header, a.csv's header and its data block.
        bytes[3 * 512 + 10] ^= 0x55
        let corrupt = directory.file("corrupt.tar")
        Shell.write(bytes, to: corrupt)
        #expect {
            _ = try read(corrupt)
        } throws: { "\($0)".contains("corrupt.tar: byte 1536: corrupt tar header (checksum mismatch)") }
    }

    @Test("numeric fields: octal with spaces and NULs, GNU base-256 for sizes over 8 GiB")
    func numbers() {
        var block = [UInt8](repeating: 0, count: 512)
        func number(_ bytes: [UInt8]) -> Int64? {
            block.replaceSubrange(124..<136, with: bytes + [UInt8](repeating: 0, count: 12 - bytes.count))
            return block.withUnsafeBytes { TarHeader.number($0, 124, 12) }
        }
        #expect(number(Array("00000001750\0".utf8)) == 1000)
        #expect(number(Array("  1750 ".utf8)) == 1000)
        #expect(number([0x80, 0, 0, 0, 0, 0, 0, 0, 0, 0x02, 0x54, 0x0B]) == 0x02_540B)
        #expect(number([0x80, 0, 0, 0, 0x04, 0, 0, 0, 0, 0, 0, 0]) == 1 << 58)
        #expect(number(Array("9".utf8)) == nil)
        #expect(number([0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == nil)
    }

    @Test("PAX records are parsed by their length, values may hold '=' and newlines")
    func pax() {
        let records = "19 path=a=b/c.csv\n\n11 size=42\n"
        let values = TarHeader.paxValues(Array(records.utf8))
        #expect(values["path"] == "a=b/c.csv\n")
        #expect(values["size"] == "42")
    }

    @Test("a PAX length shorter than its own digits ends the records, no trap (found by FuzzTar)",
          arguments: ["1 path=x\n", "2 path=x\n", "11 size=42\n3 \n", "0 path=x\n"])
    func paxLengthTooShort(records: String) {
        let values = TarHeader.paxValues(Array(records.utf8))
        #expect(values["path"] == nil)
    }
}
