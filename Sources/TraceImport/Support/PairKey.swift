/// A 64-bit key for a pair of integers (job, task): exact when the job fits
/// in 39 bits and the task in 24 (every id in the published traces), a 63-bit
/// fingerprint otherwise. Never 0.
enum PairKey {
    @inline(__always)
    static func make(_ first: Int64, _ second: Int64) -> UInt64 {
        if first >= 0 && first < 1 << 39 && second >= 0 && second < 1 << 24 {
            return (UInt64(first) << 24 | UInt64(second)) &+ 1
        }
        return (1 << 63) | (ByteFingerprint.combine(ByteFingerprint.of(first), ByteFingerprint.of(second)) >> 1)
    }
}
