/// The C ABI of edgesim's stepping simulator, for in-process bindings
/// (Python's ctypes, cffi, C).
///
/// Every exported function is declared in `Sources/EdgeSimABI/include/edgesim.h` (kept in sync
/// by `EdgeSimABITests`) and works on opaque handles: a scenario
/// (`es_scenario_*`, compiled once, shareable by many environments), an
/// environment (`es_env_*`), a batch of environments stepped in one call with
/// per-environment autoreset (`es_batch_*`), and a baseline policy
/// (`es_policy_*`). There is no global state: any number of handles live in
/// one process, and different handles may be used from different threads (one
/// thread at a time per handle).
///
/// Errors never trap: every argument is checked at the boundary, failures
/// return a negative `ABIResultCode` and leave a message readable with
/// `es_env_last_error` (or the handle's equivalent). Functions that create a
/// handle return NULL on failure and write the message into a caller buffer.
public enum EdgeSimABI {
    /// The ABI version `es_abi_version()` returns: bumped on every
    /// incompatible change of a signature, buffer layout or result code.
    public static let version: UInt32 = 1
}

/// The result codes of the C functions. Success is >= 0 (for resets and
/// steps: the episode's `StepOutcome.Status`); errors are negative.
public enum ABIResultCode: Int32, CaseIterable, Sendable {
    /// Success.
    case ok = 0
    /// A NULL, misaligned or wrongly sized buffer, a bad option or name.
    case invalidArgument = -1
    /// The call came in the wrong state (step before reset, after the end,
    /// before binding buffers).
    case invalidState = -2
    /// The scenario, topology or workload is unreadable, invalid or cannot
    /// be replayed.
    case scenario = -3
    /// Reading a file failed.
    case io = -4
}

/// The buffers of `es_env_bind` / `es_batch_bind`, in the order of their
/// pointer and count arrays. With `E` environments (1 for `es_env`), `A`
/// agents, `K` slots and `D` observation values per agent, each buffer holds
/// `E·A` rows, row-major (environment, then agent).
public enum ABIBuffer: Int, CaseIterable, Sendable {
    /// `int32_t[E·A]`, read: one slot per agent.
    case actions
    /// `float[E·A·D]`, written: observations in [0, 1].
    case observations
    /// `uint8_t[E·A·K]`, written: 1 for each allowed slot.
    case actionMasks
    /// `float[E·A]`, written: rewards of the last step.
    case rewards
    /// `uint8_t[E·A]`, written: 1 when the episode terminated (drained).
    case terminations
    /// `uint8_t[E·A]`, written: 1 when the episode was truncated (horizon, step limit).
    case truncations
    /// `uint8_t[E·A]`, written: 1 for agents that must decide now.
    case decisionMask
    /// `uint8_t[E·A]`, written: 1 for agents whose last action was invalid.
    case invalidActions

    /// Values per row of the buffer.
    func width(slotCount: Int, observationLength: Int) -> Int {
        switch self {
        case .observations: observationLength
        case .actionMasks: slotCount
        default: 1
        }
    }

    /// Bytes per value.
    var valueSize: Int {
        switch self {
        case .actions: MemoryLayout<Int32>.size
        case .observations, .rewards: MemoryLayout<Float>.size
        default: 1
        }
    }

    var name: String {
        switch self {
        case .actions: "actions"
        case .observations: "observations"
        case .actionMasks: "action_masks"
        case .rewards: "rewards"
        case .terminations: "terminations"
        case .truncations: "truncations"
        case .decisionMask: "decision_mask"
        case .invalidActions: "invalid_actions"
        }
    }
}
