/// A binary min-heap of values by integer priority (ties by insertion order),
/// reusable: `removeAll()` keeps its storage.
struct MinimumHeap<Value> {
    private var items: [(priority: Int, order: Int, value: Value)] = []
    private var inserted = 0

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        inserted = 0
    }

    mutating func push(_ priority: Int, _ value: Value) {
        items.append((priority, inserted, value))
        inserted += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Value? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var smallest = left
            if left + 1 < items.count && less(left + 1, left) { smallest = left + 1 }
            guard less(smallest, parent) else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top.value
    }

    private func less(_ left: Int, _ right: Int) -> Bool {
        let a = items[left]
        let b = items[right]
        return a.priority != b.priority ? a.priority < b.priority : a.order < b.order
    }
}
