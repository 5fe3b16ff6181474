import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate --spec FILE.json`.
struct GenerateSpecCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "spec",
        abstract: "Generate the cluster a declarative spec file describes (the default of `generate`).")

    @Option(help: "The cluster spec (format edgesim-cluster-spec, see FORMAT.md).")
    var spec: String

    @OptionGroup var common: GenerateOptions

    func validate() throws { try common.validate() }

    func run() throws {
        try common.generate(scenarioName: "spec") { () throws -> Topology in
            let loaded = try ClusterSpecFile.load(path: spec)
            return try ClusterGenerator.generate(
                loaded.spec, seed: common.seed, provenance: loaded.provenance, maximumNodes: common.maxNodes)
        }
    }
}
