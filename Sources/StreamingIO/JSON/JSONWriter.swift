/// A deterministic JSON writer: keys in the order written, fixed number
/// formatting, and a layout that diffs well.
///
/// Containers are either multi-line (one member per line, indented by two
/// spaces) or inline (`{"id": "a", "cores": 4}` on one line). Canonical files
/// use multi-line containers at the top and inline objects per node, link or
/// task, so each element is one line.
///
/// ```swift
/// let writer = JSONWriter()
/// writer.beginObject()
/// writer.key("name"); writer.string("demo")
/// writer.endObject()
/// print(writer.text)   // {\n  "name": "demo"\n}
/// ```
///
/// Values go straight into one growable byte buffer: integers and the common
/// doubles are formatted in place and strings are copied in runs, so writing a
/// value allocates nothing (a million-node topology is written at disk speed).
public final class JSONWriter {
    /// How a container lays out its members.
    public enum Layout: Sendable {
        case multiline
        case inline
    }

    private struct Frame {
        var layout: Layout
        var count: Int
    }

    private var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    private var count = 0
    private var frames: [Frame] = []
    private var pendingKey = false
    private var labelScratch: [(key: String, value: String)] = []
    private let output: OutputFile?

    static let flushThreshold = 64 * 1024

    /// A writer that keeps the text in memory (`text`, `data`).
    public init() {
        output = nil
        capacity = 4096
        buffer = .allocate(capacity: capacity)
        frames.reserveCapacity(8)
    }

    /// A writer that streams into `output` (call `finish()` before committing it).
    public init(output: OutputFile) {
        self.output = output
        capacity = Self.flushThreshold + 16 * 1024
        buffer = .allocate(capacity: capacity)
        frames.reserveCapacity(8)
    }

    deinit {
        buffer.deallocate()
    }

    /// The text written so far (in-memory writers).
    public var text: String {
        String(decoding: UnsafeBufferPointer(start: buffer, count: count), as: UTF8.self)
    }

    /// The bytes written so far (in-memory writers).
    public var data: [UInt8] { Array(UnsafeBufferPointer(start: buffer, count: count)) }

    // MARK: - Containers

    /// Starts an object, as a value or as the value of the pending key.
    public func beginObject(_ layout: Layout = .multiline) {
        beforeValue()
        appendByte(UInt8(ascii: "{"))
        frames.append(Frame(layout: effectiveLayout(layout), count: 0))
    }

    /// Ends the innermost object.
    public func endObject() {
        endContainer(closing: UInt8(ascii: "}"))
    }

    /// Starts an array.
    public func beginArray(_ layout: Layout = .multiline) {
        beforeValue()
        appendByte(UInt8(ascii: "["))
        frames.append(Frame(layout: effectiveLayout(layout), count: 0))
    }

    /// Ends the innermost array.
    public func endArray() {
        endContainer(closing: UInt8(ascii: "]"))
    }

    /// Writes an object key; the next call writes its value.
    public func key(_ name: String) {
        beforeMember()
        appendQuoted(name)
        reserve(2)
        buffer[count] = UInt8(ascii: ":")
        buffer[count + 1] = UInt8(ascii: " ")
        count += 2
        pendingKey = true
    }

    // MARK: - Values

    /// Writes a string value.
    public func string(_ value: String) {
        beforeValue()
        appendQuoted(value)
    }

    /// Writes an integer value.
    public func integer(_ value: Int64) {
        beforeValue()
        reserve(NumberFormatting.maximumIntegerLength)
        count += NumberFormatting.write(value, to: buffer + count)
    }

    /// Writes an integer value.
    public func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// Writes a double in Swift's shortest round-trip form (`0.5`, `250.0`,
    /// `1e-05`). Non-finite values have no JSON form; they are written as
    /// `null`, and validation rejects them before writing in canonical files.
    public func number(_ value: Double) {
        beforeValue()
        guard value.isFinite else {
            appendASCII("null")
            return
        }
        reserve(NumberFormatting.maximumFastDoubleLength)
        if let length = NumberFormatting.writeFast(value, to: buffer + count) {
            count += length
        } else {
            appendASCII(value.description)
        }
    }

    /// Writes `true` or `false`.
    public func bool(_ value: Bool) {
        beforeValue()
        appendASCII(value ? "true" : "false")
    }

    /// Writes `null`.
    public func null() {
        beforeValue()
        appendASCII("null")
    }

    /// Writes a string-to-string map with keys sorted, as an inline object.
    ///
    /// - Complexity: O(n^2) comparisons for n entries (insertion sort: label
    ///   maps are small), no allocation once the writer has warmed up.
    public func stringMap(_ map: [String: String]) {
        labelScratch.removeAll(keepingCapacity: true)
        for entry in map {
            var index = labelScratch.count
            labelScratch.append(entry)
            while index > 0 && entry.key < labelScratch[index - 1].key {
                labelScratch[index] = labelScratch[index - 1]
                index -= 1
            }
            labelScratch[index] = entry
        }
        beginObject(.inline)
        for entry in labelScratch {
            key(entry.key)
            string(entry.value)
        }
        endObject()
        labelScratch.removeAll(keepingCapacity: true)
    }

    // MARK: - Output

    /// Writes pending bytes to the output file (streaming writers); adds a final
    /// newline. Does not commit the output.
    public func finish() throws(StreamingIOError) {
        appendByte(UInt8(ascii: "\n"))
        try flush()
    }

    /// Hands buffered bytes to the output file (streaming writers only).
    public func flush() throws(StreamingIOError) {
        guard let output, count > 0 else { return }
        try output.write(UnsafeRawBufferPointer(start: buffer, count: count))
        count = 0
    }

    /// Flushes when the buffer is large; call between elements of long arrays.
    public func flushIfNeeded() throws(StreamingIOError) {
        if output != nil && count >= Self.flushThreshold { try flush() }
    }

    // MARK: - Layout

    private func effectiveLayout(_ requested: Layout) -> Layout {
        // Inside an inline container everything stays inline.
        if let last = frames.last, last.layout == .inline { return .inline }
        return requested
    }

    @inline(__always)
    private func beforeMember() {
        let top = frames.count - 1
        guard top >= 0 else { return }
        let frame = frames[top]
        switch frame.layout {
        case .multiline:
            if frame.count > 0 { appendByte(UInt8(ascii: ",")) }
            newline(indent: top + 1)
        case .inline:
            if frame.count > 0 {
                reserve(2)
                buffer[count] = UInt8(ascii: ",")
                buffer[count + 1] = UInt8(ascii: " ")
                count += 2
            }
        }
        frames[top].count = frame.count + 1
    }

    @inline(__always)
    private func beforeValue() {
        if pendingKey {
            pendingKey = false
            return
        }
        beforeMember()
    }

    private func endContainer(closing: UInt8) {
        guard let frame = frames.popLast() else { return }
        if frame.layout == .multiline && frame.count > 0 {
            newline(indent: frames.count)
        }
        appendByte(closing)
    }

    private func newline(indent: Int) {
        let width = indent * 2
        reserve(width + 1)
        buffer[count] = UInt8(ascii: "\n")
        (buffer + count + 1).initialize(repeating: UInt8(ascii: " "), count: width)
        count += width + 1
    }

    // MARK: - Bytes

    /// Makes room for `extra` more bytes.
    @inline(__always)
    private func reserve(_ extra: Int) {
        if capacity - count < extra { grow(minimum: count + extra) }
    }

    private func grow(minimum: Int) {
        var newCapacity = capacity * 2
        while newCapacity < minimum { newCapacity *= 2 }
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    @inline(__always)
    private func appendByte(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    private func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in appendRaw(utf8) }
    }

    @inline(__always)
    private func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    private func appendQuoted(_ text: String) {
        var text = text
        text.withUTF8 { utf8 in
            // Worst case every byte becomes a 6-byte \u00XX escape.
            reserve(utf8.count * 6 + 2)
            buffer[count] = UInt8(ascii: "\"")
            count += 1
            var runStart = 0
            for index in 0..<utf8.count {
                let byte = utf8[index]
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                if index > runStart {
                    appendRaw(UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
                }
                appendEscape(byte)
                runStart = index + 1
            }
            if utf8.count > runStart {
                appendRaw(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count]))
            }
            buffer[count] = UInt8(ascii: "\"")
            count += 1
        }
    }

    private func appendEscape(_ byte: UInt8) {
        let escaped: UInt8
        switch byte {
        case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
        case 0x0A: escaped = UInt8(ascii: "n")
        case 0x0D: escaped = UInt8(ascii: "r")
        case 0x09: escaped = UInt8(ascii: "t")
        default:
            let hex: StaticString = "0123456789abcdef"
            let digits = hex.utf8Start
            buffer[count] = 0x5C
            buffer[count + 1] = UInt8(ascii: "u")
            buffer[count + 2] = 0x30
            buffer[count + 3] = 0x30
            buffer[count + 4] = digits[Int(byte >> 4)]
            buffer[count + 5] = digits[Int(byte & 0xF)]
            count += 6
            return
        }
        buffer[count] = 0x5C
        buffer[count + 1] = escaped
        count += 2
    }
}
