extension ReplayEngine {
    @inline(__always)
    private func squash(_ value: Double) -> Float {
        guard value > 0 else { return 0 }
        guard value.isFinite else { return 1 }
        return Float(value / (1 + value))
    }

    /// Queue occupancy of `node` as observed (see `ObservationLayout`).
    private func occupancy(_ node: Int) -> Float {
        let waiting = Double(queueLength[node] + inbound[node])
        let capacity = nodeCapacity[node]
        if capacity == Int32.max { return squash(waiting / Double(max(nodeCores[node], 1))) }
        guard capacity > 0 else { return waiting > 0 ? 1 : 0 }
        return Float(min(1, waiting / Double(capacity)))
    }

    private func freeCoreFraction(_ node: Int) -> Float {
        let cores = nodeCores[node]
        guard cores > 0 else { return 0 }
        return Float(max(0, cores - busyCores[node])) / Float(cores)
    }

    /// Starts an observation pass: until the next pass, each node's occupancy
    /// and free cores are computed once and shared by every row that shows
    /// them. Call it whenever the state may have changed (before each batch
    /// of `writeObservation` calls).
    func beginObservationPass() {
        observationPass &+= 1
        if observationPass == 0 {
            observedPass.fill(with: 0)
            observationPass = 1
        }
    }

    /// The node's observed queue occupancy and free-core fraction in this pass.
    @inline(__always)
    private func nodeFeatures(_ node: Int) -> (occupancy: Float, freeCores: Float) {
        if observedPass[node] != observationPass {
            observedOccupancy[node] = occupancy(node)
            observedFreeCores[node] = freeCoreFraction(node)
            observedPass[node] = observationPass
        }
        return (observedOccupancy[node], observedFreeCores[node])
    }

    /// Writes the observation of `agent` into `row` (`ObservationLayout.length` values),
    /// within an observation pass (`beginObservationPass()`).
    func writeObservation(agent: Int, into row: UnsafeMutableBufferPointer<Float>) {
        let timeScale = options.observationTimeScaleSeconds
        let byteScale = options.observationByteScale
        let node = Int(agentNodes[agent])
        let task = Int(pendingTask(of: agent))
        let hasTask = task >= 0
        let globals = ObservationLayout.globalFeatureCount
        let perSlot = ObservationLayout.slotFeatureCount
        let own = nodeFeatures(node)
        row[0] = hasTask ? 1 : 0
        row[1] = own.occupancy
        row[2] = own.freeCores
        row[3] = squash(Double(inboxCount[agent] - (hasTask ? 1 : 0)))
        if hasTask {
            let state = tasks[task]
            row[4] = squash(state.instructions / nodeSpeed[node] / timeScale)
            row[5] = squash(state.inputBytes / byteScale)
            row[6] = squash(state.outputBytes / byteScale)
            row[7] = state.deadline.isFinite ? 1 : 0
            row[8] = state.deadline.isFinite ? squash((state.deadline - now) / timeScale) : 0
        } else {
            for position in 4...8 { row[position] = 0 }
        }
        row[9] = horizon.map { Float(min(1, max(0, now / $0))) } ?? 0
        let candidates = Int(candidateCount[agent])
        for slot in 0..<slotCount {
            let base = globals + slot * perSlot
            guard slot < candidates else {
                for feature in 0..<perSlot { row[base + feature] = 0 }
                continue
            }
            let target = Int(slotNode[agent * slotCount + slot])
            let features = nodeFeatures(target)
            row[base] = 1
            row[base + 1] = features.occupancy
            row[base + 2] = features.freeCores
            if hasTask {
                let estimate = self.estimate(agent: agent, slot: slot, task: task)
                row[base + 3] = squash(estimate.waitSeconds / timeScale)
                row[base + 4] = squash(estimate.transferSeconds / timeScale)
                row[base + 5] = squash(estimate.executionSeconds / timeScale)
                row[base + 6] = squash(estimate.completionSeconds / timeScale)
            } else {
                for feature in 3...6 { row[base + feature] = 0 }
            }
            row[base + 7] = nodeIsCloud[target] ? 1 : 0
        }
    }

    /// Writes the action mask of `agent` into `row` (`slotCount` values):
    /// 1 for each real candidate when the agent must decide; when it need
    /// not, only slot 0 (a no-op), so samplers always have a valid action.
    func writeActionMask(agent: Int, into row: UnsafeMutableBufferPointer<UInt8>) {
        let hasTask = pendingTask(of: agent) >= 0
        let candidates = Int(candidateCount[agent])
        for slot in 0..<slotCount {
            row[slot] = hasTask ? (slot < candidates ? 1 : 0) : (slot == 0 ? 1 : 0)
        }
    }
}
