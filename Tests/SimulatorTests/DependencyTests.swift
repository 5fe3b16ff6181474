import EdgeSimTestSupport
import ScenarioModel
import Simulator
import Testing

/// DAG jobs: ordering, hand-computed makespans, failures that block
/// dependents, outputs forwarded between origins, one origin per job.
@Suite("Task dependencies")
struct DependencyTests {
    /// M1 -> (M2, M3) -> R4 with 1, 2, 3 and 1 units of work.
    private func diamond(origin: String?, unit: Int64, input: Int64 = 0, output: Int64 = 0) -> [WorkloadTask] {
        func task(_ name: String, _ units: Int64, _ dependencies: [String]) -> WorkloadTask {
            WorkloadTask(taskId: "d/\(name)", jobId: "d", arrivalSeconds: 0, origin: origin, instructions: units * unit,
                         inputBytes: input, outputBytes: output, dependencies: dependencies.map { "d/\($0)" })
        }
        return [task("M1", 1, []), task("M2", 2, ["M1"]), task("M3", 3, ["M1"]), task("R4", 1, ["M2", "M3"])]
    }

    @Test("a local diamond's makespan is the hand-computed one", arguments: [(1, 7.0), (2, 5.0)])
    func localDiamond(cores: Int, makespan: Double) throws {
        // One device, 1000 MIPS: a unit of 1e9 instructions takes 1 s. With 2 cores M2 and M3 overlap:
        // M1 0-1, M2 1-3, M3 1-4, R4 4-5. With 1 core: M1 0-1, M2 1-3, M3 3-6, R4 6-7.
        let compiled = try TestScenarios.compile(
            TestScenarios.singleServer(cores: cores), tasks: diamond(origin: "server", unit: 1_000_000_000))
        var policy = BaselinePolicy(.local)
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        #expect(result.summary.completed == 4)
        #expect(collector.record("d/R4")?.finishSeconds == makespan)
        #expect(result.summary.simulatedTimeSeconds == makespan)
    }

    @Test("an offloaded diamond's makespan includes every transfer, hand-computed")
    func offloadedDiamond() throws {
        // device -(100 Mbit/s, 2 ms)- switch -(10 Mbit/s, 3 ms)- edge (4 cores, 2000 MIPS).
        // Input 125 kB = 1e6 bit: 0.1 s at the 10 Mbit/s bottleneck; output 12.5 kB: 0.01 s; 5 ms of latency.
        // M1: in 0 -> 0.105, runs 1 s -> 1.105, out -> 1.12.
        // M2: in 1.12 -> 1.225, runs 2 s -> 3.225, out -> 3.24.
        // M3: queued behind M2 on the slow link (free at 1.222, reached 2 ms in): in 1.22 -> 1.325,
        //     runs 3 s -> 4.325, out -> 4.34.
        // R4: in 4.34 -> 4.445, runs 1 s -> 5.445, out -> 5.46.
        let compiled = try TestScenarios.compile(
            TestScenarios.line(), tasks: diamond(origin: "device", unit: 2_000_000_000, input: 125_000, output: 12_500))
        var policy = ToNodePolicy(nodeId: "edge", nodeIds: compiled.nodeIds)
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        #expect(result.summary.completed == 4)
        let expected: [(String, Double, Double)] = [
            ("d/M1", 0.105, 1.12), ("d/M2", 1.225, 3.24), ("d/M3", 1.325, 4.34), ("d/R4", 4.445, 5.46),
        ]
        for (task, start, finish) in expected {
            let record = try #require(collector.record(task))
            #expect(abs((record.startSeconds ?? -1) - start) < 1e-9, "\(task) start")
            #expect(abs((record.finishSeconds ?? -1) - finish) < 1e-9, "\(task) finish")
        }
    }

    @Test("no task starts before all its predecessors finished", arguments: BaselinePolicy.Kind.allCases)
    func orderingOnTheSample(kind: BaselinePolicy.Kind) throws {
        let compiled = try SampleReplayTests.sampleScenario()
        var policy = BaselinePolicy(kind)
        let (_, collector) = try TestScenarios.run(compiled, policy: &policy)
        var finish: [String: Double] = [:]
        for record in collector.records { if let done = record.finishSeconds { finish[record.taskId ?? ""] = done } }
        let reader = try WorkloadReader(path: Fixtures.path("traces/sample.workload.csv.gz"))
        var checked = 0
        while let task = try reader.next() {
            if task.dependencies.isEmpty { continue }
            let start = try #require(collector.record(task.taskId)?.startSeconds)
            for dependency in task.dependencies {
                let done = try #require(finish[dependency])
                #expect(start >= done, "\(task.taskId) started at \(start) before \(dependency) finished at \(done)")
            }
            checked += 1
        }
        #expect(checked > 30)
    }

    @Test("a dropped predecessor blocks its dependents, even those arriving later")
    func failedPredecessor() throws {
        // One core, no queue: B is dropped while A runs; C (after B) and D (after C) can never run.
        let tasks = [
            WorkloadTask(taskId: "a", jobId: "a", arrivalSeconds: 0, origin: "server", instructions: 1_000_000_000),
            WorkloadTask(taskId: "b/B", jobId: "b", arrivalSeconds: 0.1, origin: "server", instructions: 1),
            WorkloadTask(taskId: "b/C", jobId: "b", arrivalSeconds: 0.2, origin: "server", instructions: 1,
                         dependencies: ["b/B"]),
            WorkloadTask(taskId: "b/D", jobId: "b", arrivalSeconds: 0.2, origin: "server", instructions: 1,
                         dependencies: ["b/C"]),
            WorkloadTask(taskId: "e", jobId: "e", arrivalSeconds: 2, origin: "server", instructions: 1),
        ]
        let compiled = try TestScenarios.compile(TestScenarios.singleServer(cores: 1, queueCapacity: 0), tasks: tasks)
        var policy = BaselinePolicy(.local)
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        let summary = result.summary
        #expect(summary.tasks == 5)
        #expect(summary.completed == 2)
        #expect(summary.droppedQueueFull == 1)
        #expect(summary.unfinished == 2)
        #expect(summary.isConserved)
        #expect(collector.record("b/B")?.status == .droppedQueueFull)
        #expect(collector.record("b/C")?.status == .unfinished)
        #expect(collector.record("b/D")?.status == .unfinished)
        #expect(collector.record("b/D")?.finishSeconds == nil)
    }

    @Test("an output travels to a dependent with another origin before it becomes ready")
    func forwardedOutput() throws {
        let topology = Topology(name: "pair", nodes: [
            Node(id: "d1", kind: .device, cores: 1, coreSpeedMips: 1000),
            Node(id: "d2", kind: .device, cores: 1, coreSpeedMips: 1000),
        ], links: [Link(source: "d1", target: "d2", bandwidthMbps: 8, latencyMs: 10)])
        let tasks = [
            WorkloadTask(taskId: "j/p", jobId: "j", arrivalSeconds: 0, origin: "d1", instructions: 1_000_000_000,
                         outputBytes: 1_000_000),
            WorkloadTask(taskId: "j/s", jobId: "j", arrivalSeconds: 0, origin: "d2", instructions: 1_000_000_000,
                         dependencies: ["j/p"]),
        ]
        let compiled = try TestScenarios.compile(topology, tasks: tasks)
        var policy = BaselinePolicy(.local)
        let (_, collector) = try TestScenarios.run(compiled, policy: &policy)
        // p runs 0-1 at d1; its 1 MB output crosses the 8 Mbit/s link in 1 s + 10 ms; s then runs 1 s at d2.
        #expect(collector.record("j/s")?.startSeconds == 2.01)
        #expect(collector.record("j/s")?.finishSeconds == 3.01)
        #expect(abs((collector.record("j/s")?.transferSeconds ?? 0) - 1.01) < 1e-12)
    }

    @Test("the tasks of a job without an origin share the origin drawn for the job")
    func oneOriginPerJob() throws {
        let topology = Topology(name: "many", nodes: (0..<6).map {
            Node(id: "d\($0)", kind: .device, cores: 2, coreSpeedMips: 1000)
        })
        var tasks: [WorkloadTask] = []
        for job in 0..<20 {
            tasks += diamond(origin: nil, unit: 1_000_000).map { task in
                var copy = task
                copy.taskId = "\(job)/" + task.taskId
                copy.jobId = "\(job)"
                copy.arrivalSeconds = Double(job)
                copy.dependencies = task.dependencies.map { "\(job)/" + $0 }
                return copy
            }
        }
        let compiled = try TestScenarios.compile(topology, tasks: tasks)
        var policy = BaselinePolicy(.local)
        let (result, collector) = try TestScenarios.run(compiled, policy: &policy)
        #expect(result.summary.completed == 80)
        var originOfJob: [String: Int] = [:]
        for record in collector.records {
            let job = record.jobId ?? ""
            if let origin = originOfJob[job] { #expect(origin == record.origin) } else { originOfJob[job] = record.origin }
        }
        #expect(Set(originOfJob.values).count > 1, "uniform draws should use several devices")
    }
}
