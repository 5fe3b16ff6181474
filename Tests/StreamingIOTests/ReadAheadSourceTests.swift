import EdgeSimTestSupport
import StreamingIO
import Testing

@Suite("ReadAheadSource and InputFile(source:)")
struct ReadAheadSourceTests {
    let directory = TemporaryDirectory()

    private func text(lines: Int) -> [UInt8] {
        Array((0..<lines).map { "\($0),line,\($0 * 3)\n" }.joined().utf8)
    }

    private func drain(_ source: any ByteSource, chunk: Int = 777) throws -> [UInt8] {
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunk, alignment: 8)
        defer { buffer.deallocate() }
        var bytes: [UInt8] = []
        while true {
            let count = try source.read(into: buffer)
            if count == 0 { return bytes }
            bytes.append(contentsOf: buffer[0..<count])
        }
    }

    @Test("the bytes are those of a direct read, for every chunk size")
    func sameBytes() throws {
        let data = text(lines: 40_000)
        let path = directory.file("data.gz")
        Shell.write(Shell.gzip(data), to: path)
        for chunkBytes in [4096, 65_536, 1 << 20] {
            let source = try ReadAheadSource(input: InputFile(path: path), chunkBytes: chunkBytes, chunkCount: 2)
            #expect(try drain(source) == data)
            #expect(try drain(source).isEmpty)  // stays at the end
            #expect(source.storedBytesConsumed == source.storedSizeBytes)
        }
    }

    @Test("an error of the input is raised after the bytes before it")
    func errorPosition() throws {
        let data = text(lines: 40_000)
        let compressed = Shell.gzip(data)
        let path = directory.file("cut.gz")
        Shell.write(Array(compressed.prefix(compressed.count - 100)), to: path)
        let source = try ReadAheadSource(input: InputFile(path: path), chunkBytes: 8192)
        var received = 0
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 1000, alignment: 8)
        defer { buffer.deallocate() }
        #expect {
            while true {
                let count = try source.read(into: buffer)
                if count == 0 { break }
                received += count
            }
        } throws: { error in
            guard case .truncatedGzip? = error as? StreamingIOError else { return false }
            return true
        }
        #expect(received > 0 && received < data.count)
    }

    @Test("closing early stops the worker")
    func earlyClose() throws {
        let path = directory.file("big.gz")
        Shell.write(Shell.gzip(text(lines: 200_000)), to: path)
        let source = try ReadAheadSource(input: InputFile(path: path), chunkBytes: 4096, chunkCount: 2)
        let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: 100, alignment: 8)
        defer { buffer.deallocate() }
        #expect(try source.read(into: buffer) == 100)
        source.close()
        source.close()
    }

    @Test("InputFile(source:) gunzips a source by content and passes plain bytes through")
    func wrapping() throws {
        let data = text(lines: 3000)
        let plain = directory.file("plain.txt")
        Shell.write(data, to: plain)
        let wrappedPlain = try InputFile(source: InputFile(path: plain), path: "wrapped")
        #expect(!wrappedPlain.isCompressed)
        #expect(wrappedPlain.path == "wrapped")
        #expect(try drain(wrappedPlain) == data)
        let doubly = directory.file("double.gz")
        Shell.write(Shell.gzip(Shell.gzip(data)), to: doubly)
        let nested = try InputFile(source: InputFile(path: doubly))
        #expect(nested.isCompressed)
        #expect(try drain(nested) == data)
    }
}

@Suite("OutputFile background compression")
struct BackgroundCompressionTests {
    let directory = TemporaryDirectory()

    @Test("background and foreground compression write identical bytes, for small and large writes")
    func identical() throws {
        var text = ""
        for row in 0..<60_000 { text += "\(row),task_\(row % 977),\(Double(row) * 0.25)\n" }
        let big = [UInt8](repeating: 65, count: 700_000)
        var outputs: [[UInt8]] = []
        for background in [false, true] {
            let path = directory.file("out-\(background).gz")
            let output = try OutputFile(path: path, compression: .gzip(level: 6), backgroundCompression: background)
            try output.write(text)
            try big.withUnsafeBytes { try output.write($0) }
            try output.write(integer: -42)
            try output.commit()
            outputs.append(Shell.contents(path) ?? [])
        }
        #expect(outputs[0] == outputs[1])
        let input = try InputFile(path: directory.file("out-true.gz"))
        var bytes: [UInt8] = []
        try input.forEachChunk { bytes.append(contentsOf: $0) }
        #expect(bytes == Array(text.utf8) + big + Array("-42".utf8))
    }

    @Test("a discarded background output leaves nothing behind")
    func discard() throws {
        let path = directory.file("gone.gz")
        let output = try OutputFile(path: path, compression: .gzip(level: 1), backgroundCompression: true)
        try output.write(String(repeating: "x", count: 1 << 20))
        output.discard()
        #expect(Shell.listing(directory.path).isEmpty)
    }
}
