/// What shortest paths minimise.
public enum RoutingMetric: String, CaseIterable, Sendable {
    /// The sum of link latencies (default).
    case latency
    /// The number of hops, as Ether routes.
    case hops
}
