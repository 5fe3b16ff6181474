import ScenarioModel

extension ReplayEngine {
    // MARK: - Queue samples

    /// Records one queue-occupancy sample and schedules the next.
    ///
    /// - Throws: `ReplayError.unreplayable` past `maximumQueueSamples`: a long
    ///   task (valid data can keep a replay alive for 10^15 simulated seconds)
    ///   would otherwise fill memory with identical samples.
    func takeQueueSample() throws(ReplayError) {
        guard let interval = options.queueSampleIntervalSeconds else { return }
        guard queueSamples.count < Self.maximumQueueSamples else {
            throw .unreplayable(
                nil, "queue sampling every \(interval) s needs more than \(Self.maximumQueueSamples) samples "
                    + "(simulated time reached \(now) s); use a larger --queue-sample-seconds or a --horizon-seconds")
        }
        var computeNodes = 0
        var queued = 0
        var longest = 0
        var busy = 0
        var cores = 0
        for node in 0..<nodeCount {
            queueSampleBuffer[node] = queueLength[node]
            guard nodeIsCompute[node] else { continue }
            computeNodes += 1
            queued += Int(queueLength[node])
            longest = max(longest, Int(queueLength[node]))
            busy += Int(busyCores[node])
            cores += Int(nodeCores[node])
        }
        let sample = QueueSample(
            timeSeconds: now, meanQueueLength: computeNodes > 0 ? Double(queued) / Double(computeNodes) : 0,
            maxQueueLength: longest, queuedTasks: queued, busyCoreFraction: cores > 0 ? Double(busy) / Double(cores) : 0,
            tasksInFlight: tasksInFlight)
        queueSamples.append(sample)
        if let observer {
            queueSampleBuffer.withUnsafeBufferPointer { observer.queueSampled(sample, queueLengths: $0) }
        }
        sampleNumber += 1
        let next = Double(sampleNumber) * interval
        if let horizon {
            guard next <= horizon else { return }
        } else if !isAlive {
            return
        }
        if events.push(time: next, kind: .queueSample) { periodicEvents += 1 }
    }

    // MARK: - Results

    /// The summary so far (final once the replay finished).
    func summary() -> ReplaySummary {
        let percentiles = latencies.value.quantiles([0.5, 0.95, 0.99])
        let energy = nodeStatistics().reduce(0.0) { $0 + $1.energyJoules }
        return ReplaySummary(
            tasks: counters.value.tasks, completed: counters.value.completed, droppedQueueFull: counters.value.droppedQueueFull,
            droppedDeadline: counters.value.droppedDeadline, late: counters.value.late, unfinished: counters.value.unfinished,
            meanLatencySeconds: latencies.value.mean, p50LatencySeconds: percentiles[0], p95LatencySeconds: percentiles[1],
            p99LatencySeconds: percentiles[2], energyJoules: energy, events: counters.value.events, simulatedTimeSeconds: now)
    }

    /// Per-node statistics up to `now`.
    ///
    /// Compute energy is `idle · T + (busy - idle) · busyCoreSeconds / cores`
    /// (power linear in the fraction of busy cores), `T` the simulated time;
    /// network nodes draw their idle power. Busy time of tasks still running
    /// counts up to `now`.
    func nodeStatistics() -> [NodeStatistics] {
        let nodes = scenario.nodes
        let elapsed = now
        var result: [NodeStatistics] = []
        result.reserveCapacity(nodes.count)
        for node in 0..<nodes.count {
            var entry = NodeStatistics(id: nodes.ids[node], kind: nodes.kinds[node].rawValue)
            entry.tasksReceived = statistics.received[node]
            entry.tasksExecuted = statistics.executed[node]
            entry.droppedQueueFull = statistics.droppedQueueFull[node]
            entry.droppedDeadline = statistics.droppedDeadline[node]
            entry.offloadedOut = statistics.offloadedOut[node]
            entry.offloadedIn = statistics.offloadedIn[node]
            var busySeconds = statistics.busyCoreSeconds[node]
            if !isFinished {
                // Running tasks count up to now (at the end, `finish` added them).
                busySeconds += max(0, Double(busyCores[node]) * now - runningStartSum[node])
            }
            entry.busyCoreSeconds = busySeconds
            let cores = Double(nodes.cores[node])
            entry.utilization = cores > 0 && elapsed > 0 ? busySeconds / (cores * elapsed) : 0
            let area = queueArea[node] + Double(queueLength[node]) * (now - queueChangedAt[node])
            entry.meanQueueLength = elapsed > 0 ? area / elapsed : 0
            entry.maxQueueLength = Int(statistics.maxQueue[node])
            entry.bytesSent = statistics.bytesSent[node]
            let busyExtra = cores > 0 ? (nodes.busyWatts[node] - nodes.idleWatts[node]) * busySeconds / cores : 0
            entry.computeEnergyJoules = nodes.idleWatts[node] * elapsed + busyExtra
            entry.transmitEnergyJoules = statistics.transmitEnergy[node]
            result.append(entry)
        }
        return result
    }

    /// Figures beyond the summary.
    func details() -> ReplayDetails {
        var details = ReplayDetails()
        details.decisions = counters.value.decisions
        details.invalidActions = counters.value.invalidActions
        details.offloaded = counters.value.offloaded
        let nodes = nodeStatistics()
        details.computeEnergyJoules = nodes.reduce(0) { $0 + $1.computeEnergyJoules }
        details.transmitEnergyJoules = nodes.reduce(0) { $0 + $1.transmitEnergyJoules }
        if counters.value.completed > 0 {
            let count = Double(counters.value.completed)
            details.meanWaitSeconds = counters.value.waitSum / count
            details.meanTransferSeconds = counters.value.transferSum / count
            details.meanExecutionSeconds = counters.value.executionSum / count
        }
        details.drained = isFinished && !stoppedAtHorizon
        return details
    }
}
