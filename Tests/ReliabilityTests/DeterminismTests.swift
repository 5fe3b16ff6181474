import EdgeSimTestSupport
import Testing

/// Determinism (issue 9): every verb run twice with the same inputs and seed
/// writes byte-identical outputs. Each run is a separate process, so Swift's
/// per-process hash seeds differ: any dependence on `Dictionary`/`Set`
/// iteration order, a clock or an unseeded generator shows up as a diff.
@Suite("Determinism: the same command twice gives the same bytes")
struct DeterminismTests {
    /// A command and the paths it writes (files or folders), relative to a scratch folder.
    struct Command: CustomTestStringConvertible, Sendable {
        var arguments: [String]
        var outputs: [String]
        var testDescription: String { arguments.prefix(3).joined(separator: " ") + " " + (arguments.last ?? "") }
    }

    static let topology = HostileFixtures.sampleTopology
    static let workload = HostileFixtures.sampleWorkload

    static let commands: [Command] = [
        Command(arguments: ["validate", topology, workload, Fixtures.fixture("valid/tiny.scenario.json"),
                            "--summary-json", "summary.json"], outputs: ["summary.json"]),
        Command(arguments: ["compose", "--topology", topology, "--workload", workload, "--seed", "9", "--hops", "3",
                            "-o", "s.scenario.json"], outputs: ["s.scenario.json"]),
        Command(arguments: ["compose", "--topology", topology, "--workload", workload, "--embed", "-o", "e.scenario.json"],
                outputs: ["e.scenario.json"]),
        Command(arguments: ["generate", "urban-sensing", "--cells", "12", "--seed", "7", "-o", "u.topology.json",
                            "--summary-json", "u.json"], outputs: ["u.topology.json", "u.json"]),
        Command(arguments: ["generate", "industrial-iot", "--premises", "3", "--seed", "3", "-o", "i.topology.json"],
                outputs: ["i.topology.json"]),
        Command(arguments: ["generate", "cloudlet", "--seed", "5", "--format", "graphml", "-o", "c.graphml"],
                outputs: ["c.graphml"]),
        Command(arguments: ["generate", "cloud-regions", "--seed", "11", "-o", "r.topology.json"], outputs: ["r.topology.json"]),
        Command(arguments: ["generate", "mec", "--base-stations", "6", "--seed", "2", "-o", "m.topology.json"],
                outputs: ["m.topology.json"]),
        Command(arguments: ["generate", "--spec", Fixtures.path("topologies/specs/campus-wifi.spec.json"), "--seed", "4",
                            "-o", "campus.topology.json"], outputs: ["campus.topology.json"]),
        Command(arguments: ["import", "topology", Fixtures.path("topologies/sample-metro.graphml"), "--edge-servers-per-pop",
                            "1", "-o", "metro.topology.json", "--summary-json", "metro.json"],
                outputs: ["metro.topology.json", "metro.json"]),
        Command(arguments: ["import", "topology", Fixtures.fixture("graphml/key-types.graphml"), "-o", "k.topology.json"],
                outputs: ["k.topology.json"]),
        Command(arguments: ["import", "topology", Fixtures.fixture("graphml/ether-mini.json"), "-o", "ether.topology.json",
                            "--summary-json", "ether.json"], outputs: ["ether.topology.json", "ether.json"]),
        Command(arguments: ["import", "topology", Fixtures.fixture("graphml/peersimgym-mini.json"), "-o", "p.topology.json"],
                outputs: ["p.topology.json"]),
        Command(arguments: ["export", "graphml", topology, "-o", "sample.graphml"], outputs: ["sample.graphml"]),
        Command(arguments: ["import", "trace", "--format", "google2011", Fixtures.path("traces/google2011-task_events-sample.csv.gz"),
                            "--job-events", Fixtures.path("traces/google2011-job_events-sample.csv.gz"), "--origins", "hash",
                            "--origin-key", "logical-job", "--origin-nodes", "a,b,c", "--sort-memory-mib", "1", "-o",
                            "g.workload.csv.gz", "--summary-json", "g.json"], outputs: ["g.workload.csv.gz", "g.json"]),
        Command(arguments: ["import", "trace", "--format", "alibaba2018",
                            Fixtures.path("traces/alibaba2018-batch_task-sample.tar.gz"), "--sample", "0.7", "--seed", "3",
                            "--origins", "random", "--origin-nodes", "a,b", "-o", "a18.workload.csv.gz"],
                outputs: ["a18.workload.csv.gz"]),
        Command(arguments: ["import", "trace", "--format", "alibaba2017",
                            Fixtures.path("traces/alibaba2017-batch_task-sample.csv.gz"), "--input-bytes", "lognormal:1,0,1000000",
                            "-o", "a17.workload.csv.gz"], outputs: ["a17.workload.csv.gz"]),
        Command(arguments: ["import", "trace", "--format", "swf", Fixtures.path("traces/swf-sample.swf.gz"), "--deadline",
                            "runtime:2", "-o", "swf.workload.csv.gz"], outputs: ["swf.workload.csv.gz"]),
        Command(arguments: ["import", "trace", "--format", "azure2021", Fixtures.path("traces/azure2021-invocations-sample.csv"),
                            "--rate-factor", "0.5", "-o", "az.workload.csv.gz"], outputs: ["az.workload.csv.gz"]),
        Command(arguments: ["bench", "SCENARIO", "INTERVAL", "--policies", "random,least-queue", "--seeds", "1..3", "--jobs", "2",
                            "--sweep", "arrivalRateScale=0.5..1.5:3", "-o", "report", "--summary-json", "bench.json"],
                outputs: ["report", "bench.json"]),
    ] + ["local", "random", "round-robin", "least-queue", "earliest-finish", "cloud"].map { policy in
        Command(arguments: ["replay", "SCENARIO", "--policy", policy, "--seed", "5", "--queue-sample-seconds", "2",
                            "-o", "results-\(policy)", "--summary-json", "summary-\(policy).json"],
                outputs: ["results-\(policy)", "summary-\(policy).json"])
    } + [
        Command(arguments: ["replay", "INTERVAL", "--policy", "random", "-o", "results-interval"], outputs: ["results-interval"]),
    ]

    @Test("each verb: two runs, identical bytes", arguments: commands)
    func twice(_ command: Command) throws {
        let folder = TemporaryDirectory()
        let arguments = try Self.resolve(command.arguments, in: folder)
        var snapshots: [[String: [UInt8]]] = []
        for _ in 0..<2 {
            let outcome = BoundedProcess.run([Shell.edgesimExecutable] + arguments)
            CleanFailure.expectSuccess(outcome)
            var files: [String: [UInt8]] = ["<stdout>": outcome.standardOutput]
            for output in command.outputs { Self.collect(folder.file(output), name: output, into: &files) }
            snapshots.append(files)
            for output in command.outputs { Shell.run(["/bin/rm", "-rf", folder.file(output)]) }
        }
        #expect(snapshots[0].count > command.outputs.count, "no output was written")
        #expect(snapshots[0].keys.sorted() == snapshots[1].keys.sorted())
        for (name, bytes) in snapshots[0].sorted(by: { $0.key < $1.key }) {
            #expect(bytes == snapshots[1][name], "\(name) differs between two identical runs")
        }
    }

    /// Runs in the scratch folder's terms: relative outputs become paths in it;
    /// SCENARIO and INTERVAL become scenarios composed there first.
    static func resolve(_ arguments: [String], in folder: TemporaryDirectory) throws -> [String] {
        var resolved: [String] = []
        for (index, argument) in arguments.enumerated() {
            switch argument {
            case "SCENARIO", "INTERVAL":
                let scenario = folder.file(argument.lowercased() + ".scenario.json")
                let epoch = argument == "INTERVAL" ? ["--epoch", "interval", "--interval-seconds", "0.5"] : []
                let outcome = BoundedProcess.edgesim(
                    ["compose", "--topology", topology, "--workload", workload, "-o", scenario] + epoch)
                try #require(outcome.exitStatus == 0, "\(outcome)")
                resolved.append(scenario)
            default:
                let previous = index > 0 ? arguments[index - 1] : ""
                let isOutput = ["-o", "--summary-json"].contains(previous)
                resolved.append(isOutput ? folder.file(argument) : argument)
            }
        }
        return resolved
    }

    /// Reads a file, or every file under a folder, into `files`.
    static func collect(_ path: String, name: String, into files: inout [String: [UInt8]]) {
        let children = Shell.listing(path)
        if children.isEmpty {
            if let bytes = Shell.contents(path) { files[name] = bytes }
            return
        }
        for child in children { collect(path + "/" + child, name: name + "/" + child, into: &files) }
    }
}
