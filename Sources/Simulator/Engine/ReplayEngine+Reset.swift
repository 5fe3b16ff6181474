import ScenarioModel

extension ReplayEngine {
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
        originAssigner.value = OriginAssigner(table: scenario.origins, seed: seed)
        networkGenerator.value = SeededGenerator(seed: seed, stream: 4)
        jobOrigins.value.removeAll()
        jobOriginUsers.value.removeAll()
        tasks.removeAll()
        freeSlots.removeAll()
        taskIds.removeAll(keepingCapacity: true)
        jobIds.removeAll(keepingCapacity: true)
        liveTasks.value.removeAll()
        failedTasks.value.removeAll()
        tasksInFlight = 0
        edgeTask.removeAll()
        edgeGeneration.removeAll()
        edgeNext.removeAll()
        freeEdge = -1
        busyCores.fill(with: 0)
        queueHead.fill(with: -1)
        queueTail.fill(with: -1)
        queueLength.fill(with: 0)
        inbound.fill(with: 0)
        for column in [runningFinishSum, runningStartSum, queuedWork, inboundWork, queueArea, queueChangedAt,
                       resourceFree, rewards]
        {
            column.fill(with: 0)
        }
        statistics.reset()
        // Forget the dynamic routes of the previous replay.
        while routeList.count > compiledRouteCount { _ = routeList.popLast() }
        while routeArcs.count > compiledRouteArcCount { _ = routeArcs.popLast() }
        dynamicRoutes.removeAll()
        inboxHead.fill(with: -1)
        inboxTail.fill(with: -1)
        inboxCount.fill(with: 0)
        isDue.fill(with: false)
        dueAgents.removeAll()
        waitingAgents.removeAll()
        counters.value = ReplayCounters()
        latencies.value.removeAll()
        collectedLatencies.removeAll(keepingCapacity: true)
        queueSamples.removeAll(keepingCapacity: true)

        feed.value = try ArrivalFeed.open(scenario, seed: seed, rateScale: options.arrivalRateScale)
        try stageNextArrival()
        if intervalMode {
            scheduleEpoch()
        }
        if options.queueSampleIntervalSeconds != nil {
            if events.push(time: 0, kind: .queueSample) { periodicEvents += 1 }
        }
    }
}
