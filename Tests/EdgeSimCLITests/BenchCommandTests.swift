import EdgeSimTestSupport
import Testing

@Suite("edgesim bench")
struct BenchCommandTests {
    let directory = TemporaryDirectory()
    static let pair = Fixtures.fixture("bench/pair.scenario.json")
    static let sample = Fixtures.fixture("bench/sample.scenario.json")

    private func text(_ path: String) -> String {
        String(decoding: Shell.contents(path) ?? [], as: UTF8.self)
    }

    /// Every file of a report folder, relative to it, sorted.
    private func files(_ folder: String) -> [String] {
        Shell.listing(folder).flatMap { name in
            name == "plots" ? Shell.listing(folder + "/plots").map { "plots/" + $0 } : [name]
        }
    }

    @Test("results are byte-identical with --jobs 1 and --jobs 2 (report, table and summary)")
    func workerIndependence() throws {
        var outcomes: [Shell.Outcome] = []
        for jobs in ["1", "2"] {
            let outcome = Shell.edgesim([
                "bench", Self.pair, Self.sample, "--seeds", "1..3", "--sweep", "arrivalRateScale=0.5,1.5",
                "--jobs", jobs, "-o", directory.file("jobs-\(jobs)"),
                "--summary-json", directory.file("summary-\(jobs).json"),
            ])
            #expect(outcome.status == 0, "\(outcome.standardError)")
            outcomes.append(outcome)
        }
        let listing = files(directory.file("jobs-1"))
        #expect(listing == files(directory.file("jobs-2")))
        #expect(listing.count == 4 + 2 * (2 + 2 * 4))  // 3 tables and the page; per scenario 2 sweep plots + 4 per value
        for file in listing {
            let one = Shell.contents(directory.file("jobs-1/" + file))
            #expect(one != nil && one == Shell.contents(directory.file("jobs-2/" + file)), "\(file) differs")
        }
        #expect(outcomes[0].standardOutput == outcomes[1].standardOutput)
        // The summaries differ only in the report folder they name.
        #expect(text(directory.file("summary-1.json")).replacing("jobs-1", with: "jobs-2")
            == text(directory.file("summary-2.json")))
        #expect(outcomes[1].standardError.contains("bench: 72 runs on 2 workers"))
    }

    @Test("a sweep adds latency and drop rate against the swept parameter; the table shows its axis title")
    func sweep() throws {
        let report = directory.file("sweep")
        let outcome = Shell.edgesim([
            "bench", Self.pair, "--policies", "local,least-queue,cloud", "--seeds", "1,2",
            "--sweep", "arrivalRateScale=0.5..1.5:3", "-o", report,
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        let plots = Shell.listing(report + "/plots")
        #expect(plots.contains("pair-latency-vs-arrivalratescale.svg"))
        #expect(plots.contains("pair-drop-rate-vs-arrivalratescale.svg"))
        #expect(plots.contains("pair-arrivalratescale-1.5-latency-cdf.svg"))
        let latencyVersusLoad = text(report + "/plots/pair-latency-vs-arrivalratescale.svg")
        #expect(latencyVersusLoad.contains("Arrival-rate scale (×)"))
        for policy in ["local", "least-queue", "cloud"] {
            #expect(latencyVersusLoad.contains("data-series=\"\(policy)\""))
        }
        #expect(outcome.standardOutput.contains("Arrival-rate scale (×)  Policy"))
        #expect(text(report + "/results.csv").hasPrefix("scenario,arrivalRateScale,policy,seed,tasks,"))
        #expect(text(report + "/report.html").contains("<h3>arrivalRateScale = 1.5</h3>"))
    }

    @Test("a spec file is a whole study; --summary-json - prints JSON and moves the table to standard error")
    func specFile() throws {
        let spec = directory.file("study.bench.json")
        Shell.write("""
            {"format": "edgesim-bench", "version": 1, "name": "hop study",
             "scenarios": [{"path": "\(Self.pair)", "name": "pair of devices"}],
             "policies": ["least-queue", "earliest-finish"], "seeds": "1..2",
             "sweep": {"parameter": "candidates.hops", "values": [0, 2]}}
            """, to: spec)
        let outcome = Shell.edgesim(["bench", "--spec", spec, "-o", directory.file("study"), "--summary-json", "-"])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(outcome.standardOutput.hasPrefix("{\n  \"name\": \"hop study\",\n  \"scenarios\": 1,\n  \"policies\": 2,"))
        #expect(outcome.standardOutput.contains("\"sweep_parameter\": \"candidates.hops\""))
        #expect(outcome.standardOutput.contains("\"runs\": 8,"))
        let cell = "\"candidates.hops\": 2.0,\n      \"policy\": \"earliest-finish\",\n      \"runs\": 2,"
        #expect(outcome.standardOutput.contains(cell))
        let overview = "hop study: 1 scenario × 2 policies × 2 candidates.hops values × 2 seeds = 8 runs."
        #expect(outcome.standardError.contains(overview))
        #expect(outcome.standardError.contains("Candidate hops  Policy"))
        #expect(text(directory.file("study/summary.md")).contains("## Scenario pair of devices"))
    }

    @Test("usage errors exit 64 and name the option", arguments: [
        (["--policies", "local,teleport"], "--policies: unknown policy 'teleport'"),
        (["--seeds", "3..1"], "--seeds: empty seed range '3..1'"),
        (["--sweep", "gravity=1,2"], "--sweep: cannot sweep 'gravity'"),
        (["--sweep", "candidates.hops=0,1.5"], "--sweep: sweep value 1.5 of candidates.hops: expected a whole number >= 0"),
        (["--jobs", "0"], "--jobs: expected 1 to 256 workers, found 0"),
        (["--queue-sample-seconds", "0"], "--queue-sample-seconds must be a positive number"),
        (["--sweep-label", "Load"], "--sweep-label: there is no sweep to label"),
    ])
    func usageErrors(extra: [String], message: String) {
        let outcome = Shell.edgesim(["bench", Self.pair, "-o", directory.file("never")] + extra)
        #expect(outcome.status == 64, "\(outcome.standardError)")
        #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
        #expect(!Shell.exists(directory.file("never")))
    }

    @Test("-o - and a missing output are usage errors")
    func outputUsage() {
        #expect(Shell.edgesim(["bench", Self.pair, "-o", "-"]).status == 64)
        #expect(Shell.edgesim(["bench", Self.pair]).status == 64)
        #expect(Shell.edgesim(["bench", "-o", directory.file("r")]).status == 64)
    }

    @Test("data errors exit 1 with one line naming the file, and write no report")
    func dataErrors() {
        let spec = directory.file("bad.bench.json")
        Shell.write("""
            {"format": "edgesim-bench", "version": 1, "scenarios": ["\(Self.pair)"],
             "policies": ["local", "magic"], "seeds": "1..2"}
            """, to: spec)
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
        let cases: [([String], String)] = [
            (["--spec", spec], "bad.bench.json: $.policies: unknown policy 'magic'"),
            ([directory.file("none.scenario.json")], "none.scenario.json: cannot open: no such scenario file"),
            ([Fixtures.fixture("invalid/scenario-dangling-topology.scenario.json")], "no-such.topology.json: cannot open"),
            ([scenario, "--policies", "local", "--seeds", "1"],
             "bad.workload.csv:4: origin 'mars_base' is not a node of the topology 'sample-edge' "
                + "[bench job 1: scenario 'bad', policy 'local', seed 1]"),
        ]
        for (arguments, message) in cases {
            let outcome = Shell.edgesim(["bench"] + arguments + ["-o", directory.file("never")])
            #expect(outcome.status == 1, "\(arguments)")
            #expect(outcome.standardError.hasPrefix("edgesim: error: "), "\(outcome.standardError)")
            #expect(outcome.standardError.contains(message), "\(outcome.standardError)")
            #expect(outcome.standardError.split(separator: "\n").count == 1, "\(outcome.standardError)")
            #expect(!Shell.exists(directory.file("never")))
        }
    }

    @Test("a report path that is a file is refused")
    func outputIsAFile() {
        let file = directory.file("occupied")
        Shell.write("x", to: file)
        let outcome = Shell.edgesim(["bench", Self.pair, "--policies", "local", "--seeds", "1", "-o", file])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.contains("occupied"))
        #expect(text(file) == "x")
    }
}
