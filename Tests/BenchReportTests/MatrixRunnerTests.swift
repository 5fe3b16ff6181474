import ScenarioModel
import BenchReport
import Testing

@Suite("MatrixRunner")
struct MatrixRunnerTests {
    let spec = BenchFixtures.spec(sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.6, 1, 1.3]))

    @Test("results are identical and in plan order for 1 to 5 workers", arguments: [2, 3, 5])
    func workerCountIndependence(workers: Int) throws {
        let reference = try BenchFixtures.results(spec, workers: 1)
        let parallel = try BenchFixtures.results(spec, workers: workers)
        #expect(parallel.records == reference.records)
        #expect(parallel.records.map(\.job) == parallel.plan.jobs)
        #expect(ResultsCSV.text(parallel) == ResultsCSV.text(reference))
    }

    @Test("results depend on the job: seeds, policies and sweep values change the figures")
    func variedResults() throws {
        let results = try BenchFixtures.results(spec)
        let means = results.records.compactMap(\.summary.meanLatencySeconds)
        #expect(Set(means).count == means.count)
        // Slower service or higher load means longer waits, on average over seeds.
        let summary = BenchSummary(results: results)
        let fastest = try #require(summary.groups.first { $0.policy == "fast" && $0.sweepPoint?.index == 2 })
        let slowest = try #require(summary.groups.first { $0.policy == "slow" && $0.sweepPoint?.index == 2 })
        #expect(try #require(fastest.statistics(for: .meanLatency)).mean < (try #require(slowest.statistics(for: .meanLatency))).mean)
    }

    @Test("progress is reported once per job, counting up to the total", arguments: [1, 3])
    func progress(workers: Int) throws {
        var reports: [BenchProgress] = []
        let plan = try BenchPlan(spec: spec)
        _ = try MatrixRunner(runner: QueueModelRunner(), workerCount: workers).run(plan) { reports.append($0) }
        #expect(reports.map(\.completedJobs) == Array(1...plan.jobs.count))
        #expect(Set(reports.map(\.job.index)) == Set(plan.jobs.indices))
        #expect(reports.allSatisfy { $0.totalJobs == plan.jobs.count })
        #expect(reports.last?.fraction == 1)
    }

    @Test("the first failing job in plan order is reported, whatever the worker count", arguments: [1, 2, 4])
    func failure(workers: Int) throws {
        let runner = QueueModelRunner(failingJobs: [9, 5, 30])
        let plan = try BenchPlan(spec: spec)
        #expect(throws: BenchError.jobFailed(job: plan.jobs[5].description, message: "model.scenario.json:3: synthetic failure")) {
            try MatrixRunner(runner: runner, workerCount: workers).run(plan)
        }
        do {
            _ = try MatrixRunner(runner: runner, workerCount: workers).run(plan)
        } catch {
            #expect(error.description == "model.scenario.json:3: synthetic failure [bench job 6: scenario 'edge', policy 'medium', seed 2, arrivalRateScale=0.6]")
        }
    }

    @Test("inconsistent figures from a runner are refused with the job named", arguments: [1, 2])
    func inconsistent(workers: Int) throws {
        let plan = try BenchPlan(spec: spec)
        let runner = QueueModelRunner(inconsistentJobs: [3])
        do {
            _ = try MatrixRunner(runner: runner, workerCount: workers).run(plan)
            Issue.record("expected an invalid result")
        } catch {
            guard case .invalidResult(let job, let message) = error else {
                Issue.record("unexpected \(error)")
                return
            }
            #expect(job == plan.jobs[3].description)
            #expect(message.hasPrefix("tasks (300) != completed + dropped_queue_full + dropped_deadline + unfinished"))
        }
    }

    @Test("the runner can reject a plan before anything runs")
    func rejected() throws {
        let plan = try BenchPlan(spec: BenchFixtures.spec(policies: ["fast", "psychic"]))
        #expect(throws: BenchError.rejectedPlan(message: "unknown policy 'psychic'")) {
            try MatrixRunner(runner: QueueModelRunner(), workerCount: 2).run(plan)
        }
    }

    @Test("more workers than jobs is fine")
    func fewJobs() throws {
        let results = try BenchFixtures.results(BenchFixtures.spec(scenarios: ["a"], policies: ["fast"], seeds: [1]), workers: 8)
        #expect(results.records.count == 1)
    }

    @Test("the pipeline reproduces the M/M/1 mean response time 1/(μ − λ)")
    func queueingTheory() throws {
        // λ = 0.9 × 0.5 = 0.45, μ = 0.9: ρ = 0.5, E[T] = 1 / 0.45 s. No capacity or deadline limits.
        let runner = QueueModelRunner(
            serviceRates: ["mm1": 0.9], arrivalRatePerSecond: 0.9, taskCount: 4000, capacity: .max,
            deadlineSeconds: .infinity)
        let spec = BenchFixtures.spec(
            scenarios: ["mm1"], policies: ["mm1"], seeds: Array(1...20),
            sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.5]))
        let summary = BenchSummary(results: try BenchFixtures.results(spec, runner: runner, workers: 2))
        let statistics = try #require(summary.groups[0].statistics(for: .meanLatency))
        let theory = 1 / 0.45
        #expect(abs(statistics.mean - theory) / theory < 0.05, "mean \(statistics.mean) vs \(theory)")
        let interval = try #require(statistics.confidenceInterval())
        #expect(interval.halfWidth / statistics.mean < 0.1)
        #expect(try #require(summary.groups[0].statistics(for: .dropRate)).mean == 0)
    }
}

@Suite("ReplaySummary as the bench reads it")
struct ReplaySummaryTests {
    @Test("keyed values in any order make a summary")
    func keyedValues() throws {
        let pairs: [(key: String, value: Double?)] = [
            ("sim_time_s", 12.5), ("tasks", 10), ("completed", 7), ("dropped_queue_full", 1), ("dropped_deadline", 1),
            ("late", 2), ("unfinished", 1), ("mean_latency_s", 0.5), ("p50_latency_s", 0.4), ("p95_latency_s", 0.9),
            ("p99_latency_s", 1.1), ("energy_j", 30), ("events", 99), ("extra", 1),
        ]
        let summary = try ReplaySummary(keyedValues: pairs)
        #expect(summary.tasks == 10 && summary.late == 2 && summary.events == 99 && summary.simulatedTimeSeconds == 12.5)
        #expect(summary.dropRate == 0.2 && summary.deadlineMissRate == 0.3)
        #expect(summary.orderedFigures.count == ReplaySummary.keys.count)
    }

    @Test("missing or fractional counts are refused")
    func badKeyedValues() {
        #expect(throws: BenchError.invalidResult(job: "summary", message: "missing key 'tasks'")) {
            try ReplaySummary(keyedValues: [])
        }
        let fractional: [(key: String, value: Double?)] = ReplaySummary.keys.map { ($0, $0 == "tasks" ? 1.5 : 1) }
        #expect(throws: BenchError.invalidResult(job: "summary", message: "'tasks' is not a whole number")) {
            try ReplaySummary(keyedValues: fractional)
        }
    }

    @Test("a result's latencies must match its completions and be finite")
    func resultChecks() throws {
        let job = BenchJob(index: 0, scenario: BenchScenario(name: "s", path: "s"), policy: "p", seed: 1)
        let summary = ReplaySummary(
            tasks: 2, completed: 2, droppedQueueFull: 0, droppedDeadline: 0, late: 0, unfinished: 0,
            meanLatencySeconds: 1, p50LatencySeconds: 1, p95LatencySeconds: 1, p99LatencySeconds: 1,
            energyJoules: 1, events: 4, simulatedTimeSeconds: 3)
        #expect(throws: BenchError.invalidResult(job: job.description, message: "1 completion latencies for 2 completed tasks")) {
            try BenchRunRecord(job: job, result: BenchRunResult(summary: summary, completionLatenciesSeconds: [1]))
        }
        #expect(throws: BenchError.invalidResult(job: job.description, message: "a completion latency is negative or not finite (nan)")) {
            try BenchRunRecord(job: job, result: BenchRunResult(summary: summary, completionLatenciesSeconds: [1, .nan]))
        }
        var negative = summary
        negative.energyJoules = -1
        #expect(throws: BenchError.invalidResult(job: job.description, message: "energy_j is not a finite non-negative number (-1.0)")) {
            try BenchRunRecord(job: job, result: BenchRunResult(summary: negative))
        }
        let record = try BenchRunRecord(
            job: job,
            result: BenchRunResult(
                summary: summary, completionLatenciesSeconds: [1, 2],
                queueOccupancy: QueueOccupancySeries(intervalSeconds: 1, queueLengths: [0, 1])),
            keepsQueueOccupancy: false)
        #expect(record.queueOccupancy == nil && record.latencySketch.count == 2)
    }
}
