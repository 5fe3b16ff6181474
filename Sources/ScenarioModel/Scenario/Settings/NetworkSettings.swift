/// How transfers use the topology's links during a replay.
public struct NetworkSettings: Hashable, Sendable {
    /// Whether each transfer draws every hop's latency from the link's
    /// `latencyDistribution` (when it has one) instead of using `latencyMs`
    /// (default false). Routing always uses `latencyMs`.
    public var sampleLinkLatencies: Bool

    /// Creates network settings.
    public init(sampleLinkLatencies: Bool = false) {
        self.sampleLinkLatencies = sampleLinkLatencies
    }
}
