/// A string stored in a `TextArena`: a byte offset and a length packed into one
/// 64-bit word, so columns of values cost 8 bytes per entry and no allocation.
///
/// 40 bits of offset (1 TiB of text) and 24 bits of length (16 MiB per value).
/// `absent` marks a missing value (no `<data>` for an element).
struct TextRef: Hashable, Sendable {
    var raw: UInt64

    /// The longest value an arena stores, in bytes.
    static let maximumLength = (1 << 24) - 2

    /// No value.
    static let absent = TextRef(raw: .max)

    /// The empty string.
    static let empty = TextRef(raw: 0)

    init(raw: UInt64) {
        self.raw = raw
    }

    init(offset: Int, length: Int) {
        raw = UInt64(truncatingIfNeeded: offset) << 24 | UInt64(truncatingIfNeeded: length)
    }

    var offset: Int { Int(truncatingIfNeeded: raw >> 24) }
    var length: Int { Int(truncatingIfNeeded: raw & 0xFF_FFFF) }
    var isAbsent: Bool { raw == .max }
    var isPresent: Bool { raw != .max }
}
