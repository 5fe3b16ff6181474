/// An open-addressing hash index from byte strings to element numbers, used
/// for node ids (100k+ lookups per file) and edge ids without creating a
/// `String` per lookup.
///
/// The index stores only element numbers and hashes; the bytes of element `n`
/// come from the caller's id column, so the index costs 8 bytes per slot.
/// Lookups are deterministic (no per-process seeding), and nothing ever
/// iterates the table, so no output depends on its order.
struct TextIndex {
    private var slots: [Int32]
    private var hashes: [UInt32]
    private var mask: Int
    /// Entries stored.
    private(set) var count = 0

    init(expectedCount: Int = 16) {
        var size = 16
        while size < expectedCount * 2 { size *= 2 }
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
    }

    /// A 64-bit hash of `bytes` (8 bytes per step, multiply-xorshift mixing).
    @inline(__always)
    static func hash(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0x9E37_79B9_7F4A_7C15 ^ UInt64(truncatingIfNeeded: bytes.count)
        var index = 0
        let count = bytes.count
        while index + 8 <= count {
            let word = bytes.loadUnaligned(fromByteOffset: index, as: UInt64.self)
            hash = (hash ^ word) &* 0xBF58_476D_1CE4_E5B9
            hash ^= hash >> 31
            index += 8
        }
        if index < count {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            while index < count {
                tail |= UInt64(bytes[index]) << shift
                shift += 8
                index += 1
            }
            hash = (hash ^ tail) &* 0x94D0_49BB_1331_11EB
            hash ^= hash >> 29
        }
        hash = (hash ^ (hash >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }

    /// The element whose id equals `bytes`, if any.
    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer, hash: UInt64, ids: [TextRef], arena: TextArena) -> Int32? {
        let shortHash = UInt32(truncatingIfNeeded: hash)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let element = slots[slot]
            if element < 0 { return nil }
            if hashes[slot] == shortHash && arena.equals(ids[Int(element)], bytes) { return element }
            slot = (slot + 1) & mask
        }
    }

    /// Records `element` under `hash`; the caller has checked it is not present.
    mutating func insert(_ element: Int32, hash: UInt64) {
        if (count + 1) * 4 > slots.count * 3 { grow() }
        place(element, hash: UInt32(truncatingIfNeeded: hash), start: Int(truncatingIfNeeded: hash))
        count += 1
    }

    private mutating func place(_ element: Int32, hash: UInt32, start: Int) {
        var slot = start & mask
        while slots[slot] >= 0 { slot = (slot + 1) & mask }
        slots[slot] = element
        hashes[slot] = hash
    }

    private mutating func grow() {
        // Rehash needs the full hash; recompute from the stored 32 bits is not
        // possible, so keep the low 32 bits as the probe start (enough for
        // tables below 2^32 slots).
        let oldSlots = slots
        let oldHashes = hashes
        let size = slots.count * 2
        slots = Array(repeating: -1, count: size)
        hashes = Array(repeating: 0, count: size)
        mask = size - 1
        for index in 0..<oldSlots.count where oldSlots[index] >= 0 {
            place(oldSlots[index], hash: oldHashes[index], start: Int(oldHashes[index]))
        }
    }
}
