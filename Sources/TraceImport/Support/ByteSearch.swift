#if canImport(Glibc)
import Glibc
#endif

/// Byte searches over borrowed buffers (memchr, no per-byte iterator).
enum ByteSearch {
    /// True when `byte` occurs in `bytes`.
    @inline(__always)
    static func contains(_ bytes: UnsafeRawBufferPointer, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }
}
