import ArgumentParser
import ClusterGenerator
import ScenarioModel
import TopologyImport

#if canImport(Glibc)
import Glibc
#endif

/// Options every `generate` scenario shares, and the generate-write-summarise run.
struct GenerateOptions: ParsableArguments {
    /// Output formats of `generate`.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        case json
        case graphml
    }

    @Option(help: "The seed driving every random draw.")
    var seed: UInt64 = 1

    @Option(name: .shortAndLong, help: "The topology file to write (`-` for standard output).")
    var output = "-"

    @Option(help: "Output format: json (canonical *.topology.json) or graphml.")
    var format: Format = .json

    @Option(help: "The topology's name (default: the scenario's or spec's name).")
    var name: String?

    @Option(help: "Fail rather than generate more nodes than this.")
    var maxNodes = ClusterGenerator.defaultMaximumNodes

    @Option(name: .customLong("summary-json"), help: "Write a JSON summary to this path (`-` for standard output).")
    var summaryPath: String?

    @Flag(help: "Add generate_seconds and write_seconds to the summary (for benchmarks).")
    var reportTimings = false

    func validate() throws {
        if output == "-" && summaryPath == "-" {
            throw ValidationError("-o - and --summary-json - cannot both use standard output")
        }
        guard maxNodes > 0 else { throw ValidationError("--max-nodes must be positive") }
        // Provenance stores the seed as a JSON integer, read back as a signed 64-bit value.
        guard seed <= UInt64(Int64.max) else { throw ValidationError("--seed must be at most \(Int64.max)") }
    }

    static func requireNonNegative(_ value: Int, _ option: String) throws {
        guard value >= 0 else { throw ValidationError("\(option) must be >= 0, found \(value)") }
    }

    static func requirePositive(_ value: Double, _ option: String) throws {
        guard value > 0, value.isFinite else {
            throw ValidationError("\(option) must be a positive number, found \(value)")
        }
    }

    /// Generates a built-in scenario and writes it.
    func generate<Scenario: ClusterScenario>(_ scenario: Scenario) throws {
        try generate(scenarioName: Scenario.name) { () throws -> Topology in
            try ClusterGenerator.generate(scenario, seed: seed, maximumNodes: maxNodes)
        }
    }

    /// Runs `make`, writes its topology in the chosen format, and writes the summary.
    func generate(scenarioName: String, _ make: () throws -> Topology) throws {
        try CommandFailure.reporting {
            let started = Self.now()
            var topology = try make()
            if let name { topology.name = name }
            let generated = Self.now()
            switch format {
            case .json:
                try topology.write(to: output)
            case .graphml:
                try GraphMLExporter.write(topology, to: output)
            }
            let written = Self.now()
            guard let summaryPath else { return }
            var summary = SummaryReport()
            summary["nodes"] = .integer(topology.nodes.count)
            summary["links"] = .integer(topology.links.count)
            summary["media"] = .integer(topology.media.count)
            var byKind = SummaryReport()
            let counts = topology.nodeCountsByKind
            for kind in NodeKind.allCases { byKind[kind.rawValue] = .integer(counts[kind] ?? 0) }
            summary["nodes_by_kind"] = .object(byKind)
            summary["seed"] = .integer(Int(seed))
            summary["scenario"] = .text(scenarioName)
            summary["output"] = .text(output)
            summary["format"] = .text(format.rawValue)
            if reportTimings {
                summary["generate_seconds"] = .number(generated - started)
                summary["write_seconds"] = .number(written - generated)
            }
            try summary.write(to: summaryPath)
        }
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
