/// The records of every job of a plan, in plan order.
public struct BenchResults: Sendable {
    /// The plan that ran.
    public let plan: BenchPlan
    /// One record per job; `records[i].job == plan.jobs[i]`.
    public let records: [BenchRunRecord]

    /// Pairs a plan with its records.
    ///
    /// - Throws: `BenchError.rejectedPlan` when the records do not match the plan's jobs one for one.
    public init(plan: BenchPlan, records: [BenchRunRecord]) throws(BenchError) {
        guard records.count == plan.jobs.count else {
            throw .rejectedPlan(message: "\(records.count) results for a plan of \(plan.jobs.count) jobs")
        }
        for (record, job) in zip(records, plan.jobs) where record.job != job {
            throw .rejectedPlan(message: "the result of \(record.job) stands where \(job) belongs")
        }
        self.plan = plan
        self.records = records
    }

    /// The records of one summary cell (scenario, sweep value, policy), in seed order.
    public func records(in key: BenchGroupKey) -> ArraySlice<BenchRunRecord> {
        // Plan order puts a cell's seeds next to each other: find the block by arithmetic.
        let seedCount = plan.spec.seeds.count
        let sweepCount = plan.spec.sweep?.values.count ?? 1
        let policyCount = plan.spec.policies.count
        let cell = (key.scenarioIndex * sweepCount + (key.sweepIndex ?? 0)) * policyCount + key.policyIndex
        let start = cell * seedCount
        return records[start..<(start + seedCount)]
    }
}
