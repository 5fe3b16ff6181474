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

/// The future-event list: a binary min-heap over a manually managed buffer.
///
/// A hand-rolled binary heap with hole-based sifting was the fastest option
/// measured in swift-notes.md §4 (1.3× swift-collections' min-max `Heap` in
/// the hold model). The buffer grows by doubling and is kept across resets,
/// so a steady-state replay allocates nothing per event.
///
/// - Complexity: `push` and `pop` are O(log n); `peekTime` is O(1).
final class EventQueue {
    private var storage: UnsafeMutablePointer<Event>
    private var capacity: Int
    private(set) var count = 0
    private var counter: UInt64 = 0

    init(initialCapacity: Int = 1024) {
        capacity = max(initialCapacity, 16)
        storage = .allocate(capacity: capacity)
    }

    deinit {
        storage.deallocate()
    }

    var isEmpty: Bool { count == 0 }

    /// Removes every event and restarts the insertion counter (capacity is kept).
    func removeAll() {
        count = 0
        counter = 0
    }

    /// The time of the earliest event, or +infinity when there is none.
    @inline(__always)
    var peekTime: Double {
        count > 0 ? storage[0].time : .infinity
    }

    /// Schedules an event.
    @inline(__always)
    func push(time: Double, kind: EventKind, task: Int32 = -1, generation: UInt32 = 0) {
        if count == capacity { grow() }
        counter &+= 1
        let event = Event(time: time, order: (counter << 8) | UInt64(kind.rawValue), task: task, generation: generation)
        // Sift up with a hole: move parents down until the event fits.
        var hole = count
        count += 1
        while hole > 0 {
            let parent = (hole - 1) >> 1
            let parentEvent = storage[parent]
            guard event.precedes(parentEvent) else { break }
            storage[hole] = parentEvent
            hole = parent
        }
        storage[hole] = event
    }

    /// Removes and returns the earliest event; the queue must not be empty.
    @inline(__always)
    func pop() -> Event {
        let top = storage[0]
        count -= 1
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
        let larger = UnsafeMutablePointer<Event>.allocate(capacity: capacity * 2)
        larger.moveInitialize(from: storage, count: count)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }
}
