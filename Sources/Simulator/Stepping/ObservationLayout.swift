/// The layout of an agent's observation: a fixed-size `Float32` vector of
/// `globalFeatures.count + slotCount · slotFeatures.count` values, every one
/// in [0, 1].
///
/// Global features come first, then one block per candidate slot, in slot
/// order. Unbounded quantities are squashed: a duration `d` is observed as
/// `x / (1 + x)` with `x = d / observationTimeScaleSeconds`, a size `b` as
/// `x / (1 + x)` with `x = b / observationByteScale` (monotone, finite, 0.5
/// at the scale). Queue occupancy is `(waiting + inbound) / queueCapacity`
/// capped at 1 (unbounded queues: squashed `(waiting + inbound) / cores`).
///
/// Agents without a pending decision get `has_decision = 0`, their node's
/// own state and the slots' node state, and zeros for task-dependent values.
public struct ObservationLayout: Hashable, Sendable {
    /// Global features, in order:
    /// - `has_decision`: 1 when the agent must decide this step.
    /// - `own_queue_occupancy`: the agent node's queue occupancy.
    /// - `own_free_cores`: free cores over cores at the agent's node.
    /// - `inbox_backlog`: other tasks waiting for the agent's decision (squashed count).
    /// - `task_local_execution`: the task's execution time on the agent's node (squashed).
    /// - `task_input_size`, `task_output_size`: the task's bytes (squashed).
    /// - `task_has_deadline`: 1 when the task has a deadline.
    /// - `task_deadline_slack`: time left until the deadline (squashed; 0 past it or without one).
    /// - `episode_progress`: simulated time over the horizon (0 without a horizon).
    public static let globalFeatures = [
        "has_decision", "own_queue_occupancy", "own_free_cores", "inbox_backlog", "task_local_execution",
        "task_input_size", "task_output_size", "task_has_deadline", "task_deadline_slack", "episode_progress",
    ]

    /// Features of each candidate slot, in order:
    /// - `valid`: 1 for a real candidate, 0 for padding (all other values 0).
    /// - `queue_occupancy`, `free_cores`: the candidate node's state.
    /// - `wait_estimate`: fluid queueing estimate when the input would arrive (squashed).
    /// - `transfer_estimate`: input now plus output on the idle return route (squashed).
    /// - `execution_estimate`: the task's execution time there (squashed).
    /// - `completion_estimate`: transfer + wait + execution (squashed).
    /// - `is_cloud`: 1 for a cloud node.
    public static let slotFeatures = [
        "valid", "queue_occupancy", "free_cores", "wait_estimate", "transfer_estimate", "execution_estimate",
        "completion_estimate", "is_cloud",
    ]

    /// `globalFeatures.count`, as a constant for hot paths.
    static let globalFeatureCount = 10
    /// `slotFeatures.count`, as a constant for hot paths.
    static let slotFeatureCount = 8

    /// Candidate slots per agent (`CompiledScenario.slotCount`).
    public let slotCount: Int

    /// Creates the layout for `slotCount` slots.
    public init(slotCount: Int) {
        self.slotCount = slotCount
    }

    /// Values per agent.
    public var length: Int { Self.globalFeatureCount + slotCount * Self.slotFeatureCount }

    /// The lower bound of every value.
    public static let lowerBound: Float = 0
    /// The upper bound of every value.
    public static let upperBound: Float = 1

    /// The position of a slot feature in the vector.
    public func index(slot: Int, feature: Int) -> Int {
        Self.globalFeatureCount + slot * Self.slotFeatureCount + feature
    }

    /// Every position's name: global names, then `slot<k>.<feature>`.
    public var featureNames: [String] {
        Self.globalFeatures + (0..<slotCount).flatMap { slot in Self.slotFeatures.map { "slot\(slot).\($0)" } }
    }
}
