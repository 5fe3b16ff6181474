extension ReplayEngine {
    // MARK: - Dispatch

    /// Sends a decided task to `target`: at once when local, else its input
    /// travels along `inputRoute` first.
    func dispatch(_ slot: Int32, to target: Int32, inputRoute: Int32, outputRoute: Int32) {
        let index = Int(slot)
        let origin = tasks[index].origin
        tasks[index].target = target
        tasks[index].inputRoute = inputRoute
        tasks[index].outputRoute = outputRoute
        let execution = tasks[index].instructions / nodeSpeed[Int(target)]
        tasks[index].executionSeconds = execution
        if target == origin {
            arriveAtTarget(slot)
            return
        }
        counters.value.offloaded += 1
        statistics.offloadedOut[Int(origin)] += 1
        statistics.offloadedIn[Int(target)] += 1
        tasks[index].phase = .inTransit
        inbound[Int(target)] += 1
        inboundWork[Int(target)] += execution
        let delivery = transfer(route: inputRoute, bytes: tasks[index].inputBytes, for: slot)
        tasks[index].transferSeconds += delivery - now
        events.push(time: delivery, kind: .inputDelivered, task: slot)
    }

    func inputDelivered(_ slot: Int32) {
        let target = Int(tasks[Int(slot)].target)
        inbound[target] -= 1
        inboundWork[target] -= tasks[Int(slot)].executionSeconds
        arriveAtTarget(slot)
    }

    /// The task reached its target: it starts on a free core, waits in the
    /// FIFO queue, or is dropped (queue full; or already past its deadline
    /// plus grace when it would have to wait).
    func arriveAtTarget(_ slot: Int32) {
        let index = Int(slot)
        let target = Int(tasks[index].target)
        tasks[index].enqueued = now
        statistics.received[target] += 1
        if busyCores[target] < nodeCores[target] {
            startExecution(slot)
            return
        }
        guard queueLength[target] < nodeCapacity[target] else {
            drop(slot, status: .droppedQueueFull)
            return
        }
        let expiry = tasks[index].deadline + graceSeconds
        if expiry <= now {
            drop(slot, status: .droppedDeadline)
            return
        }
        appendToQueue(slot, node: target)
        if expiry.isFinite {
            events.push(time: expiry, kind: .deadline, task: slot, generation: tasks[index].generation)
        }
    }

    // MARK: - Node queues

    /// Accumulates the time-weighted queue length before it changes.
    @inline(__always)
    private func queueWillChange(_ node: Int) {
        queueArea[node] += Double(queueLength[node]) * (now - queueChangedAt[node])
        queueChangedAt[node] = now
    }

    private func appendToQueue(_ slot: Int32, node: Int) {
        queueWillChange(node)
        let index = Int(slot)
        tasks[index].phase = .queued
        tasks[index].next = -1
        tasks[index].previous = queueTail[node]
        if queueTail[node] >= 0 { tasks[Int(queueTail[node])].next = slot } else { queueHead[node] = slot }
        queueTail[node] = slot
        queueLength[node] += 1
        queuedWork[node] += tasks[index].executionSeconds
        if queueLength[node] > statistics.maxQueue[node] { statistics.maxQueue[node] = queueLength[node] }
    }

    private func removeFromQueue(_ slot: Int32, node: Int) {
        queueWillChange(node)
        let index = Int(slot)
        let previous = tasks[index].previous
        let next = tasks[index].next
        if previous >= 0 { tasks[Int(previous)].next = next } else { queueHead[node] = next }
        if next >= 0 { tasks[Int(next)].previous = previous } else { queueTail[node] = previous }
        tasks[index].next = -1
        tasks[index].previous = -1
        queueLength[node] -= 1
        queuedWork[node] -= tasks[index].executionSeconds
        if queueLength[node] == 0 { queuedWork[node] = 0 }  // no rounding residue on an empty queue
    }

    // MARK: - Execution

    private func startExecution(_ slot: Int32) {
        let index = Int(slot)
        let target = Int(tasks[index].target)
        busyCores[target] += 1
        tasks[index].phase = .running
        tasks[index].start = now
        let finish = now + tasks[index].executionSeconds
        tasks[index].executionFinish = finish
        runningFinishSum[target] += finish
        runningStartSum[target] += now
        events.push(time: finish, kind: .executionFinished, task: slot)
    }

    /// A core is free again: the queue's head starts, and the output returns.
    func executionFinished(_ slot: Int32) {
        let index = Int(slot)
        let target = Int(tasks[index].target)
        busyCores[target] -= 1
        runningFinishSum[target] -= tasks[index].executionFinish
        runningStartSum[target] -= tasks[index].start
        if busyCores[target] == 0 {
            // No rounding residue on an idle node.
            runningFinishSum[target] = 0
            runningStartSum[target] = 0
        }
        let execution = tasks[index].executionSeconds
        statistics.busyCoreSeconds[target] += execution
        statistics.executed[target] += 1
        tasks[index].energyJoules += (busyWatts[target] - idleWatts[target]) / Double(nodeCores[target]) * execution
        let head = queueHead[target]
        if head >= 0 {
            removeFromQueue(head, node: target)
            startExecution(head)
        }
        if tasks[index].target == tasks[index].origin {
            complete(slot)
            return
        }
        tasks[index].phase = .returning
        let delivery = transfer(route: tasks[index].outputRoute, bytes: tasks[index].outputBytes, for: slot)
        tasks[index].transferSeconds += delivery - now
        events.push(time: delivery, kind: .outputDelivered, task: slot)
    }

    /// A queued task's deadline plus grace passed (stale if it started).
    func deadlineReached(_ slot: Int32, generation: UInt32) {
        let index = Int(slot)
        guard tasks[index].generation == generation, tasks[index].phase == .queued else { return }
        counters.value.events += 1
        removeFromQueue(slot, node: Int(tasks[index].target))
        drop(slot, status: .droppedDeadline)
    }

    /// Brings every node's queue area up to `now` (at the end and for samples).
    func settleQueueAreas() {
        for node in 0..<nodeCount { queueWillChange(node) }
    }
}
