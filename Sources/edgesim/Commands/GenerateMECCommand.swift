import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate mec`.
struct GenerateMECCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: MECScenario.name,
        abstract: "5G base stations on a grid with radio cells of devices, MEC servers, a metro core and a cloud.")

    @Option(help: "Base stations.")
    var baseStations = 7
    @Option(help: "Devices per base station.")
    var devicesPerStation = 20
    @Option(help: "MEC servers per base station.")
    var mecServersPerStation = 1
    @Option(help: "The MEC servers' archetype.")
    var mecArchetype = "server"
    @Option(help: "Device archetypes with weights, drawn per device (e.g. rpi4:2,nano:1,coral:1).")
    var deviceMix = "rpi4:2,nano:1,coral:1"
    @Option(help: "Distance between neighbouring base stations, metres.")
    var stationSpacingMeters = 500.0
    @Option(help: "Capacity of each radio cell, shared by its devices, Mbit/s.")
    var radioBandwidthMbps = 1000.0
    @Option(help: "Cloud servers behind the internet (0 for none).")
    var cloudServers = 5

    @OptionGroup var common: GenerateOptions

    func validate() throws {
        try common.validate()
        try GenerateOptions.requireNonNegative(baseStations, "--base-stations")
        try GenerateOptions.requireNonNegative(devicesPerStation, "--devices-per-station")
        try GenerateOptions.requireNonNegative(mecServersPerStation, "--mec-servers-per-station")
        try GenerateOptions.requireNonNegative(cloudServers, "--cloud-servers")
        try GenerateOptions.requirePositive(stationSpacingMeters, "--station-spacing-meters")
        try GenerateOptions.requirePositive(radioBandwidthMbps, "--radio-bandwidth-mbps")
        guard DeviceArchetype.builtIn(named: mecArchetype) != nil else {
            throw ValidationError("--mec-archetype: unknown archetype '\(mecArchetype)'")
        }
        _ = try mix()
    }

    func mix() throws -> [Block.WeightedArchetype] {
        var entries: [Block.WeightedArchetype] = []
        for part in deviceMix.split(separator: ",") {
            let pieces = part.split(separator: ":", omittingEmptySubsequences: false)
            let name = String(pieces[0])
            guard DeviceArchetype.builtIn(named: name) != nil else {
                throw ValidationError("--device-mix: unknown archetype '\(name)'")
            }
            var weight = 1.0
            if pieces.count == 2 {
                guard let parsed = Double(pieces[1]), parsed > 0, parsed.isFinite else {
                    throw ValidationError("--device-mix: '\(part)' needs a positive weight after ':'")
                }
                weight = parsed
            } else if pieces.count > 2 {
                throw ValidationError("--device-mix: '\(part)' is not NAME or NAME:WEIGHT")
            }
            entries.append(Block.WeightedArchetype(name, weight: weight))
        }
        guard !entries.isEmpty else { throw ValidationError("--device-mix: name at least one archetype") }
        return entries
    }

    func run() throws {
        try common.generate(
            MECScenario(
                baseStations: baseStations, devicesPerStation: devicesPerStation,
                mecServersPerStation: mecServersPerStation, mecArchetype: mecArchetype, deviceMix: try mix(),
                stationSpacingMeters: stationSpacingMeters, radioBandwidthMbps: radioBandwidthMbps,
                cloudServers: cloudServers))
    }
}
