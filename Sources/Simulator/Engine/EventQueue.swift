/// What an event does when it fires.
enum EventKind: UInt8 {
    /// The staged workload or synthetic task arrives at its origin.
    case arrival = 0
    /// A task's input bytes reach its target node.
    case inputDelivered
    /// A task finishes executing on a core.
    case executionFinished
    /// A task's output bytes reach its origin: the task completes.
    case outputDelivered
    /// A predecessor's output reaches a dependent task's origin.
    case dependencyDelivered
    /// A queued task reaches its deadline plus grace (stale when it already started).
    case deadline
    /// A decision epoch in interval mode.
    case epoch
    /// A queue-occupancy sample.
    case queueSample
}

/// One scheduled event: 24 bytes, ordered by time, then insertion order.
///
/// The insertion counter and the kind share `order` (counter in the high 56
/// bits, kind in the low 8), so ties in time resolve by insertion order, as
/// the issue requires, without a wider key.
struct Event {
    var time: Double
    var order: UInt64
    var task: Int32
    var generation: UInt32

    @inline(__always)
    var kind: EventKind {
        EventKind(rawValue: UInt8(truncatingIfNeeded: order)) ?? .arrival
    }

    @inline(__always)
    func precedes(_ other: Event) -> Bool {
        time < other.time || (time == other.time && order < other.order)
    }
}

/// The future-event list: a binary min-heap over engine-owned storage.
///
/// A hand-rolled binary heap with hole-based sifting was the fastest option
/// measured in swift-notes.md §4 (1.3× swift-collections' min-max `Heap` in
/// the hold model). The buffer grows by doubling and is kept across resets,
/// so a steady-state replay allocates nothing per event. Like `UnsafeColumn`,
/// the queue is an immutable handle (no exclusivity checks, no reference
/// counting) released by `deallocate()`.
///
/// - Complexity: `push` and `pop` are O(log n); `peekTime` is O(1).
struct EventQueue {
    private struct Header {
        var storage: UnsafeMutablePointer<Event>
        var capacity: Int
        var count: Int
        var counter: UInt64
    }

    private let header: UnsafeMutablePointer<Header>

    init(initialCapacity: Int = 1024) {
        let capacity = max(initialCapacity, 16)
        header = .allocate(capacity: 1)
        header.initialize(to: Header(storage: .allocate(capacity: capacity), capacity: capacity, count: 0, counter: 0))
    }

    /// Frees the storage; the queue must not be used afterwards.
    func deallocate() {
        header.pointee.storage.deallocate()
        header.deallocate()
    }

    @inline(__always)
    var count: Int { header.pointee.count }

    @inline(__always)
    var isEmpty: Bool { header.pointee.count == 0 }

    /// Removes every event and restarts the insertion counter (capacity is kept).
    func removeAll() {
        header.pointee.count = 0
        header.pointee.counter = 0
    }

    /// The time of the earliest event, or +infinity when there is none.
    @inline(__always)
    var peekTime: Double {
        header.pointee.count > 0 ? header.pointee.storage[0].time : .infinity
    }

    /// Schedules an event. An event at an infinite (or NaN) time never
    /// happens and is not scheduled: a valid topology and workload can still
    /// overflow simulated time (2^63 instructions on a 1e-300 MIPS core), and
    /// such a task simply never finishes.
    ///
    /// - Returns: Whether the event was scheduled.
    @inline(__always) @discardableResult
    func push(time: Double, kind: EventKind, task: Int32 = -1, generation: UInt32 = 0) -> Bool {
        guard time.isFinite else { return false }
        if header.pointee.count == header.pointee.capacity { grow() }
        header.pointee.counter &+= 1
        let event = Event(
            time: time, order: (header.pointee.counter << 8) | UInt64(kind.rawValue), task: task, generation: generation)
        let storage = header.pointee.storage
        // Sift up with a hole: move parents down until the event fits.
        var hole = header.pointee.count
        header.pointee.count += 1
        while hole > 0 {
            let parent = (hole - 1) >> 1
            let parentEvent = storage[parent]
            guard event.precedes(parentEvent) else { break }
            storage[hole] = parentEvent
            hole = parent
        }
        storage[hole] = event
        return true
    }

    /// Removes and returns the earliest event; the queue must not be empty.
    @inline(__always)
    func pop() -> Event {
        precondition(header.pointee.count > 0, "pop from an empty event queue")
        let storage = header.pointee.storage
        let top = storage[0]
        header.pointee.count -= 1
        let count = header.pointee.count
        if count > 0 {
            let last = storage[count]
            // Sift down with a hole from the root.
            var hole = 0
            let half = count >> 1
            while hole < half {
                var child = 2 * hole + 1
                let right = child + 1
                if right < count && storage[right].precedes(storage[child]) { child = right }
                guard storage[child].precedes(last) else { break }
                storage[hole] = storage[child]
                hole = child
            }
            storage[hole] = last
        }
        return top
    }

    private func grow() {
        let capacity = header.pointee.capacity * 2
        let larger = UnsafeMutablePointer<Event>.allocate(capacity: capacity)
        larger.moveInitialize(from: header.pointee.storage, count: header.pointee.count)
        header.pointee.storage.deallocate()
        header.pointee.storage = larger
        header.pointee.capacity = capacity
    }
}
