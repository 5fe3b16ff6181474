/// A stable 64-bit fingerprint of a task or job identifier: FNV-1a over the
/// UTF-8 bytes, then the SplitMix64 finaliser (the same on every run and
/// machine, unlike `Hasher`, which is seeded per process).
enum Fingerprint {
    static func of(_ text: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return finish(hash)
    }

    /// The fingerprint of UTF-8 bytes (equal to `of(_:)` of the same text).
    static func of(bytes: UnsafeRawBufferPointer) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return finish(hash)
    }

    private static func finish(_ hash: UInt64) -> UInt64 {
        var z = hash
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        z ^= z >> 31
        return z == 0 ? 1 : z  // 0 marks an empty slot in `FingerprintTable`
    }
}

/// An open-addressing map from fingerprints to task slots (linear probing,
/// backward-shift deletion). Fingerprints are already well mixed, so they
/// index the table directly; no hashing happens per lookup.
///
/// Used for the tasks in flight (dependencies name their predecessors by id)
/// and for failed tasks whose dependents may still arrive. Keys are never 0.
///
/// - Complexity: expected O(1) per operation at a load factor of at most 1/2.
struct FingerprintTable {
    private var keys: [UInt64]
    private var values: [Int32]
    private var mask: Int
    private(set) var count = 0

    init(minimumCapacity: Int = 64) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity <<= 1 }
        keys = Array(repeating: 0, count: capacity)
        values = Array(repeating: 0, count: capacity)
        mask = capacity - 1
    }

    /// Removes every entry, keeping the capacity.
    mutating func removeAll() {
        guard count > 0 else { return }
        for index in keys.indices { keys[index] = 0 }
        count = 0
    }

    /// The value stored for `key`, or nil.
    func value(for key: UInt64) -> Int32? {
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[index]
            if found == key { return values[index] }
            if found == 0 { return nil }
            index = (index + 1) & mask
        }
    }

    /// Whether `key` is present.
    func contains(_ key: UInt64) -> Bool {
        value(for: key) != nil
    }

    /// Stores `value` for `key`, replacing an existing value.
    mutating func set(_ value: Int32, for key: UInt64) {
        if (count + 1) * 2 > keys.count { grow() }
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[index]
            if found == key {
                values[index] = value
                return
            }
            if found == 0 {
                keys[index] = key
                values[index] = value
                count += 1
                return
            }
            index = (index + 1) & mask
        }
    }

    /// Removes `key` if present.
    mutating func remove(_ key: UInt64) {
        var index = Int(truncatingIfNeeded: key) & mask
        while true {
            let found = keys[index]
            if found == 0 { return }
            if found == key { break }
            index = (index + 1) & mask
        }
        // Backward-shift deletion keeps every probe sequence unbroken.
        var hole = index
        var next = (hole + 1) & mask
        while keys[next] != 0 {
            let home = Int(truncatingIfNeeded: keys[next]) & mask
            // Move the entry into the hole unless its home lies cyclically in (hole, next].
            let distanceToNext = (next - home) & mask
            let distanceToHole = (hole - home) & mask
            if distanceToHole < distanceToNext {
                keys[hole] = keys[next]
                values[hole] = values[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        keys[hole] = 0
        count -= 1
    }

    private mutating func grow() {
        let oldKeys = keys
        let oldValues = values
        keys = Array(repeating: 0, count: oldKeys.count * 2)
        values = Array(repeating: 0, count: oldKeys.count * 2)
        mask = keys.count - 1
        count = 0
        for index in oldKeys.indices where oldKeys[index] != 0 {
            set(oldValues[index], for: oldKeys[index])
        }
    }
}
