/// The attributes of a start tag, as encoded in an event chunk: per
/// attribute a qualified flag, a pointer to the NUL-terminated local name
/// (interned by libxml2) and the value (borrowed views, valid while the chunk
/// lives). No allocation per element.
struct XMLAttributes {
    let encoded: UnsafeRawBufferPointer
    let count: Int

    /// The value of the unqualified attribute `name`, if present.
    @inline(__always)
    func value(_ name: StaticString) -> UnsafeRawBufferPointer? {
        var offset = 0
        let wanted = name.utf8CodeUnitCount
        let pointerSize = MemoryLayout<UInt>.size
        for _ in 0..<count {
            let isQualified = encoded[offset] != 0
            let local = UnsafePointer<UInt8>(bitPattern: encoded.loadUnaligned(fromByteOffset: offset &+ 1, as: UInt.self))
            let valueLength = Int(encoded.loadUnaligned(fromByteOffset: offset &+ 1 &+ pointerSize, as: UInt32.self))
            let valueStart = offset &+ 5 &+ pointerSize
            offset = valueStart &+ valueLength
            if !isQualified, let local, memcmp(local, name.utf8Start, wanted) == 0 && local[wanted] == 0 {
                return UnsafeRawBufferPointer(rebasing: encoded[valueStart..<offset])
            }
        }
        return nil
    }

    /// True when `raw` may hold the `&#38;` that `withDecoded` decodes.
    @inline(__always)
    static func needsDecoding(_ raw: UnsafeRawBufferPointer) -> Bool {
        raw.count >= 5 && raw.contains(UInt8(ascii: "&"))
    }

    /// Calls `body` with the attribute's value, decoding the `&#38;` libxml2
    /// leaves for an escaped ampersand when entities are not substituted.
    static func withDecoded<Result>(
        _ raw: UnsafeRawBufferPointer, _ body: (UnsafeRawBufferPointer) throws(TopologyImportError) -> Result
    ) throws(TopologyImportError) -> Result {
        guard needsDecoding(raw) else { return try body(raw) }
        var decoded: [UInt8] = []
        decoded.reserveCapacity(raw.count)
        var index = 0
        while index < raw.count {
            if raw[index] == UInt8(ascii: "&") && index + 5 <= raw.count
                && ValueParsing.equals(UnsafeRawBufferPointer(rebasing: raw[index..<(index + 5)]), "&#38;")
            {
                decoded.append(UInt8(ascii: "&"))
                index += 5
            } else {
                decoded.append(raw[index])
                index += 1
            }
        }
        return try decoded.withBytes(body)
    }
}

#if canImport(Glibc)
import Glibc
#endif
