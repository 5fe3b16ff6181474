extension ReplayEngine {
    // MARK: - Arrivals

    /// Reads (or draws) the next task and schedules its arrival, unless it
    /// comes after the horizon.
    func stageNextArrival() throws(ReplayError) {
        hasStaged = try feed.value.next(
            into: &staged.value, scenario: scenario, rateScale: options.arrivalRateScale, keepIdentifiers: keepsIdentifiers)
        if hasStaged, let horizon, staged.value.arrival > horizon {
            hasStaged = false
            feed.value.close()
        }
        if hasStaged {
            events.push(time: staged.value.arrival, kind: .arrival)
        }
    }

    /// The staged task arrives: it takes a slot, registers with its
    /// predecessors, and becomes ready when none is pending.
    func handleArrival() throws(ReplayError) {
        let slot = allocateTask()
        counters.value.tasks += 1
        tasksInFlight += 1
        var origin = staged.value.origin
        var originJob: UInt64 = 0
        if origin < 0 {
            origin = try assignOrigin(job: staged.value.jobFingerprint)
            originJob = staged.value.jobFingerprint
        }
        let index = Int(slot)
        tasks[index].arrival = staged.value.arrival
        tasks[index].instructions = staged.value.instructions
        tasks[index].inputBytes = staged.value.inputBytes
        tasks[index].outputBytes = staged.value.outputBytes
        tasks[index].deadline = staged.value.arrival + staged.value.relativeDeadline
        tasks[index].serial = nextSerial
        tasks[index].fingerprint = staged.value.fingerprint
        tasks[index].originJob = originJob
        tasks[index].origin = origin
        nextSerial += 1
        if keepsIdentifiers {
            taskIds[index] = staged.value.taskId
            jobIds[index] = staged.value.jobId
        }
        if staged.value.fingerprint != 0 { liveTasks.value.set(slot, for: staged.value.fingerprint) }
        var blocked = false
        for dependency in staged.value.dependencies {
            if failedTasks.value.contains(dependency) {
                blocked = true
                break
            }
            if let predecessor = liveTasks.value.value(for: dependency), predecessor != slot {
                addSuccessor(slot, to: predecessor)
                tasks[index].pendingDependencies += 1
            }
            // A predecessor no longer in flight and not failed has completed.
        }
        try stageNextArrival()
        if blocked {
            tasks[index].phase = .waitingDependencies
            failWithSuccessors(slot)
        } else if tasks[index].pendingDependencies == 0 {
            becomeReady(slot)
        } else {
            tasks[index].phase = .waitingDependencies
        }
    }

    /// The origin for a task without one: its job's origin while the job has
    /// tasks in flight, else a fresh draw by the origin rule.
    private func assignOrigin(job: UInt64) throws(ReplayError) -> Int32 {
        guard !originAssigner.value.isEmpty else {
            throw .unreplayable(nil, "a task has no origin and no node is eligible by the origin rule "
                + "(origins.kinds: \(scenario.settings.origins.kinds.map(\.rawValue).joined(separator: ", ")))")
        }
        guard job != 0 else { return originAssigner.value.next() }
        if let origin = jobOrigins.value.value(for: job) {
            jobOriginUsers.value.set((jobOriginUsers.value.value(for: job) ?? 0) + 1, for: job)
            return origin
        }
        let origin = originAssigner.value.next()
        jobOrigins.value.set(origin, for: job)
        jobOriginUsers.value.set(1, for: job)
        return origin
    }

    // MARK: - Slots and dependency edges

    func allocateTask() -> Int32 {
        if let slot = freeSlots.popLast() {
            let generation = tasks[Int(slot)].generation &+ 1
            tasks[Int(slot)] = TaskState()
            tasks[Int(slot)].generation = generation
            return slot
        }
        tasks.append(TaskState())
        if keepsIdentifiers {
            taskIds.append(nil)
            jobIds.append(nil)
        }
        return Int32(tasks.count - 1)
    }

    /// Returns the slot to the pool; its generation changes on reuse.
    func freeTask(_ slot: Int32) {
        let index = Int(slot)
        if tasks[index].fingerprint != 0 { liveTasks.value.remove(tasks[index].fingerprint) }
        let job = tasks[index].originJob
        if job != 0, let users = jobOriginUsers.value.value(for: job) {
            if users <= 1 {
                jobOriginUsers.value.remove(job)
                jobOrigins.value.remove(job)
            } else {
                jobOriginUsers.value.set(users - 1, for: job)
            }
        }
        var edge = tasks[index].firstSuccessor
        while edge >= 0 {
            let next = edgeNext[Int(edge)]
            edgeNext[Int(edge)] = freeEdge
            freeEdge = edge
            edge = next
        }
        tasks[index].phase = .free
        tasks[index].firstSuccessor = -1
        tasks[index].lastSuccessor = -1
        if keepsIdentifiers {
            taskIds[index] = nil
            jobIds[index] = nil
        }
        freeSlots.append(slot)
        tasksInFlight -= 1
    }

    private func addSuccessor(_ successor: Int32, to predecessor: Int32) {
        let edge: Int32
        if freeEdge >= 0 {
            edge = freeEdge
            freeEdge = edgeNext[Int(edge)]
        } else {
            edge = Int32(edgeTask.count)
            edgeTask.append(0)
            edgeGeneration.append(0)
            edgeNext.append(-1)
        }
        edgeTask[Int(edge)] = successor
        edgeGeneration[Int(edge)] = tasks[Int(successor)].generation
        edgeNext[Int(edge)] = -1
        // Append, so successors are released in the order they arrived.
        let last = tasks[Int(predecessor)].lastSuccessor
        if last >= 0 { edgeNext[Int(last)] = edge } else { tasks[Int(predecessor)].firstSuccessor = edge }
        tasks[Int(predecessor)].lastSuccessor = edge
    }

    // MARK: - Readiness

    /// The task is ready at its origin: an agent's decision, or local
    /// execution when the origin hosts no agent (or the agent has no candidate).
    func becomeReady(_ slot: Int32) {
        let origin = tasks[Int(slot)].origin
        let agent = agentOfNode[Int(origin)]
        if agent >= 0 && candidateCount[Int(agent)] > 0 {
            pushInbox(agent, slot)
        } else {
            dispatch(slot, to: origin, inputRoute: -1, outputRoute: -1)
        }
    }

    /// A forwarded predecessor output arrived at the dependent's origin.
    func dependencyDelivered(_ slot: Int32, generation: UInt32) {
        let index = Int(slot)
        guard tasks[index].generation == generation, tasks[index].phase == .waitingDependencies else { return }
        tasks[index].pendingDependencies -= 1
        if tasks[index].pendingDependencies == 0 { becomeReady(slot) }
    }

    /// Releases the successors of a completed task: at once when they share
    /// its origin, else after its output travels between the two origins.
    private func releaseSuccessors(of slot: Int32) {
        let index = Int(slot)
        var edge = tasks[index].firstSuccessor
        while edge >= 0 {
            let successor = edgeTask[Int(edge)]
            let successorIndex = Int(successor)
            let generation = edgeGeneration[Int(edge)]
            edge = edgeNext[Int(edge)]
            guard tasks[successorIndex].generation == generation,
                tasks[successorIndex].phase == .waitingDependencies
            else { continue }
            let from = tasks[index].origin
            let to = tasks[successorIndex].origin
            if from == to || tasks[index].outputBytes == 0 {
                tasks[successorIndex].pendingDependencies -= 1
                if tasks[successorIndex].pendingDependencies == 0 { becomeReady(successor) }
            } else if let route = dynamicRoute(from: from, to: to) {
                let delivery = transfer(route: route, bytes: tasks[index].outputBytes, for: successor)
                tasks[successorIndex].transferSeconds += delivery - now
                events.push(time: delivery, kind: .dependencyDelivered, task: successor, generation: generation)
            } else {
                // No route between the origins: the output can never arrive.
                failWithSuccessors(successor)
            }
        }
    }

    // MARK: - Endings

    /// The output reached the origin: the task completed (late after its deadline).
    func complete(_ slot: Int32) {
        let index = Int(slot)
        let task = tasks[index]
        let latency = now - task.arrival
        let isLate = now > task.deadline
        counters.value.completed += 1
        if isLate { counters.value.late += 1 }
        let wait = task.start - task.enqueued
        counters.value.waitSum += wait
        counters.value.transferSum += task.transferSeconds
        counters.value.executionSum += task.executionSeconds
        latencies.value.add(latency)
        if options.collectLatencies { collectedLatencies.append(latency) }
        if reward.kind == .sparse && task.agent >= 0 {
            rewards[Int(task.agent)] += reward.utility - reward.energyWeight * task.energyJoules
        }
        if let observer {
            observer.taskFinished(record(index, status: isLate ? .late : .completed, finish: now,
                                         wait: wait, execution: task.executionSeconds))
        }
        releaseSuccessors(of: slot)
        freeTask(slot)
    }

    /// Drops a task at its target (full queue, or queued past its deadline).
    func drop(_ slot: Int32, status: TaskStatus) {
        let index = Int(slot)
        let target = Int(tasks[index].target)
        if status == .droppedQueueFull {
            counters.value.droppedQueueFull += 1
            statistics.droppedQueueFull[target] += 1
        } else {
            counters.value.droppedDeadline += 1
            statistics.droppedDeadline[target] += 1
        }
        let agent = tasks[index].agent
        if reward.kind == .sparse && agent >= 0 {
            rewards[Int(agent)] -= reward.utility + reward.energyWeight * tasks[index].energyJoules
        }
        if let observer {
            observer.taskFinished(record(index, status: status, finish: now, wait: now - tasks[index].enqueued,
                                         execution: 0))
        }
        failWithSuccessors(slot, alreadyCounted: true)
    }

    /// Fails a task and, transitively, every task waiting for it: they can
    /// never run, so they end `unfinished` now. Failed ids are remembered so
    /// dependents that arrive later are blocked too.
    func failWithSuccessors(_ slot: Int32, alreadyCounted: Bool = false) {
        var pending: [(slot: Int32, counted: Bool)] = [(slot, alreadyCounted)]
        while let (current, counted) = pending.popLast() {
            let index = Int(current)
            if !counted {
                counters.value.unfinished += 1
                if let observer { observer.taskFinished(record(index, status: .unfinished, finish: nil, wait: 0, execution: 0)) }
            }
            if tasks[index].fingerprint != 0 { failedTasks.value.set(0, for: tasks[index].fingerprint) }
            var edge = tasks[index].firstSuccessor
            while edge >= 0 {
                let successor = edgeTask[Int(edge)]
                if tasks[Int(successor)].generation == edgeGeneration[Int(edge)]
                    && tasks[Int(successor)].phase == .waitingDependencies
                {
                    // Mark it so a second failing predecessor does not count it twice.
                    tasks[Int(successor)].phase = .awaitingDecision
                    pending.append((successor, false))
                }
                edge = edgeNext[Int(edge)]
            }
            freeTask(current)
        }
    }

    /// Reports the tasks still in flight at the end as unfinished, in arrival order.
    func reportUnfinishedTasks() {
        var remaining: [Int] = []
        for index in 0..<tasks.count where tasks[index].phase != .free { remaining.append(index) }
        remaining.sort { tasks[$0].serial < tasks[$1].serial }
        for index in remaining {
            counters.value.unfinished += 1
            let task = tasks[index]
            let started = !task.start.isNaN
            let wait: Double = started ? task.start - task.enqueued : (task.enqueued.isNaN ? 0 : now - task.enqueued)
            let execution: Double = started ? min(now, task.executionFinish) - task.start : 0
            if task.phase == .running { statistics.busyCoreSeconds[Int(task.target)] += execution }
            if let observer {
                observer.taskFinished(record(index, status: .unfinished, finish: nil, wait: wait, execution: execution))
            }
        }
    }

    /// The record of the task in `index`.
    func record(_ index: Int, status: TaskStatus, finish: Double?, wait: Double, execution: Double) -> TaskRecord {
        let task = tasks[index]
        return TaskRecord(
            taskId: keepsIdentifiers ? taskIds[index] : nil, jobId: keepsIdentifiers ? jobIds[index] : nil,
            serial: task.serial, origin: Int(task.origin), target: task.target >= 0 ? Int(task.target) : nil,
            arrivalSeconds: task.arrival, startSeconds: task.start.isNaN ? nil : task.start, finishSeconds: finish,
            waitSeconds: wait, transferSeconds: task.transferSeconds, executionSeconds: execution, status: status)
    }
}
