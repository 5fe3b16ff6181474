/// What a policy sees when an agent must decide: the pending task, and for
/// each candidate slot its node's queue, cores, and transfer, wait and
/// execution estimates.
///
/// A view is valid only during the `Policy.decide(_:)` call that receives it.
/// Slots are `0 ..< candidateCount`, in the agent's candidate order (see
/// `CompiledScenario.candidateNodeIds(agent:)`). Every estimate is computed
/// on demand from the engine's current state, so a policy pays only for what
/// it reads.
public struct DecisionView {
    unowned(unsafe) let engine: ReplayEngine
    let task: Int

    /// The deciding agent (index into `CompiledScenario.agentNodeIds`).
    public let agent: Int

    init(engine: ReplayEngine, agent: Int, task: Int) {
        self.engine = engine
        self.agent = agent
        self.task = task
    }

    /// The current simulated time in seconds.
    public var nowSeconds: Double { engine.now }

    /// The agent's own node (index into `CompiledScenario.nodeIds`).
    public var node: Int { Int(engine.agentNodes[agent]) }

    /// The number of real candidates (valid slots).
    public var candidateCount: Int { Int(engine.candidateCount[agent]) }

    /// The slot of the agent's own node, when local execution is a candidate.
    public var localSlot: Int? {
        let slot = engine.localSlot[agent]
        return slot >= 0 ? Int(slot) : nil
    }

    /// The slot of the nearest cloud, when a cloud is a candidate.
    public var cloudSlot: Int? {
        let slot = engine.cloudSlot[agent]
        return slot >= 0 ? Int(slot) : nil
    }

    /// The node of a slot (index into `CompiledScenario.nodeIds`).
    public func candidateNode(_ slot: Int) -> Int {
        Int(engine.slotNode[agent * engine.slotCount + slot])
    }

    // MARK: - The task

    /// The task's work in instructions.
    public var taskInstructions: Double { engine.tasks[task].instructions }
    /// Bytes sent to the target.
    public var taskInputBytes: Double { engine.tasks[task].inputBytes }
    /// Bytes returned to the origin.
    public var taskOutputBytes: Double { engine.tasks[task].outputBytes }
    /// Seconds left until the task's deadline (negative when past), or nil without one.
    public var deadlineRemainingSeconds: Double? {
        let deadline = engine.tasks[task].deadline
        return deadline.isFinite ? deadline - engine.now : nil
    }
    /// Other tasks waiting in the agent's inbox behind this one.
    public var tasksWaitingForDecision: Int { Int(engine.inboxCount[agent]) - 1 }

    // MARK: - Candidates

    /// Tasks waiting in the slot's node queue.
    public func waitingTasks(_ slot: Int) -> Int { Int(engine.queueLength[candidateNode(slot)]) }

    /// Tasks travelling to the slot's node (decided, input in transit).
    public func inboundTasks(_ slot: Int) -> Int { Int(engine.inbound[candidateNode(slot)]) }

    /// The queue length least-queue compares: waiting plus inbound tasks.
    public func queueLength(_ slot: Int) -> Int { waitingTasks(slot) + inboundTasks(slot) }

    /// The slot node's queue capacity, or nil when unbounded.
    public func queueCapacity(_ slot: Int) -> Int? {
        let node = candidateNode(slot)
        let capacity = engine.nodeCapacity[node]
        return capacity != Int32.max ? Int(capacity) : nil
    }

    /// The slot node's cores.
    public func cores(_ slot: Int) -> Int { Int(engine.nodeCores[candidateNode(slot)]) }

    /// Cores of the slot's node not executing a task.
    public func freeCores(_ slot: Int) -> Int {
        let node = candidateNode(slot)
        return Int(engine.nodeCores[node] - engine.busyCores[node])
    }

    /// Whether the slot is the agent's own node.
    public func isLocal(_ slot: Int) -> Bool { candidateNode(slot) == node }

    /// Whether the slot's node is a cloud node.
    public func isCloud(_ slot: Int) -> Bool { engine.nodeIsCloud[candidateNode(slot)] }

    /// Execution time of the task on the slot's node: `instructions / (coreSpeedMips · 1e6)`.
    public func executionSeconds(_ slot: Int) -> Double {
        engine.tasks[task].instructions / engine.nodeSpeed[candidateNode(slot)]
    }

    /// Input transfer time if sent now (current link reservations, fixed
    /// latencies) plus the output's idle-path return time; 0 for local.
    public func transferEstimateSeconds(_ slot: Int) -> Double {
        engine.estimate(agent: agent, slot: slot, task: task).transferSeconds
    }

    /// Estimated queueing time at the slot's node when the input arrives
    /// (fluid approximation; see FORMAT.md, "Replay model").
    public func waitEstimateSeconds(_ slot: Int) -> Double {
        engine.estimate(agent: agent, slot: slot, task: task).waitSeconds
    }

    /// Transfer + wait + execution estimate: the greedy completion-time estimate.
    public func completionEstimateSeconds(_ slot: Int) -> Double {
        engine.estimate(agent: agent, slot: slot, task: task).completionSeconds
    }
}
