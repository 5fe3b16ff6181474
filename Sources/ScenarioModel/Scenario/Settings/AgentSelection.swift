/// Which nodes host a decision-making agent (a controller).
///
/// The agents are the union of every compute node whose kind is in `kinds`
/// and the nodes listed by id in `nodes`. Default: every device.
public struct AgentSelection: Hashable, Sendable {
    /// Node kinds whose nodes are all agents.
    public var kinds: [NodeKind]
    /// Extra agent nodes by id.
    public var nodes: [String]

    /// Creates a selection (default: every device node).
    public init(kinds: [NodeKind] = [.device], nodes: [String] = []) {
        self.kinds = kinds
        self.nodes = nodes
    }
}
