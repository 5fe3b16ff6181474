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
        try common.generate(IndustrialIoTScenario(
            premises: premises, floorBandwidthMbps: floorBandwidthMbps,
            cloudletServersPerRack: cloudletServersPerRack, cloudletRacks: cloudletRacks))
    }
}

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

/// `edgesim generate cloud-regions`.
struct GenerateCloudRegionsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: CloudRegionsScenario.name,
        abstract: "A cloudlet per cloud region, regions meshed with one-way geographic latencies (Ether).")

    @Option(help: "Comma-separated region ids (default: all of \(CloudRegion.awsRegions.map(\.id).joined(separator: ", "))).")
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
        try common.generate(CloudRegionsScenario(
            regions: try selectedRegions(), serversPerRack: serversPerRack, racks: racks))
    }
}

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
        try common.generate(MECScenario(
            baseStations: baseStations, devicesPerStation: devicesPerStation,
            mecServersPerStation: mecServersPerStation, mecArchetype: mecArchetype, deviceMix: try mix(),
            stationSpacingMeters: stationSpacingMeters, radioBandwidthMbps: radioBandwidthMbps,
            cloudServers: cloudServers))
    }
}
