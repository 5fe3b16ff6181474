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

/// The task attribute that `OriginAssignment.hash` maps to a node.
public enum OriginKey: String, CaseIterable, Sendable {
    /// The canonical job id (every format).
    case job
    /// The user (Google 2011 user hash; SWF user id).
    case user
    /// The machine the task ran on (Google 2011; Alibaba 2018 with batch_instance).
    case machine
    /// The logical job name from Google 2011 `job_events` (recurring runs of one program).
    case logicalJob = "logical-job"
    /// The Alibaba 2018 task type.
    case taskType = "task-type"
    /// The SWF group id.
    case group
    /// The SWF executable (application) number.
    case executable
    /// The SWF queue number.
    case queue
    /// The SWF partition number.
    case partition
    /// The Azure Functions application.
    case application
}
