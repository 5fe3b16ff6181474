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

    // MARK: Time and events

    var now = 0.0
    let events = EventQueue()
    /// Epoch and sample events in the queue (they do not keep a replay alive).
    var periodicEvents = 0
    var epochNumber = 0
    var sampleNumber = 0
    private(set) var seed: UInt64 = 0
    private(set) var isFinished = false
    private(set) var stoppedAtHorizon = false
    var epochPassed = false

    // MARK: Arrivals

    var feed = ArrivalFeed.exhausted
    var staged = StagedTask()
    var hasStaged = false
    var nextSerial: UInt64 = 0
    var originAssigner: OriginAssigner
    var jobOrigins = FingerprintTable()
    var jobOriginUsers = FingerprintTable()
    var networkGenerator = SeededGenerator(seed: 0, stream: 4)

    // MARK: Tasks

    var tasks: [TaskState] = []
    var freeSlots: [Int32] = []
    var taskIds: [String?] = []
    var jobIds: [String?] = []
    var liveTasks = FingerprintTable()
    var failedTasks = FingerprintTable()
    var tasksInFlight = 0
    var edgeTask: [Int32] = []
    var edgeGeneration: [UInt32] = []
    var edgeNext: [Int32] = []
    var freeEdge: Int32 = -1

    // MARK: Nodes and links

    var busyCores: [Int32]
    var queueHead: [Int32]
    var queueTail: [Int32]
    var queueLength: [Int32]
    var inbound: [Int32]
    /// Sums of the finish and start times of the tasks running on each node.
    var runningFinishSum: [Double]
    var runningStartSum: [Double]
    /// Execution seconds of the tasks queued at, and travelling to, each node.
    var queuedWork: [Double]
    var inboundWork: [Double]
    var queueArea: [Double]
    var queueChangedAt: [Double]
    var statistics: NodeCounters
    var resourceFree: [Double]
    var routes: RouteTable
    var dynamicRoutes: [UInt64: Int32] = [:]
    var latencyScratch: [Double] = []

    // MARK: Agents

    var inboxHead: [Int32]
    var inboxTail: [Int32]
    var inboxCount: [Int32]
    var isDue: [Bool]
    var dueAgents: [Int32] = []
    var rewards: [Double]

    // MARK: Metrics

    var counters = ReplayCounters()
    var latencies: LatencyStatistics
    var collectedLatencies: [Double] = []
    var queueSamples: [QueueSample] = []
    var queueSampleBuffer: [Int32] = []

    init(scenario: CompiledScenario, options: ReplayOptions, observer: (any ReplayObserver)?) throws(ReplayError) {
        try options.validate()
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
        let nodeCount = scenario.nodes.count
        let agentCount = scenario.agents.nodes.count
        busyCores = Array(repeating: 0, count: nodeCount)
        queueHead = Array(repeating: -1, count: nodeCount)
        queueTail = Array(repeating: -1, count: nodeCount)
        queueLength = Array(repeating: 0, count: nodeCount)
        inbound = Array(repeating: 0, count: nodeCount)
        runningFinishSum = Array(repeating: 0, count: nodeCount)
        runningStartSum = Array(repeating: 0, count: nodeCount)
        queuedWork = Array(repeating: 0, count: nodeCount)
        inboundWork = Array(repeating: 0, count: nodeCount)
        queueArea = Array(repeating: 0, count: nodeCount)
        queueChangedAt = Array(repeating: 0, count: nodeCount)
        statistics = NodeCounters(nodeCount: nodeCount)
        resourceFree = Array(repeating: 0, count: scenario.network.resourceCount)
        routes = scenario.routes
        inboxHead = Array(repeating: -1, count: agentCount)
        inboxTail = Array(repeating: -1, count: agentCount)
        inboxCount = Array(repeating: 0, count: agentCount)
        isDue = Array(repeating: false, count: agentCount)
        rewards = Array(repeating: 0, count: agentCount)
        latencies = LatencyStatistics(exactLimit: options.exactQuantileLimit)
        originAssigner = OriginAssigner(table: scenario.origins, seed: 0)
    }

    // MARK: - Reset

    /// Clears every piece of state and starts a replay seeded with `seed`:
    /// opens the workload, stages the first arrival, schedules epochs and
    /// samples. Capacities are kept, so resets do not reallocate.
    func reset(seed: UInt64) throws(ReplayError) {
        self.seed = seed
        now = 0
        events.removeAll()
        periodicEvents = 0
        epochNumber = 0
        sampleNumber = 0
        isFinished = false
        stoppedAtHorizon = false
        epochPassed = false
        nextSerial = 0
        hasStaged = false
        originAssigner = OriginAssigner(table: scenario.origins, seed: seed)
        networkGenerator = SeededGenerator(seed: seed, stream: 4)
        jobOrigins.removeAll()
        jobOriginUsers.removeAll()
        tasks.removeAll(keepingCapacity: true)
        freeSlots.removeAll(keepingCapacity: true)
        taskIds.removeAll(keepingCapacity: true)
        jobIds.removeAll(keepingCapacity: true)
        liveTasks.removeAll()
        failedTasks.removeAll()
        tasksInFlight = 0
        edgeTask.removeAll(keepingCapacity: true)
        edgeGeneration.removeAll(keepingCapacity: true)
        edgeNext.removeAll(keepingCapacity: true)
        freeEdge = -1
        for node in busyCores.indices {
            busyCores[node] = 0
            queueHead[node] = -1
            queueTail[node] = -1
            queueLength[node] = 0
            inbound[node] = 0
            runningFinishSum[node] = 0
            runningStartSum[node] = 0
            queuedWork[node] = 0
            inboundWork[node] = 0
            queueArea[node] = 0
            queueChangedAt[node] = 0
        }
        statistics.reset()
        for resource in resourceFree.indices { resourceFree[resource] = 0 }
        for agent in inboxHead.indices {
            inboxHead[agent] = -1
            inboxTail[agent] = -1
            inboxCount[agent] = 0
            isDue[agent] = false
            rewards[agent] = 0
        }
        dueAgents.removeAll(keepingCapacity: true)
        counters = ReplayCounters()
        latencies.removeAll()
        collectedLatencies.removeAll(keepingCapacity: true)
        queueSamples.removeAll(keepingCapacity: true)

        feed = try ArrivalFeed.open(scenario, seed: seed, rateScale: options.arrivalRateScale)
        try stageNextArrival()
        if intervalMode {
            scheduleEpoch()
        }
        if options.queueSampleIntervalSeconds != nil {
            events.push(time: 0, kind: .queueSample)
            periodicEvents += 1
        }
    }

    // MARK: - Event loop

    /// Whether anything but periodic events can still happen.
    var isAlive: Bool {
        events.count > periodicEvents || !dueAgents.isEmpty
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
            counters.events += 1
            try handleArrival()
        case .inputDelivered:
            counters.events += 1
            inputDelivered(event.task)
        case .executionFinished:
            counters.events += 1
            executionFinished(event.task)
        case .outputDelivered:
            counters.events += 1
            complete(event.task)
        case .dependencyDelivered:
            counters.events += 1
            dependencyDelivered(event.task, generation: event.generation)
        case .deadline:
            deadlineReached(event.task, generation: event.generation)
        case .epoch:
            counters.events += 1
            periodicEvents -= 1
            epochReached()
        case .queueSample:
            counters.events += 1
            periodicEvents -= 1
            takeQueueSample()
        }
    }

    /// Schedules the next interval epoch at `k · intervalSeconds` (products,
    /// not sums, so epochs do not drift).
    func scheduleEpoch() {
        epochNumber += 1
        events.push(time: Double(epochNumber) * intervalSeconds, kind: .epoch)
        periodicEvents += 1
    }

    private func epochReached() {
        for agent in inboxCount.indices where inboxCount[agent] > 0 { markDue(Int32(agent)) }
        if stopsAtEveryEpoch { epochPassed = true }
        // Keep ticking while anything can still happen (or until the horizon).
        if horizon != nil || events.count > periodicEvents || hasStaged || inboxCount.contains(where: { $0 > 0 }) {
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

/// Per-node counters kept as flat arrays during the replay.
struct NodeCounters {
    var received: [Int]
    var executed: [Int]
    var droppedQueueFull: [Int]
    var droppedDeadline: [Int]
    var offloadedOut: [Int]
    var offloadedIn: [Int]
    var maxQueue: [Int32]
    var busyCoreSeconds: [Double]
    var bytesSent: [Double]
    var transmitEnergy: [Double]

    init(nodeCount: Int) {
        received = Array(repeating: 0, count: nodeCount)
        executed = received
        droppedQueueFull = received
        droppedDeadline = received
        offloadedOut = received
        offloadedIn = received
        maxQueue = Array(repeating: 0, count: nodeCount)
        busyCoreSeconds = Array(repeating: 0, count: nodeCount)
        bytesSent = busyCoreSeconds
        transmitEnergy = busyCoreSeconds
    }

    mutating func reset() {
        self = NodeCounters(nodeCount: received.count)
    }
}
