/// Whole-replay counters (the summary is derived from them).
struct ReplayCounters {
    var tasks = 0
    var completed = 0
    var droppedQueueFull = 0
    var droppedDeadline = 0
    var late = 0
    var unfinished = 0
    var events = 0
    var decisions = 0
    var invalidActions = 0
    var offloaded = 0
    var waitSum = 0.0
    var transferSum = 0.0
    var executionSum = 0.0
}

/// Per-node counters kept as columns during the replay.
struct NodeCounters {
    let received: UnsafeColumn<Int>
    let executed: UnsafeColumn<Int>
    let droppedQueueFull: UnsafeColumn<Int>
    let droppedDeadline: UnsafeColumn<Int>
    let offloadedOut: UnsafeColumn<Int>
    let offloadedIn: UnsafeColumn<Int>
    let maxQueue: UnsafeColumn<Int32>
    let busyCoreSeconds: UnsafeColumn<Double>
    let bytesSent: UnsafeColumn<Double>
    let transmitEnergy: UnsafeColumn<Double>

    init(nodeCount: Int) {
        received = UnsafeColumn(repeating: 0, count: nodeCount)
        executed = UnsafeColumn(repeating: 0, count: nodeCount)
        droppedQueueFull = UnsafeColumn(repeating: 0, count: nodeCount)
        droppedDeadline = UnsafeColumn(repeating: 0, count: nodeCount)
        offloadedOut = UnsafeColumn(repeating: 0, count: nodeCount)
        offloadedIn = UnsafeColumn(repeating: 0, count: nodeCount)
        maxQueue = UnsafeColumn(repeating: 0, count: nodeCount)
        busyCoreSeconds = UnsafeColumn(repeating: 0, count: nodeCount)
        bytesSent = UnsafeColumn(repeating: 0, count: nodeCount)
        transmitEnergy = UnsafeColumn(repeating: 0, count: nodeCount)
    }

    func reset() {
        for column in [received, executed, droppedQueueFull, droppedDeadline, offloadedOut, offloadedIn] {
            column.fill(with: 0)
        }
        maxQueue.fill(with: 0)
        for column in [busyCoreSeconds, bytesSent, transmitEnergy] { column.fill(with: 0) }
    }

    func deallocate() {
        for column in [received, executed, droppedQueueFull, droppedDeadline, offloadedOut, offloadedIn] {
            column.deallocate()
        }
        maxQueue.deallocate()
        for column in [busyCoreSeconds, bytesSent, transmitEnergy] { column.deallocate() }
    }
}
