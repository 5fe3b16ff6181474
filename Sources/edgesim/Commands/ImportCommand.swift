import ArgumentParser

/// `edgesim import`: the group of importers into the canonical format.
struct ImportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Import traces and topologies into the canonical format.",
        subcommands: [ImportTraceCommand.self, ImportTopologyCommand.self]
    )
}
