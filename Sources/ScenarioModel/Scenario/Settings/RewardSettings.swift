/// How the engine turns outcomes into per-agent rewards.
///
/// `dense` follows PeersimGym's paper reward: `utility - (waitWeight * wait +
/// transferWeight * transfer + executionWeight * execution) - overloadWeight *
/// overload - energyWeight * energy`; `sparse` is `utility * (completed -
/// dropped)` since the last step.
public struct RewardSettings: Hashable, Sendable {
    /// The reward family.
    public enum Kind: String, CaseIterable, Sendable {
        case dense
        case sparse
    }

    /// The reward family (default `dense`).
    public var kind: Kind
    /// Utility of a completed task (default 10, PeersimGym's `utility_reward`).
    public var utility: Double
    /// Weight of waiting time in seconds (default 1).
    public var waitWeight: Double
    /// Weight of transfer time in seconds (default 1).
    public var transferWeight: Double
    /// Weight of execution time in seconds (default 1).
    public var executionWeight: Double
    /// Weight of the overload term (default 2, the paper-era drivers' value).
    public var overloadWeight: Double
    /// Weight of energy in joules (default 0: energy reported, not rewarded).
    public var energyWeight: Double

    /// Creates reward settings.
    public init(
        kind: Kind = .dense, utility: Double = 10, waitWeight: Double = 1, transferWeight: Double = 1,
        executionWeight: Double = 1, overloadWeight: Double = 2, energyWeight: Double = 0
    ) {
        self.kind = kind
        self.utility = utility
        self.waitWeight = waitWeight
        self.transferWeight = transferWeight
        self.executionWeight = executionWeight
        self.overloadWeight = overloadWeight
        self.energyWeight = energyWeight
    }
}
