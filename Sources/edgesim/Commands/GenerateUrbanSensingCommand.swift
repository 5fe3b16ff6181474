import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate urban-sensing`.
struct GenerateUrbanSensingCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: UrbanSensingScenario.name,
        abstract: "City cells of IoT neighbourhoods on shared media with mobile uplinks, and a cloudlet (Ether).")

    @Option(help: "City cells (Ether's num_cells).")
    var cells = 3
    @Option(help: "Neighbourhood size: lognormal shape (SciPy s).")
    var densityShape = 0.82
    @Option(help: "Neighbourhood size: lognormal location (SciPy loc).")
    var densityLocation = 2.02
    @Option(help: "Neighbourhood size: lognormal scale (SciPy scale).")
    var densityScale = 1.0
    @Option(help: "Servers per cloudlet rack.")
    var cloudletServersPerRack = 5
    @Option(help: "Cloudlet racks.")
    var cloudletRacks = 2
    @Option(help: "Capacity of each neighbourhood's shared medium, Mbit/s.")
    var sharedBandwidthMbps = 500.0

    @OptionGroup var common: GenerateOptions

    func validate() throws {
        try common.validate()
        try GenerateOptions.requireNonNegative(cells, "--cells")
        try GenerateOptions.requireNonNegative(cloudletServersPerRack, "--cloudlet-servers-per-rack")
        try GenerateOptions.requireNonNegative(cloudletRacks, "--cloudlet-racks")
        try GenerateOptions.requirePositive(densityShape, "--density-shape")
        try GenerateOptions.requirePositive(densityScale, "--density-scale")
        try GenerateOptions.requirePositive(sharedBandwidthMbps, "--shared-bandwidth-mbps")
        guard densityLocation.isFinite else { throw ValidationError("--density-location must be a finite number") }
    }

    func run() throws {
        let scenario = UrbanSensingScenario(
            cells: cells, density: .lognormal(shape: densityShape, location: densityLocation, scale: densityScale),
            cloudletServersPerRack: cloudletServersPerRack, cloudletRacks: cloudletRacks,
            sharedBandwidthMbps: sharedBandwidthMbps)
        try common.generate(scenario)
    }
}
