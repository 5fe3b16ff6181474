/// Append-only storage for the text of a graph: ids, attribute values, names.
///
/// Values are addressed by `TextRef`s, so a million attribute values cost one
/// growing buffer instead of a million `String`s. A borrowed view of a value is
/// valid only until the next append (the buffer may move).
final class TextArena {
    @exclusivity(unchecked) private var buffer: GrowableBytes
    private var storage: UnsafeMutableRawPointer { buffer.storage }
    /// Bytes stored so far.
    var count: Int { buffer.count }

    init(capacity: Int = 64 * 1024) {
        buffer = GrowableBytes(capacity: capacity)
    }

    deinit {
        buffer.deallocate()
    }

    /// Stores `bytes` and returns their reference.
    ///
    /// - Precondition: `bytes.count <= TextRef.maximumLength`: readers check
    ///   input values first and report longer ones as errors (libxml2 caps
    ///   XML text at 10 MB; the JSON readers check), so no input reaches this
    ///   with more.
    func append(_ bytes: UnsafeRawBufferPointer) -> TextRef {
        let reference = TextRef(offset: count, length: bytes.count)
        buffer.append(bytes)
        return reference
    }

    /// Stores the UTF-8 bytes of `text`.
    func append(_ text: String) -> TextRef {
        var text = text
        return text.withUTF8 { append(UnsafeRawBufferPointer($0)) }
    }

    /// Calls `body` with the bytes of `reference` (empty for `absent`).
    @inline(__always)
    func withBytes<Result>(_ reference: TextRef, _ body: (UnsafeRawBufferPointer) throws -> Result) rethrows -> Result {
        guard reference.isPresent else { return try body(UnsafeRawBufferPointer(start: nil, count: 0)) }
        return try body(UnsafeRawBufferPointer(start: storage + reference.offset, count: reference.length))
    }

    /// The bytes of `reference`, valid until the next append.
    @inline(__always)
    func bytes(_ reference: TextRef) -> UnsafeRawBufferPointer {
        guard reference.isPresent else { return UnsafeRawBufferPointer(start: nil, count: 0) }
        return UnsafeRawBufferPointer(start: storage + reference.offset, count: reference.length)
    }

    /// The value as a `String` (empty for `absent`).
    func string(_ reference: TextRef) -> String {
        withBytes(reference) { String(decoding: $0, as: UTF8.self) }
    }

    /// True when the value's bytes equal `other`.
    @inline(__always)
    func equals(_ reference: TextRef, _ other: UnsafeRawBufferPointer) -> Bool {
        guard reference.isPresent, reference.length == other.count else { return false }
        if other.count == 0 { return true }
        return memcmp(storage + reference.offset, other.baseAddress!, other.count) == 0
    }
}

#if canImport(Glibc)
import Glibc
#endif
