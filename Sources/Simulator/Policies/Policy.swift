/// A decision rule: picks a candidate slot for an agent's pending task.
///
/// Policies are values; each replay uses its own, so replays on different
/// threads never share one. A policy that draws random numbers keeps its own
/// `SeededGenerator`, seeded in `reset(seed:agentCount:)`, so a replay is
/// reproducible from its seed.
///
/// ```swift
/// struct FastestCore: Policy {
///     var name: String { "fastest-core" }
///     mutating func reset(seed: UInt64, agentCount: Int) {}
///     mutating func decide(_ view: DecisionView) -> Int {
///         (0..<view.candidateCount).min { view.executionSeconds($0) < view.executionSeconds($1) } ?? 0
///     }
/// }
/// ```
public protocol Policy {
    /// The policy's name in results (`least-queue`, ...).
    var name: String { get }

    /// Prepares for a replay (or episode) seeded with `seed`, with
    /// `agentCount` agents.
    mutating func reset(seed: UInt64, agentCount: Int)

    /// The slot to send `view`'s task to, in `0 ..< view.candidateCount`.
    /// Other values are invalid actions (counted; the task runs locally).
    mutating func decide(_ view: DecisionView) -> Int
}
