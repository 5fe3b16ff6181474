#if canImport(Glibc)
import Glibc
#endif

extension ReplayEngine {
    // MARK: - Inboxes

    /// Puts a ready task in its agent's inbox; in arrival mode the agent is
    /// due at once, in interval mode at the next epoch.
    func pushInbox(_ agent: Int32, _ slot: Int32) {
        let index = Int(slot)
        let agentIndex = Int(agent)
        tasks[index].phase = .awaitingDecision
        tasks[index].next = -1
        if inboxTail[agentIndex] >= 0 { tasks[Int(inboxTail[agentIndex])].next = slot } else { inboxHead[agentIndex] = slot }
        inboxTail[agentIndex] = slot
        inboxCount[agentIndex] += 1
        if !intervalMode {
            markDue(agent)
        } else if inboxCount[agentIndex] == 1 && !isDue[agentIndex] {
            waitingAgents.append(agent)
        }
    }

    func markDue(_ agent: Int32) {
        guard !isDue[Int(agent)] else { return }
        isDue[Int(agent)] = true
        dueAgents.append(agent)
    }

    /// The task an agent must decide now, or -1.
    @inline(__always)
    func pendingTask(of agent: Int) -> Int32 {
        isDue[agent] ? inboxHead[agent] : -1
    }

    // MARK: - Actions

    /// Applies `slots[i]` for `dueAgents[i]`, in agent order. Invalid slots
    /// (outside the agent's candidates) count as invalid actions: the agent
    /// is charged exactly `utility`, and the task runs at the local slot (or
    /// slot 0 when local is not a candidate) without earning any reward.
    ///
    /// - Returns: The number of invalid actions.
    @discardableResult
    func applyDueActions(_ slotOfAgent: (Int32) -> Int32, invalid: ((Int32) -> Void)? = nil) -> Int {
        var invalidCount = 0
        // Applying an action never makes another agent due (only events do),
        // so the list is stable during the loop.
        let due = dueAgents.count
        for position in 0..<due {
            let agent = dueAgents[position]
            if !apply(agent: agent, slot: slotOfAgent(agent)) {
                invalidCount += 1
                invalid?(agent)
            }
        }
        var kept = 0
        for position in 0..<due {
            let agent = dueAgents[position]
            if inboxCount[Int(agent)] > 0 {
                dueAgents[kept] = agent
                kept += 1
            } else {
                isDue[Int(agent)] = false
            }
        }
        while dueAgents.count > kept { _ = dueAgents.popLast() }
        return invalidCount
    }

    /// Takes the agent's inbox head and dispatches it to the candidate in `slot`.
    /// Returns false when the slot was invalid.
    private func apply(agent: Int32, slot requested: Int32) -> Bool {
        let agentIndex = Int(agent)
        let task = inboxHead[agentIndex]
        guard task >= 0 else { return true }
        inboxHead[agentIndex] = tasks[Int(task)].next
        if inboxHead[agentIndex] < 0 { inboxTail[agentIndex] = -1 }
        inboxCount[agentIndex] -= 1
        tasks[Int(task)].next = -1
        let candidates = candidateCount[agentIndex]
        var slot = requested
        let valid = slot >= 0 && slot < candidates
        counters.value.decisions += 1
        if !valid {
            counters.value.invalidActions += 1
            if computesRewards { rewards[agentIndex] -= reward.utility }
            slot = max(localSlot[agentIndex], 0)
        }
        let position = agentIndex * slotCount + Int(slot)
        if valid && computesRewards && reward.kind == .dense {
            rewards[agentIndex] += denseReward(agent: agentIndex, slot: Int(slot), task: Int(task))
        }
        // The fallback of an invalid action earns nothing: the penalty stands.
        tasks[Int(task)].agent = valid ? agent : -1
        dispatch(task, to: slotNode[position], inputRoute: slotForwardRoute[position],
                 outputRoute: slotReturnRoute[position])
        return valid
    }

    // MARK: - Estimates

    /// Estimated queueing time at `node` for a task arriving after `delay`
    /// seconds, by a fluid approximation of the FIFO cores: 0 while a core
    /// is free for it; else the node's backlog (remaining run time of its
    /// running tasks plus the execution time of queued and inbound tasks,
    /// in core-seconds) spread over its cores, minus the delay.
    func waitEstimate(node: Int, delay: Double) -> Double {
        let cores = nodeCores[node]
        let occupied = busyCores[node] + queueLength[node] + inbound[node]
        guard occupied >= cores else { return 0 }
        let remainingRunning = max(0, runningFinishSum[node] - Double(busyCores[node]) * now)
        let backlog = remainingRunning + queuedWork[node] + inboundWork[node]
        return max(0, backlog / Double(cores) - delay)
    }

    /// The estimate of one candidate for the pending task of an agent.
    struct CandidateEstimate {
        var transferSeconds = 0.0
        var waitSeconds = 0.0
        var executionSeconds = 0.0
        var completionSeconds: Double { transferSeconds + waitSeconds + executionSeconds }
    }

    /// Transfer (input now, output on the idle return route), wait and
    /// execution estimates for sending `task` to the candidate in `slot`.
    func estimate(agent: Int, slot: Int, task: Int) -> CandidateEstimate {
        let position = agent * slotCount + slot
        let node = Int(slotNode[position])
        guard node >= 0 else { return CandidateEstimate() }
        let input = transferEstimate(route: slotForwardRoute[position], bytes: tasks[task].inputBytes)
        let output = idleTransferSeconds(route: slotReturnRoute[position], bytes: tasks[task].outputBytes)
        let execution = tasks[task].instructions / nodeSpeed[node]
        return CandidateEstimate(
            transferSeconds: input + output, waitSeconds: waitEstimate(node: node, delay: input),
            executionSeconds: execution)
    }

    /// PeersimGym's overload term for `node` after adding one task:
    /// `-log10(max((cap - q) / cap, 0.001))` with `q` the waiting and inbound
    /// tasks plus this one, capped at `cap`; in [0, 3], 0 for unbounded queues.
    func overload(node: Int) -> Double {
        guard nodeCapacity[node] != Int32.max else { return 0 }
        let capacity = Double(nodeCapacity[node])
        let freeCores = nodeCores[node] - busyCores[node] - inbound[node]
        guard capacity > 0 else { return freeCores > 0 ? 0 : 3 }
        let expected = min(Double(queueLength[node] + inbound[node] + 1), capacity)
        return -log10(max((capacity - expected) / capacity, 0.001))
    }

    /// The dense reward of sending `task` to `slot`: `utility - (waitWeight ·
    /// wait + transferWeight · transfer + executionWeight · execution) -
    /// overloadWeight · overload - energyWeight · energy`, from the estimates
    /// at decision time (energy: execution above idle plus transmissions).
    private func denseReward(agent: Int, slot: Int, task: Int) -> Double {
        let position = agent * slotCount + slot
        let node = Int(slotNode[position])
        let estimate = self.estimate(agent: agent, slot: slot, task: task)
        var value = reward.utility - reward.waitWeight * estimate.waitSeconds
            - reward.transferWeight * estimate.transferSeconds - reward.executionWeight * estimate.executionSeconds
            - reward.overloadWeight * overload(node: node)
        if reward.energyWeight > 0 {
            let joules = (busyWatts[node] - idleWatts[node]) / Double(nodeCores[node]) * estimate.executionSeconds
                + transmitJoules(route: slotForwardRoute[position], bytes: tasks[task].inputBytes)
                + transmitJoules(route: slotReturnRoute[position], bytes: tasks[task].outputBytes)
            value -= reward.energyWeight * joules
        }
        return value
    }
}
