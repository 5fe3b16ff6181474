import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate cloud-regions`.
struct GenerateCloudRegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CloudRegionsScenario.name,
        abstract: "A cloudlet per cloud region, regions meshed with one-way geographic latencies (Ether).")

    @Option(
        help:
            "Comma-separated region ids (default: all of \(CloudRegion.awsRegions.map(\.id).joined(separator: ", "))).")
    var regions: String?
    @Option(help: "Servers per rack in each region.")
    var serversPerRack = 5
    @Option(help: "Racks per region.")
    var racks = 1

    @OptionGroup var common: GenerateOptions

    func validate() throws {
        try common.validate()
        try GenerateOptions.requireNonNegative(serversPerRack, "--servers-per-rack")
        try GenerateOptions.requireNonNegative(racks, "--racks")
        _ = try selectedRegions()
    }

    func selectedRegions() throws -> [CloudRegion] {
        guard let regions else { return CloudRegion.awsRegions }
        var selected: [CloudRegion] = []
        for id in regions.split(separator: ",").map(String.init) {
            guard let region = CloudRegion.named(id) else { throw ValidationError("--regions: unknown region '\(id)'") }
            guard !selected.contains(region) else { throw ValidationError("--regions: '\(id)' is listed twice") }
            selected.append(region)
        }
        guard !selected.isEmpty else { throw ValidationError("--regions: name at least one region") }
        return selected
    }

    func run() throws {
        try common.generate(
            CloudRegionsScenario(
                regions: try selectedRegions(), serversPerRack: serversPerRack, racks: racks))
    }
}
