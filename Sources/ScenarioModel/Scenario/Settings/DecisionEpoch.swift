/// When agents are asked to decide.
public struct DecisionEpoch: Hashable, Sendable {
    /// The epoch mode.
    public enum Mode: String, CaseIterable, Sendable {
        /// At every task arrival (or readiness, for DAG tasks).
        case arrival
        /// Every `intervalSeconds`, for the tasks waiting then (PeersimGym's ticks).
        case interval
    }

    /// The epoch mode (default `arrival`).
    public var mode: Mode
    /// The decision interval for `interval` mode, in seconds (default 1).
    public var intervalSeconds: Double

    /// Creates an epoch setting.
    public init(mode: Mode = .arrival, intervalSeconds: Double = 1) {
        self.mode = mode
        self.intervalSeconds = intervalSeconds
    }
}
