import StreamingIO

/// A byte buffer that hands full megabytes to a background writer thread:
/// the writers' hot path appends bytes without a `String` or array per
/// value, and formatting overlaps the `write` system calls.
///
/// A sink made with `init(memoryCapacity:)` has no writer: it grows and keeps
/// everything, for blocks formatted on a helper thread and then appended to
/// the file's sink in order (`append(contentsOf:)`).
final class ByteSink {
    private let writer: BackgroundWriter?
    @exclusivity(unchecked) private var current: BackgroundWriter.Buffer?
    @exclusivity(unchecked) private var buffer: UnsafeMutablePointer<UInt8>
    @exclusivity(unchecked) private var capacity: Int
    @exclusivity(unchecked) private var count = 0

    /// A sink whose full buffers are written by a background thread.
    init(output: OutputFile, capacity: Int = 1 << 19) throws(StreamingIOError) {
        let writer = try BackgroundWriter(output: output, capacity: capacity)
        self.writer = writer
        current = writer.firstBuffer
        buffer = writer.firstBuffer.storage
        self.capacity = capacity
    }

    /// A sink that keeps what is appended in memory, growing as needed.
    init(memoryCapacity: Int) {
        writer = nil
        current = nil
        capacity = max(64, memoryCapacity)
        buffer = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
    }

    deinit {
        if writer == nil { buffer.deallocate() }
    }

    /// What a memory sink holds (valid until the next append or `removeAll`).
    var contents: UnsafeRawBufferPointer { UnsafeRawBufferPointer(start: buffer, count: count) }

    /// Empties a memory sink, keeping its capacity.
    func removeAll() {
        count = 0
    }

    /// Appends what `other` (a memory sink) holds.
    func append(contentsOf other: ByteSink) throws(StreamingIOError) {
        try bytes(other.contents)
    }

    /// Hands buffered bytes to the writer thread (a memory sink keeps them).
    func flush() throws(StreamingIOError) {
        guard count > 0, let writer, let full = current else { return }
        full.count = count
        let next = writer.exchange(full)
        current = next
        buffer = next.storage
        count = 0
    }

    /// Writes everything and waits for the writer; call before committing the output.
    func close() throws(StreamingIOError) {
        guard let writer, let last = current else { return }
        last.count = count
        count = 0
        try writer.finish(last: last)
    }

    /// Makes room for `size` more bytes (at most one buffer's capacity for a file sink).
    @inline(__always)
    func reserve(_ size: Int) throws(StreamingIOError) {
        if count &+ size > capacity { try makeRoom(size) }
    }

    /// Flushes a file sink; grows a memory sink to fit `size` more bytes.
    @inline(never)
    private func makeRoom(_ size: Int) throws(StreamingIOError) {
        guard writer == nil else {
            try flush()
            return
        }
        var newCapacity = capacity * 2
        while newCapacity < count + size { newCapacity *= 2 }
        let grown = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        grown.initialize(from: buffer, count: count)
        buffer.deallocate()
        buffer = grown
        capacity = newCapacity
    }

    @inline(__always)
    func byte(_ value: UInt8) throws(StreamingIOError) {
        if count == capacity { try makeRoom(1) }
        buffer[count] = value
        count &+= 1
    }

    /// Appends a literal.
    @inline(__always)
    func literal(_ text: StaticString) throws(StreamingIOError) {
        try bytes(UnsafeRawBufferPointer(start: text.utf8Start, count: text.utf8CodeUnitCount))
    }

    /// Appends raw bytes.
    ///
    /// Inlined without a loop or recursion, so a literal's constant length
    /// reaches the copy and the compiler emits a few moves instead of a
    /// `memmove` call (literals are most of what the writers append).
    @inline(__always)
    func bytes(_ source: UnsafeRawBufferPointer) throws(StreamingIOError) {
        let size = source.count
        guard size > 0 else { return }
        if count &+ size > capacity {
            try bytesAfterMakingRoom(source)
            return
        }
        UnsafeMutableRawPointer(buffer + count).copyMemory(from: source.baseAddress!, byteCount: size)
        count &+= size
    }

    /// The rare path of `bytes`: grows a memory sink, or flushes a file sink
    /// and passes sources larger than a buffer through in buffer-sized pieces.
    @inline(never)
    private func bytesAfterMakingRoom(_ source: UnsafeRawBufferPointer) throws(StreamingIOError) {
        guard writer != nil else {
            try makeRoom(source.count)
            UnsafeMutableRawPointer(buffer + count).copyMemory(from: source.baseAddress!, byteCount: source.count)
            count += source.count
            return
        }
        try flush()
        var offset = 0
        while offset < source.count {
            let piece = min(capacity, source.count - offset)
            UnsafeMutableRawPointer(buffer + count).copyMemory(from: source.baseAddress! + offset, byteCount: piece)
            count += piece
            offset += piece
            if offset < source.count { try flush() }
        }
    }

    /// Appends the UTF-8 bytes of `text`.
    func text(_ text: String) throws(StreamingIOError) {
        var text = text
        let result: Result<Void, StreamingIOError> = text.withUTF8 { utf8 in
            do throws(StreamingIOError) {
                try bytes(UnsafeRawBufferPointer(utf8))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }

    /// Appends `value` in decimal.
    func integer(_ value: Int64) throws(StreamingIOError) {
        try reserve(NumberFormatting.maximumIntegerLength)
        count += NumberFormatting.write(value, to: buffer + count)
    }

    /// Appends a double as Swift's `description` does (shortest round trip:
    /// `250.0`, `0.5`, `1e-05`, `1e+16`), without a `String` for the common
    /// values. Non-finite values are written `null` (validation rejects them
    /// first in canonical files).
    func double(_ value: Double) throws(StreamingIOError) {
        guard value.isFinite else {
            try literal("null")
            return
        }
        try reserve(NumberFormatting.maximumFastDoubleLength)
        if let written = NumberFormatting.writeFast(value, to: buffer + count) {
            count += written
        } else {
            try text(value.description)
        }
    }

    /// Appends a JSON string literal of `source` (escaping as `JSONWriter` does:
    /// `"`, `\`, `\n`, `\r`, `\t`, other control bytes as `\u00XX`).
    func quoted(_ source: UnsafeRawBufferPointer) throws(StreamingIOError) {
        let size = source.count
        if size &+ 2 <= capacity && !Self.needsEscaping(source) {
            try reserve(size &+ 2)
            buffer[count] = 0x22
            if size > 0 { (buffer + count + 1).initialize(from: source.bindMemory(to: UInt8.self).baseAddress!, count: size) }
            buffer[count &+ size &+ 1] = 0x22
            count &+= size &+ 2
            return
        }
        // Worst case 6 bytes per input byte, plus the quotes.
        if size &* 6 &+ 2 <= capacity {
            try reserve(size &* 6 &+ 2)
            var out = buffer + count
            out.pointee = 0x22
            out += 1
            if size > 0, let input = source.baseAddress?.assumingMemoryBound(to: UInt8.self) {
                for index in 0..<size {
                    let value = input[index]
                    if value >= 0x20 && value != 0x22 && value != 0x5C {
                        out.pointee = value
                        out += 1
                        continue
                    }
                    out.pointee = 0x5C
                    switch value {
                    case 0x22, 0x5C: out[1] = value
                    case 0x0A: out[1] = UInt8(ascii: "n")
                    case 0x0D: out[1] = UInt8(ascii: "r")
                    case 0x09: out[1] = UInt8(ascii: "t")
                    default:
                        let hex: StaticString = "0123456789abcdef"
                        out[1] = UInt8(ascii: "u")
                        out[2] = 0x30
                        out[3] = 0x30
                        out[4] = hex.utf8Start[Int(value >> 4)]
                        out[5] = hex.utf8Start[Int(value & 0xF)]
                        out += 4
                    }
                    out += 2
                }
            }
            out.pointee = 0x22
            out += 1
            count = out - buffer
            return
        }
        try byte(0x22)
        for index in 0..<size {
            try quoted(UnsafeRawBufferPointer(rebasing: source[index..<(index + 1)]), bare: true)
        }
        try byte(0x22)
    }

    /// True when `bytes` holds a quote, a backslash or a control byte: eight
    /// bytes per step (SWAR: a byte below 0x20, or equal to 0x22 or 0x5C, sets
    /// its high bit in the mask).
    @inline(__always)
    static func needsEscaping(_ bytes: UnsafeRawBufferPointer) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        var index = 0
        let count = bytes.count
        while index &+ 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            let control = (word &- ones &* 0x20) & ~word
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let quoteZero = (quote &- ones) & ~quote
            let backslashZero = (backslash &- ones) & ~backslash
            if (control | quoteZero | backslashZero) & highs != 0 { return true }
            index &+= 8
        }
        while index < count {
            let value = bytes[index]
            if value < 0x20 || value == 0x22 || value == 0x5C { return true }
            index &+= 1
        }
        return false
    }

    /// One escaped byte without quotes (the slow path for very long strings).
    private func quoted(_ single: UnsafeRawBufferPointer, bare: Bool) throws(StreamingIOError) {
        let value = single[0]
        switch value {
        case 0x22: try literal("\\\"")
        case 0x5C: try literal("\\\\")
        case 0x0A: try literal("\\n")
        case 0x0D: try literal("\\r")
        case 0x09: try literal("\\t")
        case 0..<0x20:
            let hex: StaticString = "0123456789abcdef"
            try literal("\\u00")
            try byte(hex.utf8Start[Int(value >> 4)])
            try byte(hex.utf8Start[Int(value & 0xF)])
        default: try byte(value)
        }
    }

    /// Appends a JSON string literal of `text`.
    func quoted(_ text: String) throws(StreamingIOError) {
        var text = text
        let result: Result<Void, StreamingIOError> = text.withUTF8 { utf8 in
            do throws(StreamingIOError) {
                try quoted(UnsafeRawBufferPointer(utf8))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}
