/// An open-addressing hash index from byte strings to element numbers, used
/// for node ids (600k lookups for a 300k-edge file), edge ids and key ids
/// without creating a `String` per lookup.
///
/// Each 16-byte slot holds the key's first 8 bytes, a tag (hash bits and
/// length) and the element number, so ids of up to 8 bytes (`n12345`, `d3`)
/// are matched with one cache line and no trip to the text; longer ids are
/// confirmed against the arena. Lookups are deterministic (no per-process
/// seed), and nothing iterates the table, so no output depends on its order.
final class TextIndex {
    private struct Slot {
        var prefix: UInt64
        var tag: UInt32
        var element: Int32
    }

    @exclusivity(unchecked) private var slots: UnsafeMutablePointer<Slot>
    @exclusivity(unchecked) private var mask: Int
    /// The text of each element, for long keys and rehashing.
    @exclusivity(unchecked) private var references: UnsafeMutablePointer<TextRef>
    @exclusivity(unchecked) private var referenceCapacity: Int
    /// Entries stored.
    @exclusivity(unchecked) private(set) var count = 0

    init(expectedCount: Int = 16) {
        var size = 16
        while size < expectedCount * 2 { size *= 2 }
        slots = Self.emptySlots(size)
        mask = size - 1
        referenceCapacity = max(16, expectedCount)
        references = UnsafeMutablePointer<TextRef>.allocate(capacity: referenceCapacity)
    }

    deinit {
        slots.deallocate()
        references.deallocate()
    }

    private static func emptySlots(_ size: Int) -> UnsafeMutablePointer<Slot> {
        let slots = UnsafeMutablePointer<Slot>.allocate(capacity: size)
        slots.initialize(repeating: Slot(prefix: 0, tag: 0, element: -1), count: size)
        return slots
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
            hash = (hash ^ tail(bytes, from: index)) &* 0x94D0_49BB_1331_11EB
            hash ^= hash >> 29
        }
        hash = (hash ^ (hash >> 32)) &* 0xD6E8_FEB8_6659_FD93
        return hash ^ (hash >> 32)
    }

    /// Up to 8 bytes from `start`, little-endian, zero-padded.
    @inline(__always)
    private static func tail(_ bytes: UnsafeRawBufferPointer, from start: Int) -> UInt64 {
        var value: UInt64 = 0
        var shift: UInt64 = 0
        var index = start
        let end = min(bytes.count, start + 8)
        while index < end {
            value |= UInt64(bytes[index]) << shift
            shift &+= 8
            index += 1
        }
        return value
    }

    @inline(__always)
    private static func prefix(_ bytes: UnsafeRawBufferPointer) -> UInt64 {
        bytes.count >= 8 ? bytes.loadUnaligned(fromByteOffset: 0, as: UInt64.self) : tail(bytes, from: 0)
    }

    @inline(__always)
    private static func tag(_ hash: UInt64, length: Int) -> UInt32 {
        UInt32(truncatingIfNeeded: hash >> 40) << 8 | UInt32(truncatingIfNeeded: min(length, 255))
    }

    /// The element whose key equals `bytes`, if any.
    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer, hash: UInt64, arena: TextArena) -> Int32? {
        let wantedPrefix = Self.prefix(bytes)
        let wantedTag = Self.tag(hash, length: bytes.count)
        var slot = Int(truncatingIfNeeded: hash) & mask
        while true {
            let entry = slots[slot]
            if entry.element < 0 { return nil }
            if entry.tag == wantedTag && entry.prefix == wantedPrefix
                && (bytes.count <= 8 || arena.equals(references[Int(entry.element)], bytes))
            {
                return entry.element
            }
            slot = (slot &+ 1) & mask
        }
    }

    /// Records `element` (whose text is `reference`, equal to `bytes`); the
    /// caller has checked the key is not present.
    func insert(_ element: Int32, reference: TextRef, bytes: UnsafeRawBufferPointer, hash: UInt64, arena: TextArena) {
        if (count + 1) * 4 > (mask + 1) * 3 { grow(arena: arena) }
        let index = Int(element)
        if index >= referenceCapacity {
            var capacity = referenceCapacity
            while capacity <= index { capacity *= 2 }
            let moved = UnsafeMutablePointer<TextRef>.allocate(capacity: capacity)
            moved.moveInitialize(from: references, count: referenceCapacity)
            references.deallocate()
            references = moved
            referenceCapacity = capacity
        }
        references[index] = reference
        place(Slot(prefix: Self.prefix(bytes), tag: Self.tag(hash, length: bytes.count), element: element), hash: hash)
        count += 1
    }

    private func place(_ entry: Slot, hash: UInt64) {
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot].element >= 0 { slot = (slot &+ 1) & mask }
        slots[slot] = entry
    }

    private func grow(arena: TextArena) {
        let oldSlots = slots
        let oldSize = mask + 1
        slots = Self.emptySlots(oldSize * 2)
        mask = oldSize * 2 - 1
        for index in 0..<oldSize where oldSlots[index].element >= 0 {
            let entry = oldSlots[index]
            place(entry, hash: Self.hash(arena.bytes(references[Int(entry.element)])))
        }
        oldSlots.deallocate()
    }
}
