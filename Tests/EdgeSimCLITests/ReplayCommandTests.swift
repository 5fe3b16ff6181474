import EdgeSimTestSupport
import Testing

@Suite("edgesim replay")
struct ReplayCommandTests {
    let directory = TemporaryDirectory()

    /// Composes the bundled topology and workload into a scenario in the temporary folder.
    private func composeSample() -> String {
        let scenario = directory.file("sample.scenario.json")
        let outcome = Shell.edgesim([
            "compose", "--topology", Fixtures.path("topologies/sample-edge.topology.json"),
            "--workload", Fixtures.path("traces/sample.workload.csv.gz"), "-o", scenario,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        return scenario
    }

    private func text(_ path: String) -> String {
        String(decoding: Shell.contents(path) ?? [], as: UTF8.self)
    }

    @Test("replays the bundled sample into tasks.csv, nodes.csv and summary.json")
    func replaySample() {
        let scenario = composeSample()
        let results = directory.file("results/least-queue")
        let outcome = Shell.edgesim(["replay", scenario, "--policy", "least-queue", "--seed", "3", "-o", results])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.contains("least-queue, seed 3: 176 tasks, 176 completed"))
        #expect(Shell.listing(results) == ["nodes.csv", "summary.json", "tasks.csv"])
        let tasks = text(results + "/tasks.csv").split(separator: "\n")
        #expect(tasks.first == "task,job,origin,target,arrival_s,start_s,finish_s,wait_s,transfer_s,execution_s,status")
        #expect(tasks.count == 177)
        #expect(text(results + "/nodes.csv").split(separator: "\n").count == 15)
        let summary = text(results + "/summary.json")
        let keys = summary.split(separator: "\n").compactMap { line -> String? in
            guard let open = line.firstIndex(of: "\""), let close = line[line.index(after: open)...].firstIndex(of: "\"")
            else { return nil }
            return String(line[line.index(after: open)..<close])
        }
        #expect(Array(keys.prefix(13)) == [
            "tasks", "completed", "dropped_queue_full", "dropped_deadline", "late", "unfinished", "mean_latency_s",
            "p50_latency_s", "p95_latency_s", "p99_latency_s", "energy_j", "events", "sim_time_s",
        ])
        #expect(summary.contains("\"policy\": \"least-queue\""))
        #expect(summary.contains("\"seed\": 3"))
    }

    @Test("the same seed gives byte-identical files; another seed differs")
    func deterministic() {
        let scenario = composeSample()
        for name in ["a", "b", "c"] {
            let seed = name == "c" ? "2" : "1"
            let outcome = Shell.edgesim([
                "replay", scenario, "--policy", "random", "--seed", seed, "-o", directory.file(name),
                "--queue-sample-seconds", "5",
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        for file in ["tasks.csv", "nodes.csv", "summary.json", "queue.csv"] {
            let first = Shell.contents(directory.file("a/" + file))
            #expect(first != nil && first == Shell.contents(directory.file("b/" + file)), "\(file)")
        }
        #expect(Shell.contents(directory.file("a/tasks.csv")) != Shell.contents(directory.file("c/tasks.csv")))
    }

    @Test("--summary-json - prints the summary; --no-task-records skips tasks.csv")
    func summaryToStandardOutput() {
        let scenario = composeSample()
        let outcome = Shell.edgesim([
            "replay", scenario, "--policy", "local", "-o", directory.file("r"), "--summary-json", "-",
            "--no-task-records", "--horizon-seconds", "30",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("{\n  \"tasks\": "))
        #expect(outcome.standardOutput.contains("\"sim_time_s\": 30.0"))
        #expect(outcome.standardError.contains("local, seed 1"))
        #expect(Shell.listing(directory.file("r")) == ["nodes.csv", "summary.json"])
    }

    @Test("usage errors exit 64", arguments: [
        ["replay", "x.scenario.json", "--policy", "fastest", "-o", "out"],
        ["replay", "x.scenario.json", "--policy", "local"],
        ["replay", "x.scenario.json", "--policy", "local", "-o", "out", "--arrival-rate-scale", "0"],
    ])
    func usageErrors(arguments: [String]) {
        #expect(Shell.edgesim(arguments).status == 64)
    }

    @Test("a bad workload row fails with the file and line, and leaves no tasks.csv")
    func badWorkload() {
        let workload = directory.file("bad.workload.csv")
        Shell.write("""
            # edgesim-workload version 1
            taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,relativeDeadlineSeconds,dependencies
            t1,j1,0.5,rpi3_0,1000,0,0,0,,
            t2,j2,1.5,mars_base,1000,0,0,0,,

            """, to: workload)
        let scenario = directory.file("bad.scenario.json")
        Shell.write("""
            {"format": "edgesim-scenario", "version": 1, "name": "bad",
             "topology": {"path": "\(Fixtures.path("topologies/sample-edge.topology.json"))"},
             "workload": {"path": "bad.workload.csv"}}
            """, to: scenario)
        let outcome = Shell.edgesim(["replay", scenario, "--policy", "local", "-o", directory.file("out")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: "))
        #expect(outcome.standardError.contains("bad.workload.csv:4: origin 'mars_base' is not a node of the topology"))
        #expect(!Shell.exists(directory.file("out/tasks.csv")))
        #expect(!Shell.exists(directory.file("out/summary.json")))
    }

    @Test("a missing scenario is a data error")
    func missingScenario() {
        let outcome = Shell.edgesim(["replay", directory.file("none.scenario.json"), "--policy", "local", "-o", directory.file("o")])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: "))
        #expect(outcome.standardError.contains("none.scenario.json"))
    }
}
