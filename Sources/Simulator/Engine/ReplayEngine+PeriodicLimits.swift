extension ReplayEngine {
    // MARK: - Bounded periodic events

    /// Queue samples a replay may take (48 bytes each: about 100 MB).
    static let maximumQueueSamples = 2_000_000

    /// Epoch numbers stay below 2^53, where `k · intervalSeconds` is still exact.
    static let maximumEpochNumber = 9_007_199_254_740_992.0

    /// Jumps over interval epochs that cannot decide anything.
    ///
    /// Until the earliest scheduled event (a queue sample at worst), no task
    /// arrives, finishes or moves, so an epoch with no agent waiting changes
    /// nothing but the event count. Valid data can make such stretches
    /// enormous (one task of 2^63 instructions keeps a replay alive for 10^15
    /// simulated seconds, one epoch per interval), so instead of firing each
    /// epoch this counts them and schedules the last one before the next
    /// event: the events, their order (an epoch at exactly the next event's
    /// time is still scheduled after it) and every output stay the same.
    /// Not used while stepping (`stopsAtEveryEpoch`), where each epoch is a step.
    ///
    /// - Throws: `ReplayError.unreplayable` when the epochs would run past
    ///   2^53 intervals (a horizon of 1e300 s, say), which no replay can finish.
    func skipIdleEpochs() throws(ReplayError) {
        var bound = events.peekTime
        if let horizon { bound = min(bound, horizon.nextUp) }
        guard bound.isFinite else { return }
        let estimate = (bound / intervalSeconds).rounded(.down)
        guard estimate < Self.maximumEpochNumber else {
            throw .unreplayable(
                nil, "decision epochs every \(intervalSeconds) s would run to \(bound) s of simulated time, more than "
                    + "2^53 epochs; set a shorter horizon or a longer decisions.intervalSeconds")
        }
        // The last epoch strictly before `bound`, corrected for rounding.
        var last = Int(estimate)
        while last > epochNumber && Double(last) * intervalSeconds >= bound { last -= 1 }
        while Double(last + 1) * intervalSeconds < bound { last += 1 }
        guard last > epochNumber else { return }
        counters.value.events += last - epochNumber
        epochNumber = last
    }
}
