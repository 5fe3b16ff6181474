import StreamingIO
import Testing
@testable import TopologyImport

@Suite("Ordered block encoder")
struct OrderedBlockEncoderTests {
    /// Item `index` as text of a length that varies, so blocks differ in size.
    static func item(_ index: Int, _ sink: ByteSink) throws(StreamingIOError) {
        try sink.literal("[")
        try sink.integer(Int64(index))
        for _ in 0..<(index % 5) { try sink.byte(UInt8(ascii: "x")) }
        try sink.literal("]")
    }

    @Test("two threads give the bytes one thread gives", arguments: [(0, 3), (5, 3), (8, 3), (9, 3), (1000, 7), (10_000, 64), (4096, 2048)])
    func sameBytes(count: Int, blockSize: Int) throws {
        let sequential = ByteSink(memoryCapacity: 64)
        for index in 0..<count { try Self.item(index, sequential) }
        let blocks = ByteSink(memoryCapacity: 64)
        try OrderedBlockEncoder.encode(count: count, blockSize: blockSize, into: blocks) { (index, sink) throws(StreamingIOError) in
            try Self.item(index, sink)
        }
        #expect(Array(blocks.contents) == Array(sequential.contents))
    }

    @Test("an item larger than the helper's buffer grows it")
    func largeItems() throws {
        let sequential = ByteSink(memoryCapacity: 64)
        let blocks = ByteSink(memoryCapacity: 64)
        let large = [UInt8](repeating: UInt8(ascii: "y"), count: 300_000)
        let item: (Int, ByteSink) throws(StreamingIOError) -> Void = { (index, sink) throws(StreamingIOError) in
            try sink.integer(Int64(index))
            if index % 3 == 1 {
                try large.withUnsafeBytes { bytes in
                    do throws(StreamingIOError) { try sink.bytes(bytes) } catch { Issue.record("\(error)") }
                }
            }
        }
        for index in 0..<40 { try item(index, sequential) }
        try OrderedBlockEncoder.encode(count: 40, blockSize: 4, into: blocks, item: item)
        #expect(Array(blocks.contents) == Array(sequential.contents))
    }
}
