import ArgumentParser
import ScenarioModel
import StreamingIO

/// `edgesim compose`: a topology, a workload and settings become a scenario.
struct ComposeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compose",
        abstract: "Combine a topology, a workload and model settings into a scenario file.",
        discussion: """
            The topology and workload are validated first (origins must be compute \
            nodes of the topology). Their paths are stored relative to the scenario \
            file, or the files are embedded with --embed. Settings come from their \
            defaults, then --settings FILE (a JSON object shaped like a scenario's \
            "settings"), then the options below.

            Summary keys: scenario, topology, workload, nodes, links, tasks, jobs, \
            dependencies, embedded, seed.
            """
    )

    @Option(help: "The topology file (*.topology.json).")
    var topology: String

    @Option(help: "The workload file (*.workload.csv.gz). Without it, tasks are synthetic.")
    var workload: String?

    @Option(name: .shortAndLong, help: "The scenario file to write (`-` for standard output).")
    var output: String

    @Option(help: "The scenario name (default: the output file name without extensions).")
    var name: String?

    @Flag(help: "Embed the topology and workload in the scenario instead of referring to them.")
    var embed = false

    @Option(help: "A JSON file with scenario settings, applied before the options below.")
    var settings: String?

    @Option(help: "The seed for every random draw of a replay.")
    var seed: UInt64?

    @Option(help: "Stop replays at this simulated time, in seconds.")
    var horizonSeconds: Double?

    @Option(help: "Node kinds hosting agents, comma-separated (device, edge, cloud).")
    var agentKinds: String?

    @Option(help: "Candidate rule: within-hops or all-reachable.")
    var candidates: CandidateRule.Rule?

    @Option(help: "Hop radius for within-hops candidates.")
    var hops: Int?

    @Option(help: "Routing metric: latency or hops.")
    var routing: RoutingMetric?

    @Option(help: "Origin rule for tasks without an origin: uniform, round-robin or label-weighted.")
    var origins: OriginRule.Rule?

    @Option(help: "Node kinds eligible as origins, comma-separated.")
    var originKinds: String?

    @Option(help: "Node label holding origin weights (label-weighted).")
    var weightLabel: String?

    @Option(help: "Decision epochs: arrival or interval.")
    var epoch: DecisionEpoch.Mode?

    @Option(help: "Seconds between decisions in interval mode.")
    var intervalSeconds: Double?

    @Option(help: "Reward: dense or sparse.")
    var reward: RewardSettings.Kind?

    @Option(help: "Synthetic arrivals per second per origin node.")
    var rate: Double?

    @Option(help: "How long synthetic arrivals continue, in seconds.")
    var durationSeconds: Double?

    @Option(name: .customLong("summary-json"), help: "Write a JSON summary to this path (`-` for standard output).")
    var summaryPath: String?

    func validate() throws {
        if output == "-" && summaryPath == "-" {
            throw ValidationError("-o - and --summary-json - cannot both use standard output")
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            let composer = ScenarioComposer(
                topologyPath: topology, workloadPath: workload, outputPath: output, embed: embed)
            var modelSettings = try settings.map { try ScenarioComposer.loadSettings(path: $0) } ?? ModelSettings()
            try apply(to: &modelSettings)
            let result = try composer.compose(name: name, settings: modelSettings)
            try result.scenario.write(to: output)
            if let summaryPath {
                var summary = SummaryReport()
                summary["scenario"] = .text(output)
                summary["topology"] = .text(topology)
                summary["workload"] = workload.map { .text($0) } ?? .null
                summary["nodes"] = .integer(result.topology.nodes.count)
                summary["links"] = .integer(result.topology.links.count)
                summary["tasks"] = .integer(result.workloadSummary?.tasks ?? 0)
                summary["jobs"] = .integer(result.workloadSummary?.jobs ?? 0)
                summary["dependencies"] = .integer(result.workloadSummary?.dependencies ?? 0)
                summary["embedded"] = .bool(embed)
                summary["seed"] = .integer(Int(truncatingIfNeeded: result.scenario.settings.seed))
                try summary.write(to: summaryPath)
            }
        }
    }

    private func apply(to settings: inout ModelSettings) throws {
        if let seed { settings.seed = seed }
        if let horizonSeconds { settings.horizonSeconds = horizonSeconds }
        if let agentKinds { settings.agents.kinds = try Self.parseKinds(agentKinds, option: "--agent-kinds") }
        if let candidates { settings.candidates.rule = candidates }
        if let hops { settings.candidates.hops = hops }
        if let routing { settings.routing = routing }
        if let origins { settings.origins.rule = origins }
        if let originKinds { settings.origins.kinds = try Self.parseKinds(originKinds, option: "--origin-kinds") }
        if let weightLabel { settings.origins.weightLabel = weightLabel }
        if let epoch { settings.decisions.mode = epoch }
        if let intervalSeconds { settings.decisions.intervalSeconds = intervalSeconds }
        if let reward { settings.reward.kind = reward }
        if let rate { settings.syntheticArrivals.ratePerSecondPerOrigin = rate }
        if let durationSeconds { settings.syntheticArrivals.durationSeconds = durationSeconds }
    }

    static func parseKinds(_ text: String, option: String) throws -> [NodeKind] {
        try text.split(separator: ",").map { part in
            guard let kind = NodeKind(rawValue: String(part)) else {
                throw ValidationError("\(option): unknown node kind '\(part)'")
            }
            return kind
        }
    }
}

extension CandidateRule.Rule: ExpressibleByArgument {}
extension RoutingMetric: ExpressibleByArgument {}
extension OriginRule.Rule: ExpressibleByArgument {}
extension DecisionEpoch.Mode: ExpressibleByArgument {}
extension RewardSettings.Kind: ExpressibleByArgument {}
