/// How far a matrix run is, reported after each finished job.
public struct BenchProgress: Hashable, Sendable {
    /// Jobs finished so far (successfully or not).
    public var completedJobs: Int
    /// Jobs in the plan.
    public var totalJobs: Int
    /// The job that just finished.
    public var job: BenchJob

    /// Creates a progress report.
    public init(completedJobs: Int, totalJobs: Int, job: BenchJob) {
        self.completedJobs = completedJobs
        self.totalJobs = totalJobs
        self.job = job
    }

    /// The finished fraction, 0 to 1.
    public var fraction: Double {
        totalJobs > 0 ? Double(completedJobs) / Double(totalJobs) : 1
    }
}
