import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate cloudlet`.
struct GenerateCloudletCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CloudletScenario.name,
        abstract: "Racks of servers behind a cloudlet switch on fibre to the internet (Ether's Cloudlet).")

    @Option(help: "Servers per rack.")
    var serversPerRack = 5
    @Option(help: "Racks.")
    var racks = 1
    @Option(help: "The servers' archetype (\(DeviceArchetype.catalogue.map(\.name).joined(separator: ", "))).")
    var archetype = "server"

    @OptionGroup var common: GenerateOptions

    func validate() throws {
        try common.validate()
        try GenerateOptions.requireNonNegative(serversPerRack, "--servers-per-rack")
        try GenerateOptions.requireNonNegative(racks, "--racks")
        guard DeviceArchetype.builtIn(named: archetype) != nil else {
            throw ValidationError("--archetype: unknown archetype '\(archetype)'")
        }
    }

    func run() throws {
        try common.generate(CloudletScenario(serversPerRack: serversPerRack, racks: racks, archetype: archetype))
    }
}
