extension ReplayEnvironment {
    /// Binds caller-owned buffers for `resetBound(seed:)` and `stepBound()`.
    ///
    /// - Throws: `ReplayError.bufferSize` naming the first buffer of the
    ///   wrong size (see `StepBuffers` for the sizes).
    public func bind(_ buffers: StepBuffers) throws(ReplayError) {
        let agents = agentCount
        let checks: [(String, Int, Int)] = [
            ("actions", buffers.actions.count, agents),
            ("observations", buffers.observations.count, agents * observationLength),
            ("actionMasks", buffers.actionMasks.count, agents * slotCount),
            ("rewards", buffers.rewards.count, agents),
            ("terminations", buffers.terminations.count, agents),
            ("truncations", buffers.truncations.count, agents),
            ("decisionMask", buffers.decisionMask.count, agents),
            ("invalidActions", buffers.invalidActions.count, agents),
        ]
        for (name, found, expected) in checks where found != expected {
            throw .bufferSize(name: name, expected: expected, found: found)
        }
        boundBuffers = buffers
    }

    /// Forgets the bound buffers.
    public func unbind() {
        boundBuffers = nil
    }

    /// `reset(seed:)`, then writes observations, masks, rewards and flags
    /// into the bound buffers.
    ///
    /// - Throws: `ReplayError.invalidState` when nothing is bound, or what
    ///   `reset(seed:)` throws.
    @discardableResult
    public func resetBound(seed: UInt64) throws(ReplayError) -> StepOutcome {
        guard let buffers = boundBuffers else { throw .invalidState("bind(_:) buffers before resetBound(seed:)") }
        let outcome = try reset(seed: seed)
        try publish(into: buffers)
        return outcome
    }

    /// `step(actions:)` with the bound `actions`, then writes the results into
    /// the bound buffers. Allocates nothing once the replay's tables reached
    /// their high-water marks.
    ///
    /// - Throws: `ReplayError.invalidState` when nothing is bound, or what
    ///   `step(actions:)` throws.
    @discardableResult
    public func stepBound() throws(ReplayError) -> StepOutcome {
        guard let buffers = boundBuffers else { throw .invalidState("bind(_:) buffers before stepBound()") }
        let outcome = try step(actions: UnsafeBufferPointer(buffers.actions))
        try publish(into: buffers)
        return outcome
    }

    private func publish(into buffers: StepBuffers) throws(ReplayError) {
        try writeObservations(into: buffers.observations)
        try writeActionMasks(into: buffers.actionMasks)
        let rewards = engine.rewards
        let invalid = invalidFlags
        let terminated: UInt8 = lastOutcome.status == .terminated ? 1 : 0
        let truncated: UInt8 = lastOutcome.status == .truncated ? 1 : 0
        for agent in 0..<agentCount {
            buffers.rewards[agent] = Float(rewards[agent])
            buffers.terminations[agent] = terminated
            buffers.truncations[agent] = truncated
            buffers.decisionMask[agent] = engine.pendingTask(of: agent) >= 0 ? 1 : 0
            buffers.invalidActions[agent] = invalid[agent] ? 1 : 0
        }
    }
}
