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
        if !intervalMode { markDue(agent) }
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
    /// is charged `utility` and the task runs at the local slot (or slot 0
    /// when local is not a candidate).
    ///
    /// - Returns: The number of invalid actions.
    @discardableResult
    func applyDueActions(_ slotOfAgent: (Int32) -> Int32, invalid: ((Int32) -> Void)? = nil) -> Int {
        var invalidCount = 0
        let due = dueAgents
        for agent in due {
            let chosen = slotOfAgent(agent)
            if !apply(agent: agent, slot: chosen) {
                invalidCount += 1
                invalid?(agent)
            }
        }
        dueAgents.removeAll(keepingCapacity: true)
        for agent in due {
            if inboxCount[Int(agent)] > 0 {
                dueAgents.append(agent)
            } else {
                isDue[Int(agent)] = false
            }
        }
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
        let table = scenario.agents
        let candidates = table.candidateCount[agentIndex]
        var slot = requested
        let valid = slot >= 0 && slot < candidates
        counters.decisions += 1
        if !valid {
            counters.invalidActions += 1
            rewards[agentIndex] -= reward.utility
            slot = max(table.localSlot[agentIndex], 0)
        }
        let position = agentIndex * table.slotCount + Int(slot)
        if reward.kind == .dense {
            rewards[agentIndex] += denseReward(agent: agentIndex, slot: Int(slot), task: Int(task))
        }
        tasks[Int(task)].agent = agent
        dispatch(task, to: table.slotNode[position], inputRoute: table.slotForwardRoute[position],
                 outputRoute: table.slotReturnRoute[position])
        return valid
    }

    // MARK: - Estimates

    /// Estimated queueing time at `node` for a task arriving after `delay`
    /// seconds, by a fluid approximation of the FIFO cores: 0 while a core
    /// is free for it; else the node's backlog (remaining run time of its
    /// running tasks plus the execution time of queued and inbound tasks,
    /// in core-seconds) spread over its cores, minus the delay.
    func waitEstimate(node: Int, delay: Double) -> Double {
        let cores = scenario.nodes.cores[node]
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
        let table = scenario.agents
        let position = agent * table.slotCount + slot
        let node = Int(table.slotNode[position])
        guard node >= 0 else { return CandidateEstimate() }
        let input = transferEstimate(route: table.slotForwardRoute[position], bytes: tasks[task].inputBytes)
        let output = idleTransferSeconds(route: table.slotReturnRoute[position], bytes: tasks[task].outputBytes)
        let execution = tasks[task].instructions / scenario.nodes.instructionsPerSecond[node]
        return CandidateEstimate(
            transferSeconds: input + output, waitSeconds: waitEstimate(node: node, delay: input),
            executionSeconds: execution)
    }

    /// PeersimGym's overload term for `node` after adding one task:
    /// `-log10(max((cap - q) / cap, 0.001))` with `q` the waiting and inbound
    /// tasks plus this one, capped at `cap`; in [0, 3], 0 for unbounded queues.
    func overload(node: Int) -> Double {
        let nodes = scenario.nodes
        guard nodes.isBounded(node) else { return 0 }
        let capacity = Double(nodes.queueCapacity[node])
        let freeCores = nodes.cores[node] - busyCores[node] - inbound[node]
        guard capacity > 0 else { return freeCores > 0 ? 0 : 3 }
        let expected = min(Double(queueLength[node] + inbound[node] + 1), capacity)
        return -log10(max((capacity - expected) / capacity, 0.001))
    }

    /// The dense reward of sending `task` to `slot`: `utility - (waitWeight ·
    /// wait + transferWeight · transfer + executionWeight · execution) -
    /// overloadWeight · overload - energyWeight · energy`, from the estimates
    /// at decision time (energy: execution above idle plus transmissions).
    private func denseReward(agent: Int, slot: Int, task: Int) -> Double {
        let table = scenario.agents
        let position = agent * table.slotCount + slot
        let node = Int(table.slotNode[position])
        let estimate = self.estimate(agent: agent, slot: slot, task: task)
        var value = reward.utility - reward.waitWeight * estimate.waitSeconds
            - reward.transferWeight * estimate.transferSeconds - reward.executionWeight * estimate.executionSeconds
            - reward.overloadWeight * overload(node: node)
        if reward.energyWeight > 0 {
            let nodes = scenario.nodes
            let joules = (nodes.busyWatts[node] - nodes.idleWatts[node]) / Double(nodes.cores[node])
                * estimate.executionSeconds
                + transmitJoules(route: table.slotForwardRoute[position], bytes: tasks[task].inputBytes)
                + transmitJoules(route: table.slotReturnRoute[position], bytes: tasks[task].outputBytes)
            value -= reward.energyWeight * joules
        }
        return value
    }
}
