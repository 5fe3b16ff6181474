/// How tasks without an origin get one at replay (and where synthetic tasks arrive).
public struct OriginRule: Hashable, Sendable {
    /// How origins are drawn.
    public enum Rule: String, CaseIterable, Sendable {
        /// Uniformly at random (seeded) among eligible nodes.
        case uniform
        /// Eligible nodes in turn, in topology order.
        case roundRobin = "round-robin"
        /// At random, weighted by the numeric value of a node label.
        case labelWeighted = "label-weighted"
    }

    /// How origins are drawn (default `uniform`).
    public var rule: Rule
    /// Kinds of compute nodes eligible as origins (default devices).
    public var kinds: [NodeKind]
    /// The label holding the weight, for `label-weighted`.
    public var weightLabel: String?

    /// Creates a rule.
    public init(rule: Rule = .uniform, kinds: [NodeKind] = [.device], weightLabel: String? = nil) {
        self.rule = rule
        self.kinds = kinds
        self.weightLabel = weightLabel
    }
}
