import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

@Suite("Mapping options")
struct WorkloadMappingTests {
    let azure = traceFixture("azure2021-invocations.csv")
    let dag = traceFixture("alibaba2018-batch_task.csv")

    @Test("time window in trace seconds, before the origin shift")
    func window() throws {
        let outcome = try importTrace(.azure2021, [azure], options: options {
            $0.windowStartSeconds = 2
            $0.windowEndSeconds = 10
        })
        #expect(outcome.tasks.map(\.taskId) == ["a2/f9/3", "a1/f1/2"])
        #expect(outcome.tasks.map(\.arrivalSeconds) == [0, 3])
        #expect(outcome.integer("tasks_dropped_window") == 2)
    }

    @Test("time origin: first arrival, trace time, or given seconds; then the time scale")
    func timeOrigin() throws {
        let trace = try importTrace(.azure2021, [azure], options: options { $0.timeOrigin = .trace })
        #expect(trace.tasks.map(\.arrivalSeconds) == [0, 2, 5, 10])
        let given = try importTrace(.azure2021, [azure], options: options {
            $0.timeOrigin = .seconds(4)
            $0.timeScale = 0.5
        })
        #expect(given.tasks.map(\.arrivalSeconds) == [0, 0, 0.5, 3])
        #expect(given.integer("arrivals_clamped_to_zero") == 2)
        #expect(given.tasks.map(\.instructions) == trace.tasks.map(\.instructions))  // runtimes are not scaled
    }

    @Test("--max-tasks keeps the earliest arrivals and never splits a dependency")
    func maximumTasks() throws {
        let outcome = try importTrace(.alibaba2018, [dag], options: options { $0.maximumTasks = 5 })
        #expect(outcome.tasks.map(\.taskId) == ["j_1/M1", "j_1/R3_1", "j_1/M2_1", "j_1/J4_2_3", "j_2/R1_5"])
        #expect(outcome.integer("tasks_dropped_max_tasks") == 7)
        let none = try importTrace(.azure2021, [azure], options: options { $0.maximumTasks = 0 })
        #expect(none.tasks.isEmpty)
    }

    @Test("sampling keeps whole jobs and depends only on the seed")
    func sampling() throws {
        let first = try importTrace(.alibaba2018, [dag], options: options {
            $0.sampleFraction = 0.5
            $0.seed = 11
        })
        let again = try importTrace(.alibaba2018, [dag], options: options {
            $0.sampleFraction = 0.5
            $0.seed = 11
        })
        #expect(first.outputBytes == again.outputBytes)
        let all = try importTrace(.alibaba2018, [dag])
        let kept = Set(first.tasks.map(\.jobId))
        for job in kept { #expect(first.tasks.filter { $0.jobId == job }.count == all.tasks.filter { $0.jobId == job }.count) }
        #expect(first.integer("tasks_dropped_sample") == all.tasks.count - first.tasks.count)
        var differs = false
        for seed in UInt64(1)...20 where !differs {
            let other = try importTrace(.alibaba2018, [dag], options: options {
                $0.sampleFraction = 0.5
                $0.seed = seed
            })
            differs = Set(other.tasks.map(\.jobId)) != kept
        }
        #expect(differs, "the seed should change which jobs are sampled")
    }

    @Test("rate factor above 1 replicates whole DAGs with renamed ids")
    func replication() throws {
        let outcome = try importTrace(.alibaba2018, [dag], options: options { $0.rateFactor = 2 })
        #expect(outcome.tasks.count == 24)
        #expect(outcome.integer("tasks_replicas") == 12)
        #expect(outcome.task("j_1/J4_2_3#1")?.dependencies == ["j_1/M2_1#1", "j_1/R3_1#1"])
        #expect(outcome.task("j_1/J4_2_3#1")?.jobId == "j_1#1")
        #expect(dependenciesPrecede(outcome.tasks))
    }

    @Test("rate factor below 1 thins; DAG jobs are kept or dropped whole")
    func thinning() throws {
        let outcome = try importTrace(.alibaba2018, [dag], options: options {
            $0.rateFactor = 0.5
            $0.seed = 5
        })
        let all = try importTrace(.alibaba2018, [dag])
        for job in ["j_1", "j_2"] {
            let count = outcome.tasks.filter { $0.jobId == job }.count
            #expect(count == 0 || count == all.tasks.filter { $0.jobId == job }.count, "\(job)")
        }
        #expect(outcome.integer("tasks_dropped_rate") == all.tasks.count - outcome.tasks.count)
    }

    @Test("input and output bytes: constants, or seeded draws in output order")
    func bytes() throws {
        let constant = try importTrace(.azure2021, [azure], options: options {
            $0.inputBytes = .constant(200_000)
            $0.outputBytes = .constant(20_000)
        })
        #expect(constant.tasks.allSatisfy { $0.inputBytes == 200_000 && $0.outputBytes == 20_000 })
        let drawn = try importTrace(.azure2021, [azure], options: options {
            $0.inputBytes = .uniform(minimum: 1000, maximum: 2000)
            $0.outputBytes = .lognormal(shape: 0.5, location: 0, scale: 1e5)
            $0.seed = 9
        })
        #expect(drawn.tasks.allSatisfy { (1000...2000).contains($0.inputBytes) && $0.outputBytes > 0 })
        #expect(Set(drawn.tasks.map(\.inputBytes)).count > 1)
        let again = try importTrace(.azure2021, [azure], options: options {
            $0.inputBytes = .uniform(minimum: 1000, maximum: 2000)
            $0.outputBytes = .lognormal(shape: 0.5, location: 0, scale: 1e5)
            $0.seed = 9
        })
        #expect(again.outputBytes == drawn.outputBytes)
    }

    @Test("deadlines: fixed, or a multiple of the runtime with a floor")
    func deadlines() throws {
        let fixed = try importTrace(.azure2021, [azure], options: options { $0.deadline = .fixed(seconds: 2.5) })
        #expect(fixed.tasks.allSatisfy { $0.relativeDeadlineSeconds == 2.5 })
        let scaled = try importTrace(.azure2021, [azure], options: options { $0.deadline = .runtimeFactor(3) })
        #expect(scaled.tasks.map(\.relativeDeadlineSeconds) == [4.5, 3, 0.75, 1.5])
        let zero = try importTrace(.alibaba2018, [dag], options: options {
            $0.deadline = .runtimeFactor(2)
            $0.instances = .expand
        })
        #expect(zero.task("j_1/M1")?.relativeDeadlineSeconds == DeadlineRule.minimumSeconds)  // the zero-work join
    }

    @Test("origins: none, hash of an attribute, round-robin, seeded random")
    func origins() throws {
        let nodes = ["rpi3_0", "rpi3_1", "rpi3_2"]
        let none = try importTrace(.azure2021, [azure])
        #expect(none.tasks.allSatisfy { $0.origin == nil })
        let hashed = try importTrace(.azure2021, [azure], options: options {
            $0.origins = .hash
            $0.originKey = .job
            $0.originNodes = nodes
        })
        let byJob = Dictionary(grouping: hashed.tasks, by: \.jobId).mapValues { Set($0.map(\.origin)) }
        #expect(byJob.values.allSatisfy { $0.count == 1 })
        let robin = try importTrace(.azure2021, [azure], options: options {
            $0.origins = .roundRobin
            $0.originNodes = nodes
        })
        #expect(robin.tasks.map(\.origin) == ["rpi3_0", "rpi3_1", "rpi3_2", "rpi3_0"])
        let random = try importTrace(.azure2021, [azure], options: options {
            $0.origins = .random
            $0.originNodes = nodes
            $0.seed = 4
        })
        #expect(random.tasks.allSatisfy { nodes.contains($0.origin ?? "") })
        let again = try importTrace(.azure2021, [azure], options: options {
            $0.origins = .random
            $0.originNodes = nodes
            $0.seed = 4
        })
        #expect(random.tasks.map(\.origin) == again.tasks.map(\.origin))
    }

    @Test("invalid options are rejected with a message naming the option")
    func invalidOptions() {
        let cases: [(TraceImportOptions, String)] = [
            (options { $0.timeScale = 0 }, "--time-scale"),
            (options { $0.rateFactor = -1 }, "--rate-factor"),
            (options { $0.sampleFraction = 1.5 }, "--sample"),
            (options { $0.windowStartSeconds = 5; $0.windowEndSeconds = 5 }, "--from"),
            (options { $0.origins = .roundRobin }, "--origin-nodes"),
            (options { $0.origins = .hash; $0.originKey = .machine; $0.originNodes = ["a"] }, "--origin-key machine"),
            (options { $0.compressionLevel = 0 }, "--compression-level"),
        ]
        for (invalid, fragment) in cases {
            #expect {
                try invalid.validate(for: .azure2021)
            } throws: { "\($0)".contains(fragment) }
        }
    }

    @Test("option parsers accept the documented forms and reject the rest")
    func parsers() throws {
        #expect(try ByteCountDistribution.parse("200000", option: "--input-bytes") == .constant(200_000))
        #expect(try ByteCountDistribution.parse("uniform:1,5", option: "x") == .uniform(minimum: 1, maximum: 5))
        #expect(try ByteCountDistribution.parse("exponential:1e6", option: "x") == .exponential(mean: 1e6))
        #expect(try ByteCountDistribution.parse("lognormal:0.5,0,1000", option: "x")
            == .lognormal(shape: 0.5, location: 0, scale: 1000))
        for bad in ["-1", "uniform:5,1", "exponential:0", "lognormal:1,2", "gamma:1", "", "uniform:a,b"] {
            #expect(throws: TraceImportError.self) { try ByteCountDistribution.parse(bad, option: "x") }
        }
        #expect(try DeadlineRule.parse("fixed:2") == .fixed(seconds: 2))
        #expect(try DeadlineRule.parse("runtime:1.5") == .runtimeFactor(1.5))
        #expect(throws: TraceImportError.self) { try DeadlineRule.parse("runtime:-1") }
        #expect(try TimeOrigin.parse("trace") == .trace)
        #expect(try TimeOrigin.parse("-12.5") == .seconds(-12.5))
        #expect(try UnknownRuntimePolicy.parse("30") == .seconds(30))
        #expect(try GoogleTerminalEvents.parse("finish,kill") == [.finish, .kill])
        #expect(throws: TraceImportError.self) { try GoogleTerminalEvents.parse("finish,explode") }
        #expect(try OriginAssignment.parse("round-robin") == .roundRobin)
    }
}
