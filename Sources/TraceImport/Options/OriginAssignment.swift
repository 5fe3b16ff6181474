/// How imported tasks get their origin node (the node where they arrive).
public enum OriginAssignment: Sendable, Equatable {
    /// No origin: the scenario's origin rule assigns one at replay.
    case none
    /// A fixed function of a task attribute (`OriginKey`): the same user,
    /// machine or job always arrives at the same node.
    case hash
    /// Nodes in turn, in output order.
    case roundRobin
    /// A node drawn uniformly from the seeded generator, in output order.
    case random

    /// Parses `none`, `hash`, `round-robin` or `random`.
    public static func parse(_ text: String) throws(TraceImportError) -> OriginAssignment {
        switch text {
        case "none": return .none
        case "hash": return .hash
        case "round-robin": return .roundRobin
        case "random": return .random
        default:
            throw .invalidOption("--origins: expected none, hash, round-robin or random, found '\(text)'")
        }
    }
}
