import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate SCENARIO [options]`: Ether-style seeded cluster synthesis.
struct GenerateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate an Ether-style edge cluster topology, reproducibly from a seed.",
        discussion: """
            Scenarios: urban-sensing, industrial-iot, cloudlet, cloud-regions, mec; or \
            `edgesim generate --spec FILE.json` for a declarative spec composing blocks \
            (format in FORMAT.md, "Generator archetypes and scenarios"). One --seed drives \
            every random draw: the same arguments give a byte-identical topology.

            Summary keys: nodes, links, media, nodes_by_kind, seed, scenario, output, format \
            (with --report-timings also generate_seconds and write_seconds).
            """,
        subcommands: [
            GenerateSpecCommand.self,
            GenerateUrbanSensingCommand.self,
            GenerateIndustrialIoTCommand.self,
            GenerateCloudletCommand.self,
            GenerateCloudRegionsCommand.self,
            GenerateMECCommand.self,
        ],
        defaultSubcommand: GenerateSpecCommand.self
    )
}
