/// The open tasks of a Google 2011 import: submitted, not yet complete.
///
/// Keys are (job id, task index) packed into 64 bits (exact for every id in
/// the published trace: job ids < 2^39, task indices < 2^24; other pairs fall
/// back to a 63-bit fingerprint). Slots use open addressing with linear probing
/// and backward-shift deletion, so there are no tombstones; task states live in
/// a separate array with a free list, so completing a task frees its memory
/// for the next one.
final class Google2011TaskTable {
    struct State {
        var job: Int64
        var index: Int64
        var arrivalMicros: Int64
        var submitSequence: UInt64
        /// Start of the running attempt, or -1.
        var scheduleMicros: Int64
        var cpuRequest: Double
        var memoryRequest: Double
        var machine: Int64
        var user: UInt64
        /// The last event that ended an attempt without completing the task (2, 3, 4, 5, 6), or 0.
        var lastEnd: UInt8
        var hasRequest: Bool
    }

    private var keys: [UInt64]
    private var slotStates: [Int32]
    private var mask: Int
    private(set) var states: [State] = []
    private var free: [Int32] = []
    /// Open tasks.
    private(set) var count = 0

    init(capacity: Int = 1 << 16) {
        var size = 16
        while size < capacity * 2 { size *= 2 }
        keys = [UInt64](repeating: 0, count: size)
        slotStates = [Int32](repeating: -1, count: size)
        mask = size - 1
    }

    /// The 64-bit key of a task (never 0).
    @inline(__always)
    static func key(job: Int64, index: Int64) -> UInt64 {
        if job >= 0 && job < 1 << 39 && index >= 0 && index < 1 << 24 {
            return (UInt64(job) << 24 | UInt64(index)) &+ 1
        }
        return (1 << 63) | (ByteFingerprint.combine(ByteFingerprint.of(job), ByteFingerprint.of(index)) >> 1)
    }

    @inline(__always)
    private func home(_ key: UInt64) -> Int {
        Int(truncatingIfNeeded: ByteFingerprint.mix(key)) & mask
    }

    /// The state index of `key`, if the task is open.
    @inline(__always)
    func find(_ key: UInt64) -> Int? {
        var slot = home(key)
        while true {
            let found = keys[slot]
            if found == key { return Int(slotStates[slot]) }
            if found == 0 { return nil }
            slot = (slot + 1) & mask
        }
    }

    /// Adds a task (the key must not be present); returns its state index.
    @discardableResult
    func insert(_ key: UInt64, _ state: State) -> Int {
        let stateIndex: Int
        if let reused = free.popLast() {
            stateIndex = Int(reused)
            states[stateIndex] = state
        } else {
            stateIndex = states.count
            states.append(state)
        }
        var slot = home(key)
        while keys[slot] != 0 { slot = (slot + 1) & mask }
        keys[slot] = key
        slotStates[slot] = Int32(truncatingIfNeeded: stateIndex)
        count += 1
        if count * 2 > keys.count { grow() }
        return stateIndex
    }

    /// Access to a state by index.
    @inline(__always)
    subscript(stateIndex: Int) -> State {
        get { states[stateIndex] }
        set { states[stateIndex] = newValue }
    }

    /// Removes the task with `key` (present).
    func remove(_ key: UInt64) {
        var slot = home(key)
        while keys[slot] != key {
            guard keys[slot] != 0 else { return }
            slot = (slot + 1) & mask
        }
        free.append(slotStates[slot])
        count -= 1
        // Backward-shift deletion: pull later entries of the probe run into the hole.
        var hole = slot
        var next = (slot + 1) & mask
        while keys[next] != 0 {
            let wanted = home(keys[next])
            // Move when the entry's home is not cyclically within (hole, next].
            let distanceToNext = (next - wanted) & mask
            let distanceToHole = (next - hole) & mask
            if distanceToNext >= distanceToHole {
                keys[hole] = keys[next]
                slotStates[hole] = slotStates[next]
                hole = next
            }
            next = (next + 1) & mask
        }
        keys[hole] = 0
        slotStates[hole] = -1
    }

    /// Calls `body` with each open task, in slot order (deterministic: it
    /// depends only on the keys and the order they were inserted).
    func forEachOpen(_ body: (State) throws(TraceImportError) -> Void) throws(TraceImportError) {
        for slot in keys.indices where keys[slot] != 0 {
            try body(states[Int(slotStates[slot])])
        }
    }

    private func grow() {
        let oldKeys = keys
        let oldStates = slotStates
        keys = [UInt64](repeating: 0, count: oldKeys.count * 2)
        slotStates = [Int32](repeating: -1, count: oldKeys.count * 2)
        mask = keys.count - 1
        for slot in oldKeys.indices where oldKeys[slot] != 0 {
            var target = home(oldKeys[slot])
            while keys[target] != 0 { target = (target + 1) & mask }
            keys[target] = oldKeys[slot]
            slotStates[target] = oldStates[slot]
        }
    }
}
