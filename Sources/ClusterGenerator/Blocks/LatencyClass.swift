import ScenarioModel

/// The latency of one traversal of a link class: a named Ether distribution,
/// a constant, or a custom log-normal.
///
/// Links carry the class name in their `class` label; `latencyMs` is the
/// distribution's mode (what Ether's `route(use_mode=True)` sums), or the
/// constant.
public struct LatencyClass: Hashable, Sendable {
    /// The `class` label of links with this latency (`lan`, `mobile_isp`, ...).
    public var name: String
    /// The distribution to sample per transfer, or nil for a constant latency.
    public var distribution: LatencyDistribution?
    /// The one-way latency in milliseconds when there is no distribution.
    public var constantMs: Double

    /// Creates a class.
    public init(name: String, distribution: LatencyDistribution?, constantMs: Double = 0) {
        self.name = name
        self.distribution = distribution
        self.constantMs = constantMs
    }

    /// The one-way latency routing uses: the distribution's mode, or the constant.
    public var latencyMs: Double {
        distribution?.modeMs ?? constantMs
    }

    // MARK: - Ether's classes (`ether/qos/latency.py`, SciPy `lognorm(s, loc, scale)` in ms)

    /// Wired LAN hop: lognorm(0.25, 0.35, 0.16), mode 0.50 ms.
    public static let lan = LatencyClass(
        name: "lan", distribution: .lognormal(shape: 0.25, locationMs: 0.35, scaleMs: 0.16))
    /// Wi-Fi hop: lognorm(0.635, 1.18, 3.27), mode 3.37 ms (defined but unused by Ether's blocks).
    public static let wlan = LatencyClass(
        name: "wlan", distribution: .lognormal(shape: 0.635, locationMs: 1.18, scaleMs: 3.27))
    /// Business ISP access: lognorm(0.87, 5.95, 1.21), mode 6.52 ms.
    public static let businessISP = LatencyClass(
        name: "business_isp", distribution: .lognormal(shape: 0.87, locationMs: 5.95, scaleMs: 1.21))
    /// Mobile (LTE) access: lognorm(0.49, 16.2, 8.02), mode 22.5 ms.
    public static let mobileISP = LatencyClass(
        name: "mobile_isp", distribution: .lognormal(shape: 0.49, locationMs: 16.2, scaleMs: 8.02))

    // MARK: - edgesim's additions

    /// 5G radio hop (assumption): lognorm(0.5, 2.0, 2.5), mode 3.95 ms, matching
    /// the ITU-R M.2410 eMBB user-plane target of 4 ms one way, p99 about 10 ms.
    public static let radio5G = LatencyClass(
        name: "radio_5g", distribution: .lognormal(shape: 0.5, locationMs: 2.0, scaleMs: 2.5))
    /// A connection Ether models without latency (shared medium to its
    /// backhaul, up/down links without a distribution): 0 ms.
    public static let direct = LatencyClass(name: "direct", distribution: nil, constantMs: 0)

    /// A constant one-way latency.
    public static func fixed(_ milliseconds: Double) -> LatencyClass {
        LatencyClass(name: "fixed", distribution: nil, constantMs: milliseconds)
    }

    /// A custom log-normal in SciPy's parameterisation.
    public static func lognormal(shape: Double, locationMs: Double, scaleMs: Double) -> LatencyClass {
        LatencyClass(name: "custom", distribution: .lognormal(shape: shape, locationMs: locationMs, scaleMs: scaleMs))
    }

    /// The named classes, by name (`lan`, `wlan`, `business_isp`, `mobile_isp`, `radio_5g`, `direct`).
    public static let named: [LatencyClass] = [lan, wlan, businessISP, mobileISP, radio5G, direct]

    /// The named class called `name`, if any.
    public static func named(_ name: String) -> LatencyClass? {
        named.first { $0.name == name }
    }
}
