import ArgumentParser
import BenchReport

/// The options of `edgesim bench` that describe the study (scenarios, spec,
/// policies, seeds, sweep, workers, report folder); `BenchCommand` includes them
/// with `@OptionGroup` and runs the plan with `ReplayRunner` (module ReplayBench).
struct BenchArguments: ParsableArguments {
    @Argument(help: "Scenario files (*.scenario.json) to replay; they replace a spec's scenarios.")
    var scenarios: [String] = []

    @Option(help: "A bench spec file (JSON, format edgesim-bench) naming scenarios, policies, seeds and a sweep.")
    var spec: String?

    @Option(help: "Policies, comma-separated (default: the spec's, or every baseline).")
    var policies: String?

    @Option(help: "Seeds: a list and/or ranges such as 1..10 or 1,2,5 (default: the spec's, or \(BenchCommandOptions.defaultSeeds)).")
    var seeds: String?

    @Option(help: "Sweep one parameter: NAME=FROM..TO:STEPS or NAME=V1,V2,... (such as arrivalRateScale=0.5..1.5:5).")
    var sweep: String?

    @Option(help: "The sweep's axis title, with its unit (such as 'Arrival-rate scale (×)').")
    var sweepLabel: String?

    @Option(help: "The study's title in the report (default: the spec's name, or 'bench').")
    var name: String?

    @Option(help: "Worker threads (default: one per core). Results do not depend on it.")
    var jobs: Int?

    @Option(name: .shortAndLong, help: "The report folder to write (created when missing).")
    var output: String

    func validate() throws {
        if let jobs, !(1...BenchCommandOptions.maximumWorkerCount).contains(jobs) {
            throw ValidationError("--jobs: expected 1 to \(BenchCommandOptions.maximumWorkerCount) workers, found \(jobs)")
        }
        if scenarios.isEmpty && spec == nil {
            throw ValidationError("name at least one scenario file, or a bench spec with --spec")
        }
    }

    /// The options as the BenchReport module takes them.
    var options: BenchCommandOptions {
        BenchCommandOptions(
            scenarioPaths: scenarios, specPath: spec, policies: policies, seeds: seeds, sweep: sweep,
            sweepLabel: sweepLabel, name: name, jobs: jobs)
    }

    /// The bench spec; malformed options are usage errors (exit 64), a bad spec
    /// or missing scenario file a data error (exit 1, with its location).
    func makeSpec(defaultPolicies: [String]) throws -> BenchSpec {
        do {
            return try options.makeSpec(defaultPolicies: defaultPolicies)
        } catch .invalidArgument(let option, let message) {
            throw ValidationError("\(option): \(message)")
        }
    }

    /// The number of worker threads.
    func workerCount() throws -> Int {
        do {
            return try options.workerCount()
        } catch {
            throw ValidationError(error.description)
        }
    }
}
