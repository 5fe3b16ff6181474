import BenchReport
import ScenarioModel

/// A deterministic stand-in for the simulator: a single-server FIFO queue
/// (M/M/1 with a finite capacity and deadlines) replayed by the Lindley
/// recursion, seeded from the job. Each policy has its own service rate; a
/// sweep value scales the arrival rate. Every figure is computed from the
/// job's draws, nothing is tabulated, so the matrix runner, the statistics and
/// the writers are tested on real, varied numbers.
struct QueueModelRunner: BenchRunner {
    /// Service rate (tasks/s) per policy; unknown policies are rejected by `validate`.
    var serviceRates: [String: Double] = ["fast": 2.0, "medium": 1.4, "slow": 1.05]
    var arrivalRatePerSecond = 0.9
    var taskCount = 300
    var capacity = 12
    var deadlineSeconds = 6.0
    var busyWatts = 10.0
    var idleWatts = 2.0
    var occupancyIntervalSeconds = 5.0
    /// Jobs (by index) that throw instead of returning.
    var failingJobs: Set<Int> = []
    /// Jobs (by index) that return an inconsistent summary.
    var inconsistentJobs: Set<Int> = []

    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    func validate(_ plan: BenchPlan) throws {
        for policy in plan.spec.policies where serviceRates[policy] == nil {
            throw Failure(description: "unknown policy '\(policy)'")
        }
        if let sweep = plan.spec.sweep, sweep.parameter != "arrivalRateScale" {
            throw Failure(description: "unknown sweep parameter '\(sweep.parameter)'")
        }
    }

    func run(_ job: BenchJob) throws -> BenchRunResult {
        if failingJobs.contains(job.index) { throw Failure(description: "model.scenario.json:3: synthetic failure") }
        let serviceRate = serviceRates[job.policy] ?? 1
        let arrivalRate = arrivalRatePerSecond * (job.sweepPoint?.value ?? 1)
        var generator = SeededGenerator(seed: job.seed, stream: Self.stream(for: job.scenario.name))
        var time = 0.0
        var serverFreeAt = 0.0
        var departures: [Double] = []  // finish times of accepted tasks, increasing (FIFO)
        var firstInSystem = 0
        var intervals: [(arrival: Double, finish: Double)] = []
        var latencies: [Double] = []
        var droppedQueueFull = 0, droppedDeadline = 0, late = 0
        var busySeconds = 0.0
        for _ in 0..<taskCount {
            time += generator.exponential(rate: arrivalRate)
            let service = generator.exponential(rate: serviceRate)
            while firstInSystem < departures.count && departures[firstInSystem] <= time { firstInSystem += 1 }
            if departures.count - firstInSystem >= capacity {
                droppedQueueFull += 1
                continue
            }
            let start = max(time, serverFreeAt)
            if start - time > deadlineSeconds {
                droppedDeadline += 1
                continue
            }
            let finish = start + service
            serverFreeAt = finish
            busySeconds += service
            departures.append(finish)
            intervals.append((time, finish))
            latencies.append(finish - time)
            if finish - time > deadlineSeconds { late += 1 }
        }
        let end = max(time, serverFreeAt)
        let sorted = EmpiricalCDF(latencies)
        let mean = latencies.isEmpty ? nil : latencies.reduce(0, +) / Double(latencies.count)
        var summary = ReplaySummary(
            tasks: taskCount, completed: latencies.count, droppedQueueFull: droppedQueueFull,
            droppedDeadline: droppedDeadline, late: late, unfinished: 0, meanLatencySeconds: mean,
            p50LatencySeconds: sorted.quantile(0.5), p95LatencySeconds: sorted.quantile(0.95),
            p99LatencySeconds: sorted.quantile(0.99), energyJoules: busySeconds * busyWatts + (end - busySeconds) * idleWatts,
            events: 2 * latencies.count + droppedQueueFull + droppedDeadline, simulatedTimeSeconds: end)
        if inconsistentJobs.contains(job.index) { summary.completed += 1 }
        // Tasks in the system at τ: accepted arrivals ≤ τ minus finishes ≤ τ (both increase, FIFO).
        var occupancy: [Double] = []
        var arrived = 0, finished = 0
        var sampleIndex = 0
        while Double(sampleIndex) * occupancyIntervalSeconds <= end {
            let sampleTime = Double(sampleIndex) * occupancyIntervalSeconds
            while arrived < intervals.count && intervals[arrived].arrival <= sampleTime { arrived += 1 }
            while finished < intervals.count && intervals[finished].finish <= sampleTime { finished += 1 }
            occupancy.append(Double(arrived - finished))
            sampleIndex += 1
        }
        return BenchRunResult(
            summary: summary, completionLatenciesSeconds: latencies,
            queueOccupancy: QueueOccupancySeries(intervalSeconds: occupancyIntervalSeconds, queueLengths: occupancy))
    }

    /// A stable stream number per scenario name (FNV-1a; `Hasher` is seeded per process).
    static func stream(for name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01b3
        }
        return hash
    }
}

/// Builders for the tests' benches.
enum BenchFixtures {
    static func spec(
        scenarios: [String] = ["edge", "campus"], policies: [String] = ["fast", "medium", "slow"],
        seeds: [UInt64] = [1, 2, 3, 4], sweep: ParameterSweep? = nil
    ) -> BenchSpec {
        BenchSpec(
            name: "test bench", scenarios: scenarios.map { BenchScenario(name: $0, path: "scenarios/\($0).scenario.json") },
            policies: policies, seeds: seeds, sweep: sweep)
    }

    static func results(
        _ spec: BenchSpec, runner: QueueModelRunner = QueueModelRunner(), workers: Int = 1
    ) throws -> BenchResults {
        try MatrixRunner(runner: runner, workerCount: workers).run(try BenchPlan(spec: spec))
    }
}
