/// A hash table from identifiers to their first index, for validating large
/// topologies: open addressing with a 64-bit FNV-1a hash of the UTF-8 bytes.
///
/// `Dictionary<String, Int>` hashes with per-process-seeded SipHash, which
/// dominated validating a million-node topology; this table hashes each id once
/// with a cheap function, keeps hash, index and key in one slot (one cache line
/// per probe) and compares strings only on a full hash match. It never
/// iterates, so its order cannot leak into any output.
struct IdentifierTable {
    private struct Slot {
        var hash: UInt64
        var index: Int32
        var key: String
    }

    private var slots: [Slot]
    private var mask: Int
    private(set) var count = 0

    /// A table with room for `capacity` identifiers (it grows if needed).
    init(capacity: Int) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        slots = [Slot](repeating: Slot(hash: 0, index: -1, key: ""), count: size)
        mask = size - 1
    }

    /// Records `key` at `index` unless it is already present.
    ///
    /// - Returns: The index recorded first, when `key` was already present.
    mutating func insert(_ key: String, index: Int) -> Int? {
        if count * 2 >= slots.count { grow() }
        let hash = Self.hash(key)
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position].index >= 0 {
            if slots[position].hash == hash && slots[position].key == key { return Int(slots[position].index) }
            position = (position + 1) & mask
        }
        slots[position] = Slot(hash: hash, index: Int32(truncatingIfNeeded: index), key: key)
        count += 1
        return nil
    }

    /// The index recorded for `key`, or nil when it is absent.
    subscript(key: String) -> Int? {
        let hash = Self.hash(key)
        var position = Int(truncatingIfNeeded: hash) & mask
        while slots[position].index >= 0 {
            if slots[position].hash == hash && slots[position].key == key { return Int(slots[position].index) }
            position = (position + 1) & mask
        }
        return nil
    }

    /// Whether `key` is present.
    func contains(_ key: String) -> Bool {
        self[key] != nil
    }

    private mutating func grow() {
        var bigger = IdentifierTable(capacity: slots.count)
        for slot in slots where slot.index >= 0 {
            _ = bigger.insert(slot.key, index: Int(slot.index))
        }
        self = bigger
    }

    /// The identifier's stable fingerprint (FNV-1a, SplitMix64 finaliser).
    static func hash(_ key: String) -> UInt64 {
        IdentifierFingerprint(key).value
    }
}
