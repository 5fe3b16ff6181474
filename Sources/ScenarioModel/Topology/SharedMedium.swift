/// A capacity shared by several links, such as a Wi-Fi cell or a shared
/// neighbourhood uplink (Ether's `SharedLinkCell`).
///
/// Transfers on any link naming this medium contend for `bandwidthMbps` in
/// addition to each link's own bandwidth.
public struct SharedMedium: Hashable, Sendable {
    /// Stable identifier, unique among media.
    public var id: String
    /// Capacity shared by all links on the medium, in megabits per second.
    public var bandwidthMbps: Double
    /// Free-form labels (source attributes, medium type).
    public var labels: [String: String]

    /// Creates a medium.
    public init(id: String, bandwidthMbps: Double, labels: [String: String] = [:]) {
        self.id = id
        self.bandwidthMbps = bandwidthMbps
        self.labels = labels
    }
}
