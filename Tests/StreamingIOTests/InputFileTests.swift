import EdgeSimTestSupport
import StreamingIO
import Testing

@Suite("InputFile")
struct InputFileTests {
    let directory = TemporaryDirectory()

    private func readAll(_ path: String) throws -> [UInt8] {
        let input = try InputFile(path: path)
        var bytes: [UInt8] = []
        try input.forEachChunk(chunkSize: 1000) { bytes.append(contentsOf: $0) }
        return bytes
    }

    private func sampleText(lines: Int) -> [UInt8] {
        Array((0..<lines).map { "\($0),row,\($0 * 7)\n" }.joined().utf8)
    }

    @Test("plain files pass through unchanged")
    func plainPassThrough() throws {
        let text = sampleText(lines: 5000)
        Shell.write(text, to: directory.file("plain.csv"))
        let input = try InputFile(path: directory.file("plain.csv"))
        #expect(!input.isCompressed)
        #expect(try readAll(directory.file("plain.csv")) == text)
    }

    @Test("gzip is recognised by content and decompressed")
    func gzipSingleMember() throws {
        let text = sampleText(lines: 20000)
        Shell.write(Shell.gzip(text), to: directory.file("data.bin"))
        #expect(try InputFile(path: directory.file("data.bin")).isCompressed)
        #expect(try readAll(directory.file("data.bin")) == text)
    }

    @Test("every member of a multi-member gzip file is read, like zcat")
    func gzipMultiMember() throws {
        let first = sampleText(lines: 3000)
        let second = Array("tail,1,2\nlast,3,4\n".utf8)
        Shell.write(Shell.gzip(first) + Shell.gzip(second) + Shell.gzip([]), to: directory.file("multi.gz"))
        #expect(try readAll(directory.file("multi.gz")) == first + second)
    }

    @Test("a truncated gzip file is an error with the byte offset, never a short read")
    func truncatedGzip() throws {
        let compressed = Shell.gzip(sampleText(lines: 20000))
        Shell.write(Array(compressed.prefix(compressed.count / 2)), to: directory.file("cut.gz"))
        #expect {
            _ = try readAll(directory.file("cut.gz"))
        } throws: { error in
            guard case .truncatedGzip(let location)? = error as? StreamingIOError else { return false }
            return location.byteOffset == Int64(compressed.count / 2)
                && "\(error)".contains("cut.gz: byte \(compressed.count / 2): truncated gzip")
        }
    }

    @Test("a gzip file cut inside its trailer is truncated too")
    func truncatedTrailer() throws {
        let compressed = Shell.gzip(sampleText(lines: 100))
        Shell.write(Array(compressed.dropLast(3)), to: directory.file("trailer.gz"))
        #expect(throws: StreamingIOError.self) { _ = try readAll(directory.file("trailer.gz")) }
    }

    @Test("a corrupt CRC is reported as corrupt gzip data")
    func corruptChecksum() throws {
        var compressed = Shell.gzip(sampleText(lines: 100))
        compressed[compressed.count - 6] ^= 0xFF  // inside the CRC-32 of the trailer
        Shell.write(compressed, to: directory.file("crc.gz"))
        #expect {
            _ = try readAll(directory.file("crc.gz"))
        } throws: { error in
            guard case .corruptGzip(_, let reason)? = error as? StreamingIOError else { return false }
            return reason.contains("check")
        }
    }

    @Test("garbage after the last member is an error; zero padding is not")
    func trailingBytes() throws {
        let compressed = Shell.gzip(sampleText(lines: 10))
        Shell.write(compressed + Array("garbage".utf8), to: directory.file("garbage.gz"))
        #expect(throws: StreamingIOError.self) { _ = try readAll(directory.file("garbage.gz")) }
        Shell.write(compressed + [UInt8](repeating: 0, count: 512), to: directory.file("padded.gz"))
        #expect(try readAll(directory.file("padded.gz")) == sampleText(lines: 10))
    }

    @Test("empty files read as empty")
    func emptyFile() throws {
        Shell.write([], to: directory.file("empty"))
        #expect(try readAll(directory.file("empty")).isEmpty)
    }

    @Test("missing files and folders are clear errors")
    func unreadableInputs() {
        #expect(throws: StreamingIOError.cannotOpen(path: directory.path, reason: "is a directory, expected a file")) {
            _ = try InputFile(path: directory.path)
        }
        #expect {
            _ = try InputFile(path: directory.file("missing.csv"))
        } throws: { error in
            "\(error)" == "\(directory.file("missing.csv")): cannot open: No such file or directory"
        }
    }
}
