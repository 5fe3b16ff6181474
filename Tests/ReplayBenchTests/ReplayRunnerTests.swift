import BenchReport
import ReplayBench
import ScenarioModel
import Simulator
import StreamingIO
import EdgeSimTestSupport
import Testing

@Suite("ReplayRunner")
struct ReplayRunnerTests {
    /// The figures of a plain replay (no latency collection, no queue samples), as the bench reports them.
    static func plainReplay(
        _ path: String, policy: String, seed: UInt64, options: ReplayOptions = ReplayOptions(),
        settings: ((inout ModelSettings) -> Void)? = nil
    ) throws -> ReplaySummary {
        var compiled = try CompiledScenario.load(path: path)
        if let settings {
            var scenario = compiled.scenario
            settings(&scenario.settings)
            compiled = try CompiledScenario(scenario: scenario, relativeTo: FilePaths.directory(of: path))
        }
        var options = options
        options.seed = seed
        var baseline = try BaselinePolicy(named: policy)
        return try Replay.run(compiled, policy: &baseline, options: options).summary
    }

    static func job(
        _ scenario: BenchScenario = BenchScenarios.pair, policy: String, seed: UInt64 = 1, sweep: SweepPoint? = nil
    ) -> BenchJob {
        BenchJob(index: 0, scenario: scenario, policy: policy, seed: seed, sweepPoint: sweep)
    }

    @Test("a bench run reports exactly the figures of a plain replay (queue sampling changes nothing)",
          arguments: BenchScenarios.baselines)
    func matchesPlainReplay(policy: String) throws {
        let runner = ReplayRunner()
        for scenario in [BenchScenarios.pair, BenchScenarios.sample] {
            for seed: UInt64 in [1, 4] {
                let result = try runner.run(Self.job(scenario, policy: policy, seed: seed))
                #expect(result.summary == (try Self.plainReplay(scenario.path, policy: policy, seed: seed)))
                #expect((result.queueOccupancy?.queueLengths.count ?? 0) > 100)
            }
        }
    }

    @Test("every completion latency is collected; their mean is the summary's")
    func latencies() throws {
        let result = try ReplayRunner().run(Self.job(policy: "random", seed: 2))
        #expect(result.completionLatenciesSeconds.count == result.summary.completed)
        #expect(result.summary.completed > 30)
        let mean = result.completionLatenciesSeconds.reduce(0, +) / Double(result.completionLatenciesSeconds.count)
        #expect(abs(mean - (result.summary.meanLatencySeconds ?? -1)) < 1e-9)
    }

    @Test("queue occupancy: 500 samples over the arrivals by default, scaled with the load; a fixed interval when given")
    func samplingInterval() throws {
        // Synthetic arrivals last 20 s whatever the load: 0.04 s.
        let synthetic = try #require(try ReplayRunner().run(Self.job(policy: "local")).queueOccupancy)
        #expect(synthetic.intervalSeconds == 20.0 / 500)
        #expect(synthetic.startSeconds == 0)
        // The sample workload's last arrival is at 128.682 s; at twice the load, 64.341 s.
        let load = SweepPoint(parameter: "arrivalRateScale", value: 2, index: 0)
        let traceRun = try ReplayRunner().run(Self.job(BenchScenarios.sample, policy: "local", sweep: load))
        let trace = try #require(traceRun.queueOccupancy)
        #expect(abs(trace.intervalSeconds - 128.682 / 2 / 500) < 1e-12)
        // A horizon fixes the span.
        let horizon = SweepPoint(parameter: "horizonSeconds", value: 5, index: 0)
        let cut = try ReplayRunner().run(Self.job(policy: "local", sweep: horizon))
        #expect(cut.queueOccupancy?.intervalSeconds == 0.01)
        #expect(cut.queueOccupancy?.queueLengths.count == 501)
        #expect(cut.summary.simulatedTimeSeconds == 5)
        let fixed = try ReplayRunner(queueSampleIntervalSeconds: 0.5).run(Self.job(policy: "local"))
        #expect(fixed.queueOccupancy?.intervalSeconds == 0.5)
    }

    @Test("a sweep over a setting replays the scenario with that setting")
    func settingsSweep() throws {
        let runner = ReplayRunner()
        let plan = try BenchScenarios.plan(
            policies: ["least-queue"], seeds: [3],
            sweep: ParameterSweep(parameter: "candidates.hops", values: [0, 2]))
        try runner.validate(plan)
        var summaries: [ReplaySummary] = []
        for job in plan.jobs {
            let hops = Int(try #require(job.sweepPoint).value)
            let summary = try runner.run(job).summary
            let expected = try Self.plainReplay(job.scenario.path, policy: "least-queue", seed: 3) {
                $0.candidates.hops = hops
            }
            #expect(summary == expected)
            summaries.append(summary)
        }
        // Without neighbours (hops 0), least-queue can only choose between the device and the cloud.
        #expect(summaries[0] != summaries[1])
    }

    @Test("running without validate compiles on first use and gives the same figures")
    func lazyCompile() throws {
        let plan = try BenchScenarios.plan(policies: ["earliest-finish"], seeds: [5])
        let validated = ReplayRunner()
        try validated.validate(plan)
        #expect(try validated.run(plan.jobs[0]).summary == (try ReplayRunner().run(plan.jobs[0]).summary))
    }

    @Test("results are identical with 1, 2 and 3 workers")
    func workerIndependence() throws {
        let plan = try BenchScenarios.plan(
            [BenchScenarios.pair, BenchScenarios.sample], policies: ["random", "least-queue"], seeds: [1, 2],
            sweep: ParameterSweep(parameter: "arrivalRateScale", values: [1, 3]))
        let reference = try MatrixRunner(runner: ReplayRunner(), workerCount: 1).run(plan)
        for workers in [2, 3] {
            let parallel = try MatrixRunner(runner: ReplayRunner(), workerCount: workers).run(plan)
            #expect(parallel.records == reference.records)
            #expect(ResultsCSV.text(parallel) == ResultsCSV.text(reference))
        }
    }

    @Test("plans the simulator cannot run are refused before any job", arguments: [
        (["teleport"], nil,
         "unknown policy 'teleport' (known: local, random, round-robin, least-queue, earliest-finish, cloud)"),
        (["local"], ParameterSweep(parameter: "gravity", values: [1]),
         "cannot sweep 'gravity' (sweepable: arrivalRateScale, horizonSeconds, queueGraceSeconds, candidates.hops, "
            + "candidates.maxCandidates, decisions.intervalSeconds, syntheticArrivals.ratePerSecondPerOrigin, "
            + "syntheticArrivals.durationSeconds)"),
        (["local"], ParameterSweep(parameter: "candidates.hops", values: [1, 1.5]),
         "sweep value 1.5 of candidates.hops: expected a whole number >= 0"),
        (["local"], ParameterSweep(parameter: "arrivalRateScale", values: [0, 1]),
         "sweep value 0.0 of arrivalRateScale: expected a positive number"),
    ] as [([String], ParameterSweep?, String)])
    func refusedPlans(policies: [String], sweep: ParameterSweep?, message: String) throws {
        let plan = try BenchScenarios.plan(policies: policies, seeds: [1], sweep: sweep)
        do {
            try ReplayRunner().validate(plan)
            Issue.record("expected the plan to be refused")
        } catch {
            #expect(error.description == message)
        }
        // Through the matrix runner the same message comes back as a refused plan.
        #expect(throws: BenchError.rejectedPlan(message: message)) {
            try MatrixRunner(runner: ReplayRunner()).run(plan)
        }
    }

    @Test("a scenario that cannot be read is refused naming the file")
    func brokenScenario() throws {
        let path = Fixtures.fixture("invalid/scenario-dangling-topology.scenario.json")
        let broken = BenchScenario(name: "broken", path: path)
        let plan = try BenchScenarios.plan([broken], policies: ["local"], seeds: [1])
        do {
            try ReplayRunner().validate(plan)
            Issue.record("expected the scenario to be refused")
        } catch {
            // The scenario names a topology file that does not exist.
            #expect(error.description.hasSuffix("Tests/Fixtures/invalid/no-such.topology.json: cannot open: No such file or directory"))
        }
        #expect(throws: ReplayBenchError.self) { try ReplayRunner(queueSampleIntervalSeconds: 0).validate(plan) }
    }
}
