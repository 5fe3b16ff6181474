/// One run of a bench: a scenario replayed under a policy with a seed (and a
/// sweep value). Runs are independent, so jobs may execute in any order.
public struct BenchJob: Hashable, Sendable, CustomStringConvertible {
    /// The job's position in the plan (0-based); results are reported in this order.
    public var index: Int
    /// The scenario to replay.
    public var scenario: BenchScenario
    /// The policy to replay it under.
    public var policy: String
    /// The seed that drives every random draw of the run.
    public var seed: UInt64
    /// The sweep value to apply, when the bench sweeps a parameter.
    public var sweepPoint: SweepPoint?
    /// The scenario's position in the spec.
    public var scenarioIndex: Int
    /// The policy's position in the spec (which fixes its plot colour).
    public var policyIndex: Int
    /// The seed's position in the spec.
    public var seedIndex: Int

    /// Creates a job (plans make them; tests and runners may too).
    public init(
        index: Int, scenario: BenchScenario, policy: String, seed: UInt64, sweepPoint: SweepPoint? = nil,
        scenarioIndex: Int = 0, policyIndex: Int = 0, seedIndex: Int = 0
    ) {
        self.index = index
        self.scenario = scenario
        self.policy = policy
        self.seed = seed
        self.sweepPoint = sweepPoint
        self.scenarioIndex = scenarioIndex
        self.policyIndex = policyIndex
        self.seedIndex = seedIndex
    }

    /// `bench job 3: scenario 'edge', policy 'random', seed 2, arrivalRateScale=0.75`.
    public var description: String {
        var text = "bench job \(index + 1): scenario '\(scenario.name)', policy '\(policy)', seed \(seed)"
        if let sweepPoint { text += ", \(sweepPoint.parameter)=\(DecimalText.shortest(sweepPoint.value))" }
        return text
    }

    /// The scenario x sweep value x policy cell the job belongs to.
    public var groupKey: BenchGroupKey {
        BenchGroupKey(scenarioIndex: scenarioIndex, sweepIndex: sweepPoint?.index, policyIndex: policyIndex)
    }
}

/// A cell of the summary: one scenario, one sweep value (if any) and one policy,
/// over all seeds.
public struct BenchGroupKey: Hashable, Sendable, Comparable {
    /// The scenario's position in the spec.
    public var scenarioIndex: Int
    /// The sweep value's position, or nil without a sweep.
    public var sweepIndex: Int?
    /// The policy's position in the spec.
    public var policyIndex: Int

    /// Creates a key.
    public init(scenarioIndex: Int, sweepIndex: Int?, policyIndex: Int) {
        self.scenarioIndex = scenarioIndex
        self.sweepIndex = sweepIndex
        self.policyIndex = policyIndex
    }

    /// Plan order: scenario, then sweep value, then policy.
    public static func < (left: BenchGroupKey, right: BenchGroupKey) -> Bool {
        (left.scenarioIndex, left.sweepIndex ?? -1, left.policyIndex)
            < (right.scenarioIndex, right.sweepIndex ?? -1, right.policyIndex)
    }
}
