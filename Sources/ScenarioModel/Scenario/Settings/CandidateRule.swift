/// Which nodes a decision may send a task to.
public struct CandidateRule: Hashable, Sendable {
    /// How the candidate set is formed.
    public enum Rule: String, CaseIterable, Sendable {
        /// Compute nodes within `hops` network hops of the deciding node.
        case withinHops = "within-hops"
        /// Every reachable compute node.
        case allReachable = "all-reachable"
    }

    /// How the candidate set is formed (default `within-hops`).
    public var rule: Rule
    /// The hop radius for `within-hops`, counted over network nodes too (default 2,
    /// which reaches the compute nodes behind one switch).
    public var hops: Int
    /// Whether the deciding node itself is a candidate (default true).
    public var includeLocal: Bool
    /// Whether the nearest cloud node is always a candidate (default true).
    public var includeCloud: Bool
    /// At most this many candidates per agent, nearest first; nil (default)
    /// keeps them all. Bounds the action space on large topologies.
    public var maxCandidates: Int?

    /// Creates a rule.
    public init(
        rule: Rule = .withinHops, hops: Int = 2, includeLocal: Bool = true, includeCloud: Bool = true,
        maxCandidates: Int? = nil
    ) {
        self.rule = rule
        self.hops = hops
        self.includeLocal = includeLocal
        self.includeCloud = includeCloud
        self.maxCandidates = maxCandidates
    }
}
