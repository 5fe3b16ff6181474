import ScenarioModel

/// What `ReplayEngine.advance()` stopped for.
enum AdvanceResult {
    /// Some agents have a task waiting for a decision (`dueAgents`).
    case decisions
    /// An interval epoch passed without decisions (only when
    /// `stopsAtEveryEpoch`, for stepping in interval mode).
    case epoch
    /// The replay ended (drained, or reached the horizon).
    case finished
}

/// The discrete-event core of one replay: event queue, tasks, nodes, links,
/// agents' inboxes, metrics.
///
/// Not thread-safe; one engine per replay, any number of engines in parallel
/// (there is no shared mutable state: the `CompiledScenario` is immutable).
/// The model and every formula are documented in FORMAT.md, "Replay model".
final class ReplayEngine {
    let scenario: CompiledScenario
    let options: ReplayOptions
    let horizon: Double?
    let graceSeconds: Double
    let intervalMode: Bool
    let intervalSeconds: Double
    let reward: RewardSettings
    let sampleLatencies: Bool
    let observer: (any ReplayObserver)?
    let keepsIdentifiers: Bool
    /// Stepping in interval mode stops at every epoch, even without decisions.
    var stopsAtEveryEpoch = false
    /// Whether agents' rewards are computed (stepping); plain replays skip them.
    var computesRewards = false

    // MARK: Compiled tables (copied into columns so hot paths read them directly)

    let nodeCount: Int
    let nodeCores: UnsafeColumn<Int32>
    let nodeSpeed: UnsafeColumn<Double>
    let nodeCapacity: UnsafeColumn<Int32>
    let nodeIsCloud: UnsafeColumn<Bool>
    let nodeIsCompute: UnsafeColumn<Bool>
    let idleWatts: UnsafeColumn<Double>
    let busyWatts: UnsafeColumn<Double>
    let transmitWatts: UnsafeColumn<Double>
    let arcs: UnsafeColumn<Arc>
    let agentCount: Int
    let agentNodes: UnsafeColumn<Int32>
    let agentOfNode: UnsafeColumn<Int32>
    let slotCount: Int
    let slotNode: UnsafeColumn<Int32>
    let slotForwardRoute: UnsafeColumn<Int32>
    let slotReturnRoute: UnsafeColumn<Int32>
    let candidateCount: UnsafeColumn<Int32>
    let localSlot: UnsafeColumn<Int32>
    let cloudSlot: UnsafeColumn<Int32>
    /// Routes: the compiled ones, then dynamic ones added during the replay.
    let routeList: UnsafeColumn<Route>
    let routeArcs: UnsafeColumn<Int32>
    let compiledRouteCount: Int
    let compiledRouteArcCount: Int

    // MARK: Time and events

    var now = 0.0
    let events = EventQueue()
    /// Epoch and sample events in the queue (they do not keep a replay alive).
    var periodicEvents = 0
    var epochNumber = 0
    var sampleNumber = 0
    var seed: UInt64 = 0
    var isFinished = false
    var stoppedAtHorizon = false
    var epochPassed = false

    // MARK: Arrivals

    let feed = UnsafeBox(ArrivalFeed.exhausted)
    let staged = UnsafeBox(StagedTask())
    var hasStaged = false
    var nextSerial: UInt64 = 0
    let originAssigner: UnsafeBox<OriginAssigner>
    let jobOrigins = UnsafeBox(FingerprintTable())
    let jobOriginUsers = UnsafeBox(FingerprintTable())
    let networkGenerator = UnsafeBox(SeededGenerator(seed: 0, stream: 4))

    // MARK: Tasks

    let tasks = UnsafeColumn<TaskState>(capacity: 1024)
    let freeSlots = UnsafeColumn<Int32>(capacity: 1024)
    var taskIds: [String?] = []
    var jobIds: [String?] = []
    let liveTasks = UnsafeBox(FingerprintTable())
    let failedTasks = UnsafeBox(FingerprintTable())
    var tasksInFlight = 0
    let edgeTask = UnsafeColumn<Int32>()
    let edgeGeneration = UnsafeColumn<UInt32>()
    let edgeNext = UnsafeColumn<Int32>()
    var freeEdge: Int32 = -1

    // MARK: Nodes and links

    let busyCores: UnsafeColumn<Int32>
    let queueHead: UnsafeColumn<Int32>
    let queueTail: UnsafeColumn<Int32>
    let queueLength: UnsafeColumn<Int32>
    let inbound: UnsafeColumn<Int32>
    /// Sums of the finish and start times of the tasks running on each node.
    let runningFinishSum: UnsafeColumn<Double>
    let runningStartSum: UnsafeColumn<Double>
    /// Execution seconds of the tasks queued at, and travelling to, each node.
    let queuedWork: UnsafeColumn<Double>
    let inboundWork: UnsafeColumn<Double>
    let queueArea: UnsafeColumn<Double>
    let queueChangedAt: UnsafeColumn<Double>
    let statistics: NodeCounters
    let resourceFree: UnsafeColumn<Double>
    var dynamicRoutes: [UInt64: Int32] = [:]
    let latencyScratch = UnsafeColumn<Double>(capacity: 16)

    // MARK: Agents

    let inboxHead: UnsafeColumn<Int32>
    let inboxTail: UnsafeColumn<Int32>
    let inboxCount: UnsafeColumn<Int32>
    let isDue: UnsafeColumn<Bool>
    let dueAgents: UnsafeColumn<Int32>
    /// Interval mode: agents whose inbox filled since the last epoch (not due yet).
    let waitingAgents: UnsafeColumn<Int32>
    let rewards: UnsafeColumn<Double>

    // MARK: Observation cache (node features computed once per observation pass)

    let observedOccupancy: UnsafeColumn<Float>
    let observedFreeCores: UnsafeColumn<Float>
    let observedPass: UnsafeColumn<UInt32>
    var observationPass: UInt32 = 0

    // MARK: Metrics

    let counters = UnsafeBox(ReplayCounters())
    let latencies: UnsafeBox<LatencyStatistics>
    var collectedLatencies: [Double] = []
    var queueSamples: [QueueSample] = []
    let queueSampleBuffer: UnsafeColumn<Int32>

    /// Creates an engine; `options` must be valid (`ReplayOptions.validate()`).
    /// The initializer cannot fail: a class whose initializer throws after
    /// its columns were allocated would never run `deinit` to free them.
    init(scenario: CompiledScenario, options: ReplayOptions, observer: (any ReplayObserver)?) {
        self.scenario = scenario
        self.options = options
        let settings = scenario.settings
        horizon = options.horizonSeconds ?? settings.horizonSeconds
        graceSeconds = settings.queueGraceSeconds
        intervalMode = settings.decisions.mode == .interval
        intervalSeconds = settings.decisions.intervalSeconds
        reward = settings.reward
        sampleLatencies = settings.network.sampleLinkLatencies
        self.observer = observer
        keepsIdentifiers = observer != nil
        let nodes = scenario.nodes
        nodeCount = nodes.count
        nodeCores = UnsafeColumn(nodes.cores)
        nodeSpeed = UnsafeColumn(nodes.instructionsPerSecond)
        nodeCapacity = UnsafeColumn(nodes.queueCapacity)
        nodeIsCloud = UnsafeColumn(nodes.kinds.map { $0 == .cloud })
        nodeIsCompute = UnsafeColumn(nodes.isCompute)
        idleWatts = UnsafeColumn(nodes.idleWatts)
        busyWatts = UnsafeColumn(nodes.busyWatts)
        transmitWatts = UnsafeColumn(nodes.transmitWatts)
        arcs = UnsafeColumn(scenario.network.arcs)
        let agents = scenario.agents
        agentCount = agents.nodes.count
        agentNodes = UnsafeColumn(agents.nodes)
        agentOfNode = UnsafeColumn(agents.agentOfNode)
        slotCount = agents.slotCount
        slotNode = UnsafeColumn(agents.slotNode)
        slotForwardRoute = UnsafeColumn(agents.slotForwardRoute)
        slotReturnRoute = UnsafeColumn(agents.slotReturnRoute)
        candidateCount = UnsafeColumn(agents.candidateCount)
        localSlot = UnsafeColumn(agents.localSlot)
        cloudSlot = UnsafeColumn(agents.cloudSlot)
        routeList = UnsafeColumn(scenario.routes.routes)
        routeArcs = UnsafeColumn(scenario.routes.arcs)
        compiledRouteCount = scenario.routes.routes.count
        compiledRouteArcCount = scenario.routes.arcs.count

        busyCores = UnsafeColumn(repeating: 0, count: nodeCount)
        queueHead = UnsafeColumn(repeating: -1, count: nodeCount)
        queueTail = UnsafeColumn(repeating: -1, count: nodeCount)
        queueLength = UnsafeColumn(repeating: 0, count: nodeCount)
        inbound = UnsafeColumn(repeating: 0, count: nodeCount)
        runningFinishSum = UnsafeColumn(repeating: 0, count: nodeCount)
        runningStartSum = UnsafeColumn(repeating: 0, count: nodeCount)
        queuedWork = UnsafeColumn(repeating: 0, count: nodeCount)
        inboundWork = UnsafeColumn(repeating: 0, count: nodeCount)
        queueArea = UnsafeColumn(repeating: 0, count: nodeCount)
        queueChangedAt = UnsafeColumn(repeating: 0, count: nodeCount)
        statistics = NodeCounters(nodeCount: nodeCount)
        resourceFree = UnsafeColumn(repeating: 0, count: scenario.network.resourceCount)
        queueSampleBuffer = UnsafeColumn(repeating: 0, count: nodeCount)
        inboxHead = UnsafeColumn(repeating: -1, count: agentCount)
        inboxTail = UnsafeColumn(repeating: -1, count: agentCount)
        inboxCount = UnsafeColumn(repeating: 0, count: agentCount)
        isDue = UnsafeColumn(repeating: false, count: agentCount)
        dueAgents = UnsafeColumn(capacity: max(agentCount, 1))
        waitingAgents = UnsafeColumn(capacity: max(agentCount, 1))
        rewards = UnsafeColumn(repeating: 0, count: agentCount)
        observedOccupancy = UnsafeColumn(repeating: 0, count: nodeCount)
        observedFreeCores = UnsafeColumn(repeating: 0, count: nodeCount)
        observedPass = UnsafeColumn(repeating: 0, count: nodeCount)
        latencies = UnsafeBox(LatencyStatistics(exactLimit: options.exactQuantileLimit))
        originAssigner = UnsafeBox(OriginAssigner(table: scenario.origins, seed: 0))
    }

    deinit {
        for column in [nodeCores, agentNodes, agentOfNode, slotNode, slotForwardRoute, slotReturnRoute, candidateCount,
                       localSlot, cloudSlot, routeArcs, freeSlots, edgeTask, edgeNext, busyCores, queueHead, queueTail,
                       queueLength, inbound, nodeCapacity, inboxHead, inboxTail, inboxCount, dueAgents, waitingAgents,
                       queueSampleBuffer]
        {
            column.deallocate()
        }
        for column in [nodeSpeed, idleWatts, busyWatts, transmitWatts, runningFinishSum, runningStartSum, queuedWork,
                       inboundWork, queueArea, queueChangedAt, resourceFree, latencyScratch, rewards]
        {
            column.deallocate()
        }
        nodeIsCloud.deallocate()
        observedOccupancy.deallocate()
        observedFreeCores.deallocate()
        observedPass.deallocate()
        nodeIsCompute.deallocate()
        isDue.deallocate()
        arcs.deallocate()
        routeList.deallocate()
        tasks.deallocate()
        edgeGeneration.deallocate()
        statistics.deallocate()
        events.deallocate()
        feed.deallocate()
        staged.deallocate()
        originAssigner.deallocate()
        jobOrigins.deallocate()
        jobOriginUsers.deallocate()
        networkGenerator.deallocate()
        liveTasks.deallocate()
        failedTasks.deallocate()
        counters.deallocate()
        latencies.deallocate()
    }

    // MARK: - Event loop

    /// Whether anything but periodic events can still happen (tasks waiting
    /// in an inbox for the next interval epoch count).
    var isAlive: Bool {
        events.count > periodicEvents || !dueAgents.isEmpty || hasUndecidedTasks
    }

    /// Whether any agent has an undecided task in its inbox.
    var hasUndecidedTasks: Bool {
        !dueAgents.isEmpty || !waitingAgents.isEmpty
    }

    /// Runs events until agents are due (after every event at the same time),
    /// an interval epoch passes (when `stopsAtEveryEpoch`), or the end.
    ///
    /// - Throws: `ReplayError` when the workload stream fails mid-replay.
    func advance() throws(ReplayError) -> AdvanceResult {
        guard !isFinished else { return .finished }
        while true {
            let nextTime = events.peekTime
            if nextTime > now {
                if !dueAgents.isEmpty {
                    // An epoch with decisions is reported as decisions, not again as an empty epoch.
                    epochPassed = false
                    sortDueAgents()
                    return .decisions
                }
                if epochPassed {
                    epochPassed = false
                    return .epoch
                }
            }
            if let horizon {
                if events.isEmpty || nextTime > horizon {
                    finish(at: horizon, atHorizon: true)
                    return .finished
                }
            } else if !isAlive {
                finish(at: now, atHorizon: false)
                return .finished
            }
            let event = events.pop()
            now = event.time
            try handle(event)
        }
    }

    @inline(__always)
    private func handle(_ event: Event) throws(ReplayError) {
        switch event.kind {
        case .arrival:
            counters.value.events += 1
            try handleArrival()
        case .inputDelivered:
            counters.value.events += 1
            inputDelivered(event.task)
        case .executionFinished:
            counters.value.events += 1
            executionFinished(event.task)
        case .outputDelivered:
            counters.value.events += 1
            complete(event.task)
        case .dependencyDelivered:
            counters.value.events += 1
            dependencyDelivered(event.task, generation: event.generation)
        case .deadline:
            deadlineReached(event.task, generation: event.generation)
        case .epoch:
            counters.value.events += 1
            periodicEvents -= 1
            try epochReached()
        case .queueSample:
            counters.value.events += 1
            periodicEvents -= 1
            try takeQueueSample()
        }
    }

    /// Schedules the next interval epoch at `k · intervalSeconds` (products,
    /// not sums, so epochs do not drift).
    func scheduleEpoch() {
        epochNumber += 1
        if events.push(time: Double(epochNumber) * intervalSeconds, kind: .epoch) { periodicEvents += 1 }
    }

    private func epochReached() throws(ReplayError) {
        for position in 0..<waitingAgents.count { markDue(waitingAgents[position]) }
        waitingAgents.removeAll()
        if stopsAtEveryEpoch { epochPassed = true }
        // Keep ticking while anything can still happen (or until the horizon).
        if horizon != nil || events.count > periodicEvents || hasStaged || hasUndecidedTasks {
            if !stopsAtEveryEpoch && !hasUndecidedTasks { try skipIdleEpochs() }
            scheduleEpoch()
        }
    }

    private func sortDueAgents() {
        guard dueAgents.count > 1 else { return }
        // Insertion sort: the list is short and usually almost sorted.
        for index in 1..<dueAgents.count {
            let agent = dueAgents[index]
            var position = index
            while position > 0 && dueAgents[position - 1] > agent {
                dueAgents[position] = dueAgents[position - 1]
                position -= 1
            }
            dueAgents[position] = agent
        }
    }

    /// Ends the replay at `time`: closes the books (busy time, queue areas,
    /// energy) and reports every unfinished task.
    func finish(at time: Double, atHorizon: Bool) {
        guard !isFinished else { return }
        isFinished = true
        stoppedAtHorizon = atHorizon
        now = time
        reportUnfinishedTasks()
    }
}
