/// Runs one job of a bench matrix: the seam between the bench stage and the
/// simulator.
///
/// Implementations must be deterministic (the result depends only on the job)
/// and safe to call from several threads at once: `MatrixRunner` calls `run`
/// concurrently for different jobs.
public protocol BenchRunner: Sendable {
    /// Checks a whole plan before any job runs, so that an unknown policy or
    /// sweep parameter fails at once rather than after hours of work.
    ///
    /// - Throws: Any error; `MatrixRunner` reports it as `BenchError.rejectedPlan`.
    func validate(_ plan: BenchPlan) throws

    /// Runs one job.
    ///
    /// - Throws: Any error; `MatrixRunner` reports it as `BenchError.jobFailed`
    ///   naming the job.
    func run(_ job: BenchJob) throws -> BenchRunResult
}

// MARK: - Default implementations

extension BenchRunner {
    /// Accepts every plan.
    public func validate(_ plan: BenchPlan) throws {}
}
