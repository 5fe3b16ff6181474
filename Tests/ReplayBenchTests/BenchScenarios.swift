import BenchReport
import EdgeSimTestSupport

/// The bench fixtures of `Tests/Fixtures/bench` as specs and plans.
enum BenchScenarios {
    /// Two devices, an edge server and a cloud behind a slow uplink; synthetic
    /// Poisson arrivals (about 60 tasks per run) that overload the devices.
    static let pair = BenchScenario(name: "pair", path: Fixtures.fixture("bench/pair.scenario.json"))

    /// The bundled sample: `topologies/sample-edge` with `traces/sample.workload.csv.gz`.
    static let sample = BenchScenario(name: "sample", path: Fixtures.fixture("bench/sample.scenario.json"))

    /// Every baseline, in the simulator's order.
    static let baselines = ["local", "random", "round-robin", "least-queue", "earliest-finish", "cloud"]

    /// A plan over `scenarios`.
    static func plan(
        _ scenarios: [BenchScenario] = [pair], policies: [String] = baselines, seeds: [UInt64] = [1, 2, 3],
        sweep: ParameterSweep? = nil, name: String = "bench"
    ) throws -> BenchPlan {
        try BenchPlan(spec: BenchSpec(name: name, scenarios: scenarios, policies: policies, seeds: seeds, sweep: sweep))
    }
}
