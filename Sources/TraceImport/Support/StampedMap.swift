/// A map from 64-bit keys to integers, cleared in O(1) (a generation stamp per
/// slot), for per-job lookups that are rebuilt for every job: no hashing
/// through `Hasher`, no allocation once grown.
struct StampedMap {
    private var keys: [UInt64] = []
    private var values: [Int] = []
    private var stamps: [UInt32] = []
    private var stamp: UInt32 = 1
    private var count = 0

    /// Empties the map (keeps its storage).
    mutating func removeAll() {
        count = 0
        stamp &+= 1
        if stamp == 0 {
            for index in stamps.indices { stamps[index] = 0 }
            stamp = 1
        }
    }

    @inline(__always)
    private func slot(for key: UInt64) -> Int {
        Int(truncatingIfNeeded: ByteFingerprint.mix(key)) & (keys.count - 1)
    }

    /// The value for `key`, if present.
    @inline(__always)
    func value(for key: UInt64) -> Int? {
        guard !keys.isEmpty else { return nil }
        var index = slot(for: key)
        while stamps[index] == stamp {
            if keys[index] == key { return values[index] }
            index = (index + 1) & (keys.count - 1)
        }
        return nil
    }

    /// Sets `key` to `value` unless it is present; returns the value now stored.
    @discardableResult
    mutating func insertIfAbsent(_ key: UInt64, _ value: Int) -> Int {
        if (count + 1) * 2 > keys.count { grow() }
        var index = slot(for: key)
        while stamps[index] == stamp {
            if keys[index] == key { return values[index] }
            index = (index + 1) & (keys.count - 1)
        }
        keys[index] = key
        values[index] = value
        stamps[index] = stamp
        count += 1
        return value
    }

    private mutating func grow() {
        let old = (keys, values, stamps, stamp)
        let size = max(16, keys.count * 2)
        keys = [UInt64](repeating: 0, count: size)
        values = [Int](repeating: 0, count: size)
        stamps = [UInt32](repeating: 0, count: size)
        stamp = 1
        count = 0
        for index in old.0.indices where old.2[index] == old.3 { insertIfAbsent(old.0[index], old.1[index]) }
    }
}
