/// A stable 64-bit fingerprint of an identifier, so large id sets cost 8 bytes
/// per entry instead of a `String`.
///
/// FNV-1a over the UTF-8 bytes followed by the SplitMix64 finaliser: the same
/// on every run and machine (unlike `Hasher`, which is seeded per process).
/// With 64 bits, a false collision among ten million ids has a probability
/// near 3e-6.
struct IdentifierFingerprint: Hashable {
    let value: UInt64

    init(_ text: String) {
        var text = text
        let hash = text.withUTF8 { bytes -> UInt64 in
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            for byte in bytes {
                hash = (hash ^ UInt64(byte)) &* 0x0000_0100_0000_01b3
            }
            return hash
        }
        value = IdentifierFingerprint.finalize(hash)
    }

    static func finalize(_ input: UInt64) -> UInt64 {
        var z = input
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
