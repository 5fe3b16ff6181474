/// The model settings of a scenario: everything besides the topology and the
/// workload that decides how a replay behaves. Every field has a documented
/// default, so `{}` is a complete settings object.
public struct ModelSettings: Hashable, Sendable {
    /// The seed that drives every random draw of a replay (default 1).
    public var seed: UInt64
    /// Simulated time at which a replay stops, in seconds; nil (default) runs
    /// until the workload is drained.
    public var horizonSeconds: Double?
    /// Nodes hosting agents (default: every device).
    public var agents: AgentSelection
    /// Where tasks may be sent (default: within 2 hops, local and cloud included).
    public var candidates: CandidateRule
    /// What routes minimise (default: latency).
    public var routing: RoutingMetric
    /// How tasks without an origin get one (default: uniform over devices).
    public var origins: OriginRule
    /// When agents decide (default: at each arrival).
    public var decisions: DecisionEpoch
    /// How rewards are computed (default: PeersimGym's dense reward).
    public var reward: RewardSettings
    /// Arrivals to draw when there is no workload.
    public var syntheticArrivals: SyntheticArrivals
    /// Seconds a queued task may wait past its deadline before it is dropped
    /// (default 0; PeersimGym's `maxTimeAfterDeadline` is 5 ticks).
    public var queueGraceSeconds: Double
    /// How transfers use the links (default: fixed link latencies).
    public var network: NetworkSettings

    /// Creates settings; every argument has its default.
    public init(
        seed: UInt64 = 1, horizonSeconds: Double? = nil, agents: AgentSelection = AgentSelection(),
        candidates: CandidateRule = CandidateRule(), routing: RoutingMetric = .latency,
        origins: OriginRule = OriginRule(), decisions: DecisionEpoch = DecisionEpoch(),
        reward: RewardSettings = RewardSettings(), syntheticArrivals: SyntheticArrivals = SyntheticArrivals(),
        queueGraceSeconds: Double = 0, network: NetworkSettings = NetworkSettings()
    ) {
        self.seed = seed
        self.horizonSeconds = horizonSeconds
        self.agents = agents
        self.candidates = candidates
        self.routing = routing
        self.origins = origins
        self.decisions = decisions
        self.reward = reward
        self.syntheticArrivals = syntheticArrivals
        self.queueGraceSeconds = queueGraceSeconds
        self.network = network
    }
}
