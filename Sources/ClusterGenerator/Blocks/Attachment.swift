/// How a block connects to its parent: one undirected link, or Ether's
/// `UpDownLink` (a directed uplink and a directed downlink with their own
/// bandwidths).
public struct Attachment: Hashable, Sendable {
    /// The link or links an attachment creates.
    public enum Shape: Hashable, Sendable {
        /// One undirected link.
        case undirected(bandwidthMbps: Double)
        /// A directed uplink (child → parent) and a directed downlink (parent → child).
        case upDown(downMbps: Double, upMbps: Double)
    }

    /// The links' shape and bandwidths.
    public var shape: Shape
    /// The latency of each traversal.
    public var latency: LatencyClass
    /// The access technology, recorded in the `uplink` label of up/down pairs
    /// (`mobile`, `business_isp`, `fibre`, `custom`).
    public var technology: String

    /// Creates an attachment.
    public init(shape: Shape, latency: LatencyClass, technology: String = "custom") {
        self.shape = shape
        self.latency = latency
        self.technology = technology
    }

    /// Ether's `MobileConnection`: 125 Mbit/s down, 25 up, `mobile_isp` latency.
    public static let mobile = Attachment(
        shape: .upDown(downMbps: 125, upMbps: 25), latency: .mobileISP, technology: "mobile")
    /// Ether's `BusinessIsp`: 500 Mbit/s down, 50 up, `business_isp` latency.
    public static let businessISP = Attachment(
        shape: .upDown(downMbps: 500, upMbps: 50), latency: .businessISP, technology: "business_isp")
    /// Ether's `FiberToExchange`: 1000 Mbit/s both ways, `lan` latency.
    public static let fibre = Attachment(
        shape: .upDown(downMbps: 1000, upMbps: 1000), latency: .lan, technology: "fibre")

    /// The named presets, by name (`mobile`, `business_isp`, `fibre`).
    public static let presets: [String: Attachment] = [
        "mobile": mobile, "business_isp": businessISP, "fibre": fibre,
    ]

    /// An Ether `UpDownLink(bw_down, bw_up)` with the given latency.
    public static func upDown(downMbps: Double, upMbps: Double, latency: LatencyClass = .direct) -> Attachment {
        Attachment(shape: .upDown(downMbps: downMbps, upMbps: upMbps), latency: latency)
    }

    /// One undirected link.
    public static func link(bandwidthMbps: Double, latency: LatencyClass) -> Attachment {
        Attachment(shape: .undirected(bandwidthMbps: bandwidthMbps), latency: latency)
    }
}
