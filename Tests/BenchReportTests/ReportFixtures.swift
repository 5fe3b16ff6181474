import ScenarioModel
import BenchReport

/// Tiny benches with hand-written figures for the golden tests of the writers.
///
/// For scenario s, policy p (0 = local, 1 = cloud) and seed k: 100 tasks;
/// k dropped at full queues; 2p dropped at deadlines; 90 − k − 5p completed;
/// the rest unfinished; p + k late; mean latency 0.1 (1 + p) + 0.01 k s
/// (p50 0.9×, p95 2×, p99 3× the mean); energy 1000 + 10 k + 500 p + 100 s J;
/// 1000 + k events; 60.5 s simulated. With a sweep value v the mean latency
/// is multiplied by v. One run completes nothing (scenario 1, cloud, seed 3).
enum ReportFixtures {
    static func summary(scenario: Int, policy: Int, seed: Int, scale: Double = 1) -> ReplaySummary {
        if scenario == 1 && policy == 1 && seed == 3 {
            return ReplaySummary(
                tasks: 100, completed: 0, droppedQueueFull: 60, droppedDeadline: 40, late: 0, unfinished: 0,
                meanLatencySeconds: nil, p50LatencySeconds: nil, p95LatencySeconds: nil, p99LatencySeconds: nil,
                energyJoules: 900, events: 200, simulatedTimeSeconds: 60.5)
        }
        let completed = 90 - seed - 5 * policy
        let mean = (0.1 * Double(1 + policy) + 0.01 * Double(seed)) * scale
        return ReplaySummary(
            tasks: 100, completed: completed, droppedQueueFull: seed, droppedDeadline: 2 * policy, late: policy + seed,
            unfinished: 100 - completed - seed - 2 * policy, meanLatencySeconds: mean, p50LatencySeconds: mean * 0.9,
            p95LatencySeconds: mean * 2, p99LatencySeconds: mean * 3,
            energyJoules: Double(1000 + 10 * seed + 500 * policy + 100 * scenario), events: 1000 + seed,
            simulatedTimeSeconds: 60.5)
    }

    /// Two scenarios (the second with a name that needs escaping), two policies, three seeds.
    static func plainResults() throws -> BenchResults {
        let spec = BenchSpec(
            name: "tiny bench",
            scenarios: [
                BenchScenario(name: "tiny", path: "scenarios/tiny.scenario.json"),
                BenchScenario(name: "pipe|and,comma", path: "scenarios/odd.scenario.json"),
            ],
            policies: ["local", "cloud"], seeds: [1, 2, 3])
        return try results(spec)
    }

    /// One scenario, two policies, two seeds, a sweep over two values.
    static func sweepResults() throws -> BenchResults {
        let spec = BenchSpec(
            name: "tiny sweep", scenarios: [BenchScenario(name: "tiny", path: "tiny.scenario.json")],
            policies: ["local", "cloud"], seeds: [1, 2],
            sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1], label: "Arrival-rate scale (×)"))
        return try results(spec)
    }

    private static func results(_ spec: BenchSpec) throws -> BenchResults {
        let plan = try BenchPlan(spec: spec)
        let records = try plan.jobs.map { job in
            let summary = Self.summary(
                scenario: job.scenarioIndex, policy: job.policyIndex, seed: Int(job.seed), scale: job.sweepPoint?.value ?? 1)
            let latencies = summary.meanLatencySeconds.map { mean in
                (0..<summary.completed).map { mean * 2 * Double($0) / Double(max(summary.completed - 1, 1)) }
            } ?? []
            return try BenchRunRecord(job: job, result: BenchRunResult(summary: summary, completionLatenciesSeconds: latencies))
        }
        return try BenchResults(plan: plan, records: records)
    }
}
