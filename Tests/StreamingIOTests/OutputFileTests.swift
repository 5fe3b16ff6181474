import EdgeSimTestSupport
import StreamingIO
import Testing

@Suite("OutputFile")
struct OutputFileTests {
    let directory = TemporaryDirectory()

    @Test("nothing appears at the destination before commit")
    func atomicCommit() throws {
        let path = directory.file("out.txt")
        let output = try OutputFile(path: path)
        try output.write("hello ")
        try output.write(integer: -42)
        try output.write(byte: 0x20)
        try output.write(double: 2.5)
        #expect(!Shell.exists(path))
        #expect(Shell.listing(directory.path).isEmpty)  // the temporary file has no name yet (O_TMPFILE)
        try output.commit()
        #expect(Shell.contents(path) == Array("hello -42 2.5".utf8))
        #expect(Shell.listing(directory.path) == ["out.txt"])
    }

    @Test("an abandoned output leaves the previous file untouched and no temporary file")
    func discard() throws {
        let path = directory.file("keep.txt")
        Shell.write("previous", to: path)
        do {
            let output = try OutputFile(path: path)
            try output.write("partial")
        }
        #expect(Shell.contents(path) == Array("previous".utf8))
        #expect(Shell.listing(directory.path) == ["keep.txt"])
    }

    @Test("gzip outputs decompress to what was written, and are reproducible")
    func gzipOutput() throws {
        var expected: [UInt8] = []
        for run in 0..<2 {
            let path = directory.file("out\(run).gz")
            let output = try OutputFile(path: path, compression: .gzip(level: 6))
            for index in 0..<50_000 {
                try output.write("line \(index)\n")
            }
            try output.commit()
            let input = try InputFile(path: path)
            var bytes: [UInt8] = []
            try input.forEachChunk { bytes.append(contentsOf: $0) }
            if run == 0 { expected = bytes } else { #expect(bytes == expected) }
            #expect(bytes.count > 500_000)
        }
        #expect(Shell.contents(directory.file("out0.gz")) == Shell.contents(directory.file("out1.gz")))
    }

    @Test("an output in a missing folder fails cleanly")
    func missingFolder() {
        #expect(throws: StreamingIOError.self) {
            _ = try OutputFile(path: directory.file("no/such/folder/out.txt"))
        }
    }
}
