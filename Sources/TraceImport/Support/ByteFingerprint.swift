/// A 64-bit fingerprint of a byte string: eight bytes at a time through a
/// multiply-xorshift mix, then a SplitMix64 finaliser.
///
/// Swift's `Hasher` is seeded per process, so it cannot decide anything that
/// must be the same on every run (which origin node a user maps to, which
/// jobs a sample keeps). This hash is fixed, fast on short identifiers and
/// well mixed in every bit.
enum ByteFingerprint {
    static let offsetBasis: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The fingerprint of `bytes`.
    @inline(__always)
    static func of(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash = offsetBasis ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        var offset = 0
        while offset + 8 <= bytes.count {
            let word = bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 29
            offset += 8
        }
        var tail: UInt64 = 0
        var shift: UInt64 = 0
        while offset < bytes.count {
            tail |= UInt64(bytes[offset]) << shift
            shift += 8
            offset += 1
        }
        hash = (hash ^ tail) &* prime
        return mix(hash)
    }

    /// The fingerprint of a string's UTF-8 bytes (the same as of its bytes).
    static func of(_ text: String) -> UInt64 {
        var text = text
        return text.withUTF8 { of(UnsafeRawBufferPointer($0)) }
    }

    /// The fingerprint of an integer (its decimal text would give another value;
    /// callers use one or the other consistently).
    @inline(__always)
    static func of(_ value: Int64) -> UInt64 {
        mix(UInt64(bitPattern: value) &+ 0x9E37_79B9_7F4A_7C15)
    }

    /// Combines two fingerprints (order matters).
    @inline(__always)
    static func combine(_ first: UInt64, _ second: UInt64) -> UInt64 {
        mix(first ^ (second &* 0x9E37_79B9_7F4A_7C15) ^ (first >> 29))
    }

    /// SplitMix64's finaliser: a bijection that spreads every input bit.
    @inline(__always)
    static func mix(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
