import ArgumentParser
import ScenarioModel
import TopologyImport

/// `edgesim export graphml`: a canonical topology as GraphML for networkx,
/// Gephi and yEd.
struct ExportGraphMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "graphml",
        abstract: "Write a canonical topology as GraphML (networkx, Gephi, yEd).",
        discussion: """
            Canonical fields become GraphML attributes under their own names (kind, cores, \
            bandwidthMbps, latencyMs, ...), labels become attributes named labels.<name>, and \
            the name, provenance and shared media are graph attributes. \
            `edgesim import topology` reads the file back into the same topology.
            """
    )

    @Argument(help: "The canonical topology (*.topology.json; `-` for standard input).")
    var topology: String

    @Option(name: .shortAndLong, help: "The GraphML file to write (`-` for standard output).")
    var output: String

    func run() throws {
        try CommandFailure.reporting {
            let loaded = try Topology.load(path: topology)
            try GraphMLExporter.write(loaded, to: output)
            StandardError.write(
                "\(topology): exported \(loaded.nodes.count) nodes, \(loaded.links.count) links -> \(output == "-" ? "<stdout>" : output)")
        }
    }
}
