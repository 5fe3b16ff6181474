import ClusterGenerator
import ScenarioModel
import Testing

@Suite("Device archetypes")
struct ArchetypeTests {
    /// Ether's `ether/blocks/nodes.py` (edgerun-ether 0.3.3): name prefix, cores,
    /// architecture, memory bytes, type and model labels.
    static let ether: [(String, String, Int, String, Int64, String, String)] = [
        ("vm", "cloudvm", 4, "x86", 8_363_810_816, "vm", "vm"),
        ("server", "server", 88, "x86", 188_000_000_000, "server", "server"),
        ("rpi3", "rpi3", 4, "arm32", 1_023_012_864, "sbc", "rpi3b+"),
        ("rpi4", "rpi4", 4, "arm32v7", 1_000_000_000, "sbc", "rpi4"),
        ("rockpi", "rockpi", 6, "aarch64", 4_000_000_000, "sbc", "rockpi4"),
        ("coral", "coral", 4, "aarch64", 1_000_000_000, "sbc", "coral"),
        ("nuc", "nuc", 4, "x86", 17_179_869_184, "sffc", "nuci5"),
        ("tx2", "tx2", 4, "aarch64", 8_240_386_048, "embai", "nvidia_jetson_tx2"),
        ("nano", "nano", 4, "aarch64", 4_000_000_000, "embai", "nvidia_jetson_nano"),
        ("nx", "nx", 6, "aarch64", 8_000_000_000, "embai", "nvidia_jetson_nx"),
    ]

    @Test("the catalogue has Ether's ten archetypes with Ether's figures", arguments: 0..<ether.count)
    func etherFigures(index: Int) throws {
        let (name, prefix, cores, architecture, memory, type, model) = Self.ether[index]
        let archetype = try #require(DeviceArchetype.builtIn(named: name))
        #expect(archetype.namePrefix == prefix)
        #expect(archetype.cores == cores)
        #expect(archetype.architecture == architecture)
        #expect(archetype.memoryBytes == memory)
        #expect(archetype.labels["ether.edgerun.io/type"] == type)
        #expect(archetype.labels["ether.edgerun.io/model"] == model)
        #expect(archetype.coreSpeedMips > 0)
        #expect(archetype.busyPowerWatts > archetype.idlePowerWatts && archetype.idlePowerWatts > 0)
        #expect(archetype.transmitPowerWatts > 0)
    }

    @Test("Ether's capability labels: Edge TPU on the Coral, CUDA and GPU on the Jetsons")
    func capabilities() {
        #expect(DeviceArchetype.coral.labels["ether.edgerun.io/capabilities/tpu"] == "edgetpu")
        #expect(DeviceArchetype.tx2.labels["ether.edgerun.io/capabilities/gpu"] == "pascal")
        #expect(DeviceArchetype.nano.labels["ether.edgerun.io/capabilities/gpu"] == "maxwell")
        #expect(DeviceArchetype.nx.labels["ether.edgerun.io/capabilities/gpu"] == "volta")
        #expect(DeviceArchetype.catalogue.count == 10)
        #expect(Set(DeviceArchetype.catalogue.map(\.name)).count == 10)
    }

    @Test("faster boards are faster: per-core speeds follow Arm's published DMIPS/MHz × clock")
    func relativeSpeeds() {
        // Cortex-A53 (2.3 DMIPS/MHz) at 1.4 GHz; A72 (4.72) at 1.5 GHz; A57 (4.1) at 2.0 GHz.
        #expect(DeviceArchetype.rpi3.coreSpeedMips == 3220)
        #expect(DeviceArchetype.rpi4.coreSpeedMips == 7080)
        #expect(DeviceArchetype.tx2.coreSpeedMips == 8200)
        #expect(DeviceArchetype.rpi3.coreSpeedMips < DeviceArchetype.rpi4.coreSpeedMips)
        #expect(DeviceArchetype.nano.coreSpeedMips < DeviceArchetype.tx2.coreSpeedMips)
    }

    @Test("generated nodes carry the archetype's figures and Ether's labels")
    func nodes() throws {
        let topology = try ClusterGenerator.generate(IndustrialIoTScenario(), seed: 1)
        let rpi = try #require(topology.nodes.first { $0.id == "rpi3_0" })
        #expect(rpi.kind == .device && rpi.tier == 0)
        #expect(rpi.cores == 4 && rpi.coreSpeedMips == 3220 && rpi.memoryBytes == 1_023_012_864)
        #expect(rpi.idlePowerWatts == 1.9 && rpi.busyPowerWatts == 5.1)
        #expect(rpi.queueCapacity == 10)
        #expect(
            rpi.labels == [
                "ether.edgerun.io/arch": "arm32", "ether.edgerun.io/model": "rpi3b+", "ether.edgerun.io/type": "sbc",
            ])
        let server = try #require(topology.nodes.first { $0.id == "server_0" })
        #expect(server.kind == .edge && server.tier == 1 && server.queueCapacity == 50)
    }
}
