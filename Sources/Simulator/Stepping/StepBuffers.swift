/// Caller-owned buffers a `ReplayEnvironment` reads actions from and writes
/// step results into, bound once with `ReplayEnvironment.bind(_:)` so a C ABI
/// can step with no arguments and no allocation.
///
/// With `A = agentCount`, `K = slotCount`, `D = ObservationLayout.length`:
/// `actions` [A] (read), `observations` [A·D], `actionMasks` [A·K],
/// `rewards` [A], and [A] flags `terminations`, `truncations`,
/// `decisionMask` (1 = the agent had to decide this step) and
/// `invalidActions` (1 = its last action was invalid). Row-major: agent `a`'s
/// observation is `observations[a·D ..< (a+1)·D]`.
///
/// The caller keeps the memory alive and unaliased while it is bound.
public struct StepBuffers {
    public var actions: UnsafeMutableBufferPointer<Int32>
    public var observations: UnsafeMutableBufferPointer<Float>
    public var actionMasks: UnsafeMutableBufferPointer<UInt8>
    public var rewards: UnsafeMutableBufferPointer<Float>
    public var terminations: UnsafeMutableBufferPointer<UInt8>
    public var truncations: UnsafeMutableBufferPointer<UInt8>
    public var decisionMask: UnsafeMutableBufferPointer<UInt8>
    public var invalidActions: UnsafeMutableBufferPointer<UInt8>

    /// Creates a set of buffers.
    public init(
        actions: UnsafeMutableBufferPointer<Int32>, observations: UnsafeMutableBufferPointer<Float>,
        actionMasks: UnsafeMutableBufferPointer<UInt8>, rewards: UnsafeMutableBufferPointer<Float>,
        terminations: UnsafeMutableBufferPointer<UInt8>, truncations: UnsafeMutableBufferPointer<UInt8>,
        decisionMask: UnsafeMutableBufferPointer<UInt8>, invalidActions: UnsafeMutableBufferPointer<UInt8>
    ) {
        self.actions = actions
        self.observations = observations
        self.actionMasks = actionMasks
        self.rewards = rewards
        self.terminations = terminations
        self.truncations = truncations
        self.decisionMask = decisionMask
        self.invalidActions = invalidActions
    }
}

/// What a reset or step led to.
public struct StepOutcome: Hashable, Sendable {
    /// The episode's state after the call.
    public enum Status: Int32, Sendable {
        /// Agents must decide (or, in interval mode, an epoch passed).
        case running = 0
        /// Every task drained before any horizon: the episode ended naturally.
        case terminated = 1
        /// The horizon was reached: the episode was cut off (time limit).
        case truncated = 2
    }

    /// The episode's state.
    public var status: Status
    /// Agents with a pending decision now.
    public var decisions: Int
    /// Invalid actions in the actions just applied (0 after a reset).
    public var invalidActions: Int
    /// Simulated time now, in seconds.
    public var timeSeconds: Double

    /// Whether the episode is over (terminated or truncated).
    public var isOver: Bool { status != .running }
}
