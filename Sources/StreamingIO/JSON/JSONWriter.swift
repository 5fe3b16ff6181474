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
/// doubles are formatted in place, strings are copied in runs, and a label map
/// shared by many elements is encoded once. Writing a value allocates nothing,
/// so a million-node topology is written at close to disk speed.
public final class JSONWriter {
    /// How a container lays out its members.
    public enum Layout: Sendable {
        case multiline
        case inline
    }

    // The mutable state lives behind a pointer: stored properties of a class
    // pay a dynamic exclusivity check on every access, which on this path cost
    // more than the formatting itself.
    private let sink: UnsafeMutablePointer<JSONByteSink>
    private let output: OutputFile?

    static let flushThreshold = 64 * 1024

    /// A writer that keeps the text in memory (`text`, `data`).
    public init() {
        output = nil
        sink = .allocate(capacity: 1)
        sink.initialize(to: JSONByteSink(capacity: 4096))
    }

    /// A writer that streams into `output` (call `finish()` before committing it).
    public init(output: OutputFile) {
        self.output = output
        sink = .allocate(capacity: 1)
        sink.initialize(to: JSONByteSink(capacity: Self.flushThreshold + 16 * 1024))
    }

    deinit {
        sink.pointee.release()
        sink.deinitialize(count: 1)
        sink.deallocate()
    }

    /// The text written so far (in-memory writers).
    public var text: String {
        String(decoding: sink.pointee.bytes, as: UTF8.self)
    }

    /// The bytes written so far (in-memory writers).
    public var data: [UInt8] { Array(sink.pointee.bytes) }

    // MARK: - Containers

    /// Starts an object, as a value or as the value of the pending key.
    public func beginObject(_ layout: Layout = .multiline) {
        sink.pointee.beginContainer(UInt8(ascii: "{"), inline: layout == .inline)
    }

    /// Ends the innermost object.
    public func endObject() {
        sink.pointee.endContainer(UInt8(ascii: "}"))
    }

    /// Starts an array.
    public func beginArray(_ layout: Layout = .multiline) {
        sink.pointee.beginContainer(UInt8(ascii: "["), inline: layout == .inline)
    }

    /// Ends the innermost array.
    public func endArray() {
        sink.pointee.endContainer(UInt8(ascii: "]"))
    }

    /// Writes an object key; the next call writes its value.
    public func key(_ name: String) {
        sink.pointee.key(name)
    }

    // MARK: - Values

    /// Writes a string value.
    public func string(_ value: String) {
        sink.pointee.beforeValue()
        sink.pointee.appendQuoted(value)
    }

    /// Writes an integer value.
    public func integer(_ value: Int64) {
        sink.pointee.beforeValue()
        sink.pointee.appendInteger(value)
    }

    /// Writes an integer value.
    public func integer(_ value: Int) {
        integer(Int64(value))
    }

    /// Writes a double in Swift's shortest round-trip form (`0.5`, `250.0`,
    /// `1e-05`). Non-finite values have no JSON form; they are written as
    /// `null`, and validation rejects them before writing in canonical files.
    public func number(_ value: Double) {
        sink.pointee.beforeValue()
        sink.pointee.appendDouble(value)
    }

    /// Writes `true` or `false`.
    public func bool(_ value: Bool) {
        sink.pointee.beforeValue()
        sink.pointee.appendASCII(value ? "true" : "false")
    }

    /// Writes `null`.
    public func null() {
        sink.pointee.beforeValue()
        sink.pointee.appendASCII("null")
    }

    /// Writes a string-to-string map with keys sorted, as an inline object.
    ///
    /// Maps that share storage (copies of one dictionary, as labels of
    /// generated elements are) are encoded once and then copied.
    ///
    /// - Complexity: O(n^2) key comparisons for n entries (label maps are
    ///   small); O(encoded bytes) for a map seen recently.
    public func stringMap(_ map: [String: String]) {
        sink.pointee.stringMap(map)
    }

    // MARK: - Output

    /// Writes pending bytes to the output file (streaming writers); adds a final
    /// newline. Does not commit the output.
    public func finish() throws(StreamingIOError) {
        sink.pointee.appendByte(UInt8(ascii: "\n"))
        try flush()
    }

    /// Hands buffered bytes to the output file (streaming writers only).
    public func flush() throws(StreamingIOError) {
        guard let output, sink.pointee.count > 0 else { return }
        try output.write(UnsafeRawBufferPointer(sink.pointee.bytes))
        sink.pointee.count = 0
    }

    /// Flushes when the buffer is large; call between elements of long arrays.
    public func flushIfNeeded() throws(StreamingIOError) {
        if output != nil && sink.pointee.count >= Self.flushThreshold { try flush() }
    }
}
