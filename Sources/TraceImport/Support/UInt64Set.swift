/// A set of 64-bit values with open addressing and linear probing, for the
/// hot per-row membership tests (distinct jobs, finished tasks).
///
/// Unlike `Set<UInt64>`, hashing is a fixed multiply-shift (no per-process
/// seed, no SipHash), memory is one word per slot at most 50 % load, and the
/// slots live in manually managed memory (no exclusivity or uniqueness checks
/// per call).
final class UInt64Set {
    private var slots: UnsafeMutablePointer<UInt64>
    private var capacity: Int
    private var containsZero = false
    /// The number of values in the set.
    private(set) var count = 0

    init(minimumCapacity: Int = 1024) {
        var capacity = 16
        while capacity < minimumCapacity * 2 { capacity *= 2 }
        self.capacity = capacity
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
    }

    deinit {
        slots.deallocate()
    }

    @inline(__always)
    private static func home(_ value: UInt64, mask: Int) -> Int {
        Int(truncatingIfNeeded: (value &* 0x9E37_79B9_7F4A_7C15) >> 20) & mask
    }

    /// Inserts `value`; returns true when it was not there before.
    @discardableResult
    @inline(__always)
    func insert(_ value: UInt64) -> Bool {
        if value == 0 {
            defer { containsZero = true }
            if !containsZero { count += 1 }
            return !containsZero
        }
        let slots = self.slots
        let mask = capacity - 1
        var index = Self.home(value, mask: mask)
        while true {
            let slot = slots[index]
            if slot == value { return false }
            if slot == 0 { break }
            index = (index + 1) & mask
        }
        slots[index] = value
        count += 1
        if count * 2 > capacity { grow() }
        return true
    }

    /// True when `value` is in the set.
    @inline(__always)
    func contains(_ value: UInt64) -> Bool {
        if value == 0 { return containsZero }
        let slots = self.slots
        let mask = capacity - 1
        var index = Self.home(value, mask: mask)
        while true {
            let slot = slots[index]
            if slot == value { return true }
            if slot == 0 { return false }
            index = (index + 1) & mask
        }
    }

    private func grow() {
        let old = slots
        let oldCapacity = capacity
        capacity *= 2
        slots = .allocate(capacity: capacity)
        slots.initialize(repeating: 0, count: capacity)
        let mask = capacity - 1
        for position in 0..<oldCapacity where old[position] != 0 {
            var index = Self.home(old[position], mask: mask)
            while slots[index] != 0 { index = (index + 1) & mask }
            slots[index] = old[position]
        }
        old.deallocate()
    }
}
