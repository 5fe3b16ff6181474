import ArgumentParser
import ClusterGenerator
import ScenarioModel

/// `edgesim generate industrial-iot`.
struct GenerateIndustrialIoTCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: IndustrialIoTScenario.name,
        abstract: "Factory premises with IoT boxes, a shared floor, a business-ISP uplink and a cloudlet (Ether).")

    @Option(help: "Premises (Ether's num_premises).")
    var premises = 1
    @Option(help: "Capacity of each factory floor's shared medium, Mbit/s.")
    var floorBandwidthMbps = 300.0
    @Option(help: "Servers per cloudlet rack.")
    var cloudletServersPerRack = 5
    @Option(help: "Cloudlet racks per premises.")
    var cloudletRacks = 3

    @OptionGroup var common: GenerateOptions

    func validate() throws {
        try common.validate()
        try GenerateOptions.requireNonNegative(premises, "--premises")
        try GenerateOptions.requireNonNegative(cloudletServersPerRack, "--cloudlet-servers-per-rack")
        try GenerateOptions.requireNonNegative(cloudletRacks, "--cloudlet-racks")
        try GenerateOptions.requirePositive(floorBandwidthMbps, "--floor-bandwidth-mbps")
    }

    func run() throws {
        try common.generate(
            IndustrialIoTScenario(
                premises: premises, floorBandwidthMbps: floorBandwidthMbps,
                cloudletServersPerRack: cloudletServersPerRack, cloudletRacks: cloudletRacks))
    }
}
