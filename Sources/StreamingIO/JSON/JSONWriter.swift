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
public final class JSONWriter {
    /// How a container lays out its members.
    public enum Layout: Sendable {
        case multiline
        case inline
    }

    private struct Frame {
        var layout: Layout
        var count: Int
        var isObject: Bool
    }

    private var bytes: [UInt8] = []
    private var frames: [Frame] = []
    private var pendingKey = false
    private let output: OutputFile?

    /// A writer that keeps the text in memory (`text`, `data`).
    public init() {
        output = nil
        bytes.reserveCapacity(4096)
    }

    /// A writer that streams into `output` (call `finish()` before committing it).
    public init(output: OutputFile) {
        self.output = output
        bytes.reserveCapacity(64 * 1024)
    }

    /// The text written so far (in-memory writers).
    public var text: String { String(decoding: bytes, as: UTF8.self) }

    /// The bytes written so far (in-memory writers).
    public var data: [UInt8] { bytes }

    // MARK: - Containers

    /// Starts an object, as a value or as the value of the pending key.
    public func beginObject(_ layout: Layout = .multiline) {
        beforeValue()
        bytes.append(UInt8(ascii: "{"))
        frames.append(Frame(layout: effectiveLayout(layout), count: 0, isObject: true))
    }

    /// Ends the innermost object.
    public func endObject() {
        endContainer(closing: UInt8(ascii: "}"))
    }

    /// Starts an array.
    public func beginArray(_ layout: Layout = .multiline) {
        beforeValue()
        bytes.append(UInt8(ascii: "["))
        frames.append(Frame(layout: effectiveLayout(layout), count: 0, isObject: false))
    }

    /// Ends the innermost array.
    public func endArray() {
        endContainer(closing: UInt8(ascii: "]"))
    }

    /// Writes an object key; the next call writes its value.
    public func key(_ name: String) {
        beforeMember()
        appendQuoted(name)
        bytes.append(UInt8(ascii: ":"))
        bytes.append(UInt8(ascii: " "))
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
        bytes.append(contentsOf: Array(String(value).utf8))
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
            bytes.append(contentsOf: Array("null".utf8))
            return
        }
        bytes.append(contentsOf: Array(value.description.utf8))
    }

    /// Writes `true` or `false`.
    public func bool(_ value: Bool) {
        beforeValue()
        bytes.append(contentsOf: Array((value ? "true" : "false").utf8))
    }

    /// Writes `null`.
    public func null() {
        beforeValue()
        bytes.append(contentsOf: Array("null".utf8))
    }

    /// Writes a string-to-string map with keys sorted, as an inline object.
    public func stringMap(_ map: [String: String]) {
        beginObject(.inline)
        for key in map.keys.sorted() {
            self.key(key)
            string(map[key]!)
        }
        endObject()
    }

    // MARK: - Output

    /// Writes pending bytes to the output file (streaming writers); adds a final
    /// newline. Does not commit the output.
    public func finish() throws(StreamingIOError) {
        bytes.append(UInt8(ascii: "\n"))
        try flush()
    }

    /// Hands buffered bytes to the output file (streaming writers only).
    public func flush() throws(StreamingIOError) {
        guard let output, !bytes.isEmpty else { return }
        try output.write(bytes)
        bytes.removeAll(keepingCapacity: true)
    }

    /// Flushes when the buffer is large; call between elements of long arrays.
    public func flushIfNeeded() throws(StreamingIOError) {
        if output != nil && bytes.count >= 64 * 1024 { try flush() }
    }

    // MARK: - Layout

    private func effectiveLayout(_ requested: Layout) -> Layout {
        // Inside an inline container everything stays inline.
        if let last = frames.last, last.layout == .inline { return .inline }
        return requested
    }

    private func beforeMember() {
        guard var frame = frames.popLast() else { return }
        if frame.count > 0 { bytes.append(UInt8(ascii: ",")) }
        switch frame.layout {
        case .multiline:
            newline(indent: frames.count + 1)
        case .inline:
            if frame.count > 0 { bytes.append(UInt8(ascii: " ")) }
        }
        frame.count += 1
        frames.append(frame)
    }

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
        bytes.append(closing)
    }

    private func newline(indent: Int) {
        bytes.append(UInt8(ascii: "\n"))
        for _ in 0..<(indent * 2) { bytes.append(UInt8(ascii: " ")) }
    }

    private func appendQuoted(_ text: String) {
        bytes.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): bytes.append(contentsOf: [0x5C, 0x22])
            case UInt8(ascii: "\\"): bytes.append(contentsOf: [0x5C, 0x5C])
            case 0x0A: bytes.append(contentsOf: [0x5C, UInt8(ascii: "n")])
            case 0x0D: bytes.append(contentsOf: [0x5C, UInt8(ascii: "r")])
            case 0x09: bytes.append(contentsOf: [0x5C, UInt8(ascii: "t")])
            case 0..<0x20:
                let hex = Array("0123456789abcdef".utf8)
                bytes.append(contentsOf: [0x5C, UInt8(ascii: "u"), 0x30, 0x30, hex[Int(byte >> 4)], hex[Int(byte & 0xF)]])
            default: bytes.append(byte)
            }
        }
        bytes.append(UInt8(ascii: "\""))
    }
}
