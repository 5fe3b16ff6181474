/// Runs every job of a plan on worker threads and collects the results in
/// plan order, so the outputs are byte-identical whatever the number of workers.
///
/// ```swift
/// let plan = try BenchPlan(spec: spec)
/// let bar = TerminalProgressBar()
/// let results = try MatrixRunner(runner: replayRunner, workerCount: 2).run(plan) { bar.update($0) }
/// bar.finish()
/// ```
///
/// Workers take jobs in plan order. When a job fails, no further jobs start,
/// the running ones finish, and the error of the failed job that comes first
/// in plan order is thrown; since every job before a started one has started
/// too, that is the same error as a one-worker run reports.
public struct MatrixRunner<Runner: BenchRunner>: Sendable {
    /// What runs each job.
    public let runner: Runner
    /// The number of worker threads (1 runs every job on the calling thread).
    public let workerCount: Int

    /// Creates a matrix runner; `workerCount` is clamped to at least 1.
    public init(runner: Runner, workerCount: Int = 1) {
        self.runner = runner
        self.workerCount = max(1, workerCount)
    }

    /// Validates the plan with the runner, then runs every job.
    ///
    /// - Parameters:
    ///   - plan: The jobs to run.
    ///   - progress: Called on the calling thread after each finished job, in
    ///     completion order (which varies with the worker count; the results do not).
    /// - Returns: The records of every job, in plan order.
    /// - Throws: `BenchError.rejectedPlan` when the runner rejects the plan;
    ///   `BenchError.jobFailed` or `.invalidResult` for the first failing job in plan order.
    public func run(_ plan: BenchPlan, progress: (BenchProgress) -> Void = { _ in }) throws(BenchError) -> BenchResults {
        do {
            try runner.validate(plan)
        } catch let error as BenchError {
            throw error
        } catch {
            throw .rejectedPlan(message: "\(error)")
        }
        let threads = min(workerCount, plan.jobs.count)
        let records = threads > 1
            ? try runInParallel(plan, threads: threads, progress: progress)
            : try runSequentially(plan, progress: progress)
        return try BenchResults(plan: plan, records: records)
    }

    // MARK: - Execution

    private func runSequentially(_ plan: BenchPlan, progress: (BenchProgress) -> Void) throws(BenchError) -> [BenchRunRecord] {
        var records: [BenchRunRecord] = []
        records.reserveCapacity(plan.jobs.count)
        for job in plan.jobs {
            let outcome = Self.execute(job, runner: runner, keepsQueueOccupancy: plan.keepsQueueOccupancy(job))
            progress(BenchProgress(completedJobs: job.index + 1, totalJobs: plan.jobs.count, job: job))
            records.append(try outcome.get())
        }
        return records
    }

    private func runInParallel(
        _ plan: BenchPlan, threads: Int, progress: (BenchProgress) -> Void
    ) throws(BenchError) -> [BenchRunRecord] {
        let state = MatrixState(jobCount: plan.jobs.count, workers: threads)
        let runner = self.runner
        let workers = WorkerThreads(count: threads) { _ in
            Self.work(plan: plan, runner: runner, state: state)
        }
        if workers.startedCount == 0 { return try runSequentially(plan, progress: progress) }
        if workers.startedCount < threads {
            state.lock.withLock {
                state.runningWorkers -= threads - workers.startedCount
                state.lock.broadcast()
            }
        }
        var completed = 0
        while true {
            let (finished, isDone) = state.lock.withLock { () -> ([Int], Bool) in
                while state.finished.isEmpty && state.runningWorkers > 0 { state.lock.wait() }
                let finished = state.finished
                state.finished.removeAll(keepingCapacity: true)
                return (finished, state.runningWorkers == 0)
            }
            for index in finished {
                completed += 1
                progress(BenchProgress(completedJobs: completed, totalJobs: plan.jobs.count, job: plan.jobs[index]))
            }
            if isDone { break }
        }
        workers.join()
        if let failure = state.firstFailure { throw failure.error }
        var records: [BenchRunRecord] = []
        records.reserveCapacity(plan.jobs.count)
        for (index, record) in state.records.enumerated() {
            guard let record else {
                throw .rejectedPlan(message: "internal error: \(plan.jobs[index]) produced no result")
            }
            records.append(record)
        }
        return records
    }

    /// A worker's loop: take the next job in plan order, run it, store the outcome.
    private static func work(plan: BenchPlan, runner: Runner, state: MatrixState) {
        while true {
            let next: Int? = state.lock.withLock {
                guard !state.isStopped, state.nextIndex < plan.jobs.count else { return nil }
                defer { state.nextIndex += 1 }
                return state.nextIndex
            }
            guard let index = next else { break }
            let job = plan.jobs[index]
            let outcome = execute(job, runner: runner, keepsQueueOccupancy: plan.keepsQueueOccupancy(job))
            state.lock.withLock {
                switch outcome {
                case .success(let record):
                    state.records[index] = record
                case .failure(let error):
                    if state.firstFailure.map({ index < $0.index }) ?? true { state.firstFailure = (index, error) }
                    state.isStopped = true
                }
                state.finished.append(index)
                state.lock.broadcast()
            }
        }
        state.lock.withLock {
            state.runningWorkers -= 1
            state.lock.broadcast()
        }
    }

    /// Runs one job and reduces its result, turning every failure into a `BenchError` naming the job.
    private static func execute(
        _ job: BenchJob, runner: Runner, keepsQueueOccupancy: Bool
    ) -> Result<BenchRunRecord, BenchError> {
        let result: BenchRunResult
        do {
            result = try runner.run(job)
        } catch {
            return .failure(.jobFailed(job: job.description, message: "\(error)"))
        }
        do {
            return .success(try BenchRunRecord(job: job, result: result, keepsQueueOccupancy: keepsQueueOccupancy))
        } catch {
            return .failure(error)
        }
    }
}

/// The state the workers and the coordinating thread share, guarded by `lock`.
private final class MatrixState: @unchecked Sendable {
    let lock = MonitorLock()
    var nextIndex = 0
    var isStopped = false
    var records: [BenchRunRecord?]
    var firstFailure: (index: Int, error: BenchError)?
    /// Jobs finished since the coordinator last looked, in completion order.
    var finished: [Int] = []
    var runningWorkers: Int

    init(jobCount: Int, workers: Int) {
        records = Array(repeating: nil, count: jobCount)
        runningWorkers = workers
    }
}
