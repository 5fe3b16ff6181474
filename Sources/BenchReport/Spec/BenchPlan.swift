/// A checked spec expanded into its jobs, in a fixed order: scenario, then
/// sweep value, then policy, then seed. The order is the order of every output
/// row, whatever order the jobs actually ran in.
public struct BenchPlan: Hashable, Sendable {
    /// The most jobs one plan may have (each run keeps up to 8 kB of latency
    /// summary, so this bounds a bench's memory to about 1 GB).
    public static let maximumJobCount = 100_000

    /// The spec the plan was made from.
    public let spec: BenchSpec
    /// Every job, in plan order (`jobs[i].index == i`).
    public let jobs: [BenchJob]

    /// Checks `spec` and expands it.
    ///
    /// - Throws: `BenchError.rejectedPlan` when the spec is empty, has repeated
    ///   names or seeds, a bad sweep, or more than `maximumJobCount` jobs.
    /// - Complexity: O(jobs).
    public init(spec: BenchSpec) throws(BenchError) {
        if let problem = spec.problem() { throw .rejectedPlan(message: "invalid bench: \(problem)") }
        let sweepPoints: [SweepPoint?] = spec.sweep.map { sweep in
            sweep.values.enumerated().map { SweepPoint(parameter: sweep.parameter, value: $1, index: $0) }
        } ?? [nil]
        let (partial, overflow1) = spec.scenarios.count.multipliedReportingOverflow(by: sweepPoints.count)
        let (cells, overflow2) = partial.multipliedReportingOverflow(by: spec.policies.count)
        let (count, overflow3) = cells.multipliedReportingOverflow(by: spec.seeds.count)
        guard !overflow1, !overflow2, !overflow3, count <= Self.maximumJobCount else {
            throw .rejectedPlan(message: "the bench has more than \(Self.maximumJobCount) jobs; split the study")
        }
        var jobs: [BenchJob] = []
        jobs.reserveCapacity(count)
        for (scenarioIndex, scenario) in spec.scenarios.enumerated() {
            for sweepPoint in sweepPoints {
                for (policyIndex, policy) in spec.policies.enumerated() {
                    for (seedIndex, seed) in spec.seeds.enumerated() {
                        jobs.append(BenchJob(
                            index: jobs.count, scenario: scenario, policy: policy, seed: seed, sweepPoint: sweepPoint,
                            scenarioIndex: scenarioIndex, policyIndex: policyIndex, seedIndex: seedIndex))
                    }
                }
            }
        }
        self.spec = spec
        self.jobs = jobs
    }

    /// The summary cells in plan order.
    public var groupKeys: [BenchGroupKey] {
        var keys: [BenchGroupKey] = []
        for scenarioIndex in spec.scenarios.indices {
            for sweepIndex in sweepIndices {
                for policyIndex in spec.policies.indices {
                    keys.append(BenchGroupKey(scenarioIndex: scenarioIndex, sweepIndex: sweepIndex, policyIndex: policyIndex))
                }
            }
        }
        return keys
    }

    /// The sweep positions, or `[nil]` without a sweep.
    var sweepIndices: [Int?] {
        spec.sweep.map { Array($0.values.indices) } ?? [nil]
    }

    /// Whether the run of `job` is the one whose queue occupancy the report plots:
    /// the first seed (at each sweep value) of every scenario and policy.
    public func keepsQueueOccupancy(_ job: BenchJob) -> Bool {
        job.seedIndex == 0
    }
}
