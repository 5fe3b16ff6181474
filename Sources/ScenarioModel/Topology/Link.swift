/// An edge of the topology between two nodes.
///
/// `latencyMs` is the one-way latency of one traversal (propagation plus
/// per-hop overhead), not a round trip. An undirected link carries traffic both
/// ways with the same figures; a directed one only from source to target.
public struct Link: Hashable, Sendable {
    /// Optional stable identifier (GraphML edge ids, parallel edges).
    public var id: String?
    /// The node the link starts at.
    public var source: String
    /// The node the link ends at.
    public var target: String
    /// Whether traffic flows only from source to target.
    public var directed: Bool
    /// Capacity in megabits per second.
    public var bandwidthMbps: Double
    /// One-way latency per traversal in milliseconds.
    public var latencyMs: Double
    /// A latency distribution to sample from, when the source had one.
    public var latencyDistribution: LatencyDistribution?
    /// The shared medium whose capacity this link also uses, if any.
    public var sharedMediumId: String?
    /// Free-form labels (link class, source attributes).
    public var labels: [String: String]
    /// Radio parameters when the link is wireless: its rate then follows
    /// Shannon's formula (capped at `bandwidthMbps`); nil for wired links.
    public var wireless: WirelessChannel?

    /// Creates a link.
    public init(
        id: String? = nil, source: String, target: String, directed: Bool = false,
        bandwidthMbps: Double, latencyMs: Double, latencyDistribution: LatencyDistribution? = nil,
        sharedMediumId: String? = nil, labels: [String: String] = [:], wireless: WirelessChannel? = nil
    ) {
        self.id = id
        self.source = source
        self.target = target
        self.directed = directed
        self.bandwidthMbps = bandwidthMbps
        self.latencyMs = latencyMs
        self.latencyDistribution = latencyDistribution
        self.sharedMediumId = sharedMediumId
        self.labels = labels
        self.wireless = wireless
    }
}
