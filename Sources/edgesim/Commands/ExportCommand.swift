import ArgumentParser

struct ExportCommand: ParsableCommand { static let configuration = CommandConfiguration(commandName: "export", abstract: "Export canonical files to other tools' formats.", subcommands: [ExportGraphMLCommand.self]) }
