/// A set of 64-bit values with open addressing and linear probing, for the
/// hot per-row membership tests (distinct jobs, finished tasks).
///
/// Unlike `Set<UInt64>`, hashing is a fixed multiply-shift (no per-process
/// seed, no SipHash), and memory is one word per slot at most 50 % load.
struct UInt64Set {
    private var slots: [UInt64]
    private var mask: Int
    private var containsZero = false
    /// The number of values in the set.
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        slots = [UInt64](repeating: 0, count: capacity)
        mask = capacity - 1
    }

    @inline(__always)
    private func home(_ value: UInt64) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Inserts `value`; returns true when it was not there before.
    @discardableResult
    @inline(__always)
    mutating func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { containsZero = true }
            if !containsZero { count += 1 }
            return !containsZero
        }
        var index = home(value)
        while true {
            let slot = slots[index]
            if slot == value { return false }
            if slot == 0 { break }
            index = (index + 1) & mask
        }
        slots[index] = value
        count += 1
        if count * 2 > slots.count { grow() }
        return true
    }

    /// True when `value` is in the set.
    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        var index = home(value)
        while true {
            let slot = slots[index]
            if slot == value { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [UInt64](repeating: 0, count: old.count * 2)
        mask = slots.count - 1
        for value in old where value != 0 {
            var index = home(value)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = value
        }
    }
}
