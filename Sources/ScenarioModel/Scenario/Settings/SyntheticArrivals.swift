/// Task arrivals drawn by the simulator when a scenario has no workload:
/// a Poisson process per origin node over typed tasks, as PeersimGym's clients.
public struct SyntheticArrivals: Hashable, Sendable {
    /// How the instruction count of each synthetic task is drawn.
    public enum InstructionsDistribution: String, CaseIterable, Sendable {
        /// Every task has exactly `instructions` (PeersimGym's task types).
        case fixed
        /// Exponential with mean `instructions`, rounded to a whole count:
        /// exponential service times, as an M/M/c queue assumes.
        case exponential
    }

    /// One kind of synthetic task, drawn with probability proportional to `weight`.
    public struct TaskType: Hashable, Sendable {
        /// A name for reports.
        public var name: String
        /// Relative probability of this type.
        public var weight: Double
        /// Work in instructions.
        public var instructions: Int64
        /// Bytes sent to the executing node.
        public var inputBytes: Int64
        /// Bytes returned to the origin.
        public var outputBytes: Int64
        /// Memory needed while running, in bytes.
        public var memoryBytes: Int64
        /// Seconds after arrival by which the task must complete, or nil.
        public var relativeDeadlineSeconds: Double?
        /// How `instructions` is used: the exact count (default) or the mean of
        /// an exponential distribution.
        public var instructionsDistribution: InstructionsDistribution

        /// Creates a task type. Defaults: 200 million instructions (0.2 s on a
        /// 1000-MIPS core), 1 MB in, 100 kB out, no memory demand, 2 s deadline.
        public init(
            name: String = "default", weight: Double = 1, instructions: Int64 = 200_000_000,
            inputBytes: Int64 = 1_000_000, outputBytes: Int64 = 100_000, memoryBytes: Int64 = 0,
            relativeDeadlineSeconds: Double? = 2, instructionsDistribution: InstructionsDistribution = .fixed
        ) {
            self.name = name
            self.weight = weight
            self.instructions = instructions
            self.inputBytes = inputBytes
            self.outputBytes = outputBytes
            self.memoryBytes = memoryBytes
            self.relativeDeadlineSeconds = relativeDeadlineSeconds
            self.instructionsDistribution = instructionsDistribution
        }
    }

    /// Mean arrivals per second at each origin node (default 0.5, PeersimGym's λ).
    public var ratePerSecondPerOrigin: Double
    /// How long arrivals continue, in seconds (default 1000).
    public var durationSeconds: Double
    /// The task types (default: one `default` type).
    public var taskTypes: [TaskType]

    /// Creates synthetic-arrival settings.
    public init(ratePerSecondPerOrigin: Double = 0.5, durationSeconds: Double = 1000, taskTypes: [TaskType] = [TaskType()]) {
        self.ratePerSecondPerOrigin = ratePerSecondPerOrigin
        self.durationSeconds = durationSeconds
        self.taskTypes = taskTypes
    }
}
