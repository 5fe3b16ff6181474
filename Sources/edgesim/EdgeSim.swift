import ArgumentParser

/// The `edgesim` command: a thin layer of verbs over the library modules.
@main
struct EdgeSim: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "edgesim",
        abstract: "Edge-computing task-offloading research toolkit: import, generate, compose, validate, replay.",
        discussion: """
            Exit status: 0 on success, 1 on a data or I/O error (one line naming the \
            file and location), 64 on a usage error. `-` as an input or output path \
            means standard input or output. Outputs are written atomically.
            """,
        version: EdgeSimVersion.current,
        subcommands: [
            ValidateCommand.self,
            ComposeCommand.self,
            GenerateCommand.self,
            ReplayCommand.self,
            ImportCommand.self,
            ExportCommand.self,
            BenchCommand.self,
        ]
    )
}

/// The version printed by `edgesim --version`.
enum EdgeSimVersion {
    static let current = "0.1.0 (scenario format v1)"
}
