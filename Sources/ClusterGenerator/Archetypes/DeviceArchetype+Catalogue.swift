import ScenarioModel

/// The built-in archetypes: Ether's ten (`ether/blocks/nodes.py`, edgerun-ether
/// 0.3.3) with their cores, architecture, memory and labels unchanged.
///
/// Speeds are Dhrystone MIPS per core: Arm's DMIPS/MHz for the core times the
/// clock; x86 vendors publish no DMIPS figure, so x86 hardware threads use a
/// stated assumption. Power: measured or vendor figures where cited, stated
/// assumptions otherwise. Queue capacities follow PeersimGym's per-layer
/// defaults (10 tasks on devices, 50 on edge nodes, unbounded in the cloud).
/// FORMAT.md lists the source of each figure.
extension DeviceArchetype {
    /// Every built-in archetype, in Ether's order.
    public static let catalogue: [DeviceArchetype] = [
        vm, server, rpi3, rpi4, rockpi, coral, nuc, tx2, nano, nx,
    ]

    /// The built-in archetype called `name`, if any.
    public static func builtIn(named name: String) -> DeviceArchetype? {
        catalogue.first { $0.name == name }
    }

    static let deviceQueue = 10
    static let edgeQueue = 50

    /// A cloud VM: 4 vCPUs of a `server` host, 8167784Ki memory; power is the
    /// VM's share (4 of 88 threads) of the server's.
    public static let vm = DeviceArchetype(
        name: "vm", namePrefix: "cloudvm", kind: .cloud, cores: 4, architecture: "x86", memoryBytes: 8_363_810_816,
        etherType: "vm", etherModel: "vm", coreSpeedMips: 11_000, idlePowerWatts: 4.5, busyPowerWatts: 15.9,
        transmitPowerWatts: 0.2, queueCapacity: nil)

    /// A two-socket server with 88 hardware threads and 188 GB (Xeon E5-2699 v4 class).
    public static let server = DeviceArchetype(
        name: "server", namePrefix: "server", kind: .edge, cores: 88, architecture: "x86",
        memoryBytes: 188_000_000_000, etherType: "server", etherModel: "server", coreSpeedMips: 11_000,
        idlePowerWatts: 100, busyPowerWatts: 350, transmitPowerWatts: 5, queueCapacity: edgeQueue)

    /// Raspberry Pi 3 Model B+: 4 Cortex-A53 at 1.4 GHz.
    public static let rpi3 = DeviceArchetype(
        name: "rpi3", namePrefix: "rpi3", kind: .device, cores: 4, architecture: "arm32",
        memoryBytes: 1_023_012_864, etherType: "sbc", etherModel: "rpi3b+", coreSpeedMips: 3220,
        idlePowerWatts: 1.9, busyPowerWatts: 5.1, transmitPowerWatts: 1.0, queueCapacity: deviceQueue)

    /// Raspberry Pi 4 Model B: 4 Cortex-A72 at 1.5 GHz.
    public static let rpi4 = DeviceArchetype(
        name: "rpi4", namePrefix: "rpi4", kind: .device, cores: 4, architecture: "arm32v7",
        memoryBytes: 1_000_000_000, etherType: "sbc", etherModel: "rpi4", coreSpeedMips: 7080,
        idlePowerWatts: 2.7, busyPowerWatts: 6.4, transmitPowerWatts: 1.0, queueCapacity: deviceQueue)

    /// ROCK Pi 4 (RK3399): 2 Cortex-A72 at 1.8 GHz and 4 Cortex-A53 at 1.4 GHz.
    public static let rockpi = DeviceArchetype(
        name: "rockpi", namePrefix: "rockpi", kind: .device, cores: 6, architecture: "aarch64",
        memoryBytes: 4_000_000_000, etherType: "sbc", etherModel: "rockpi4", coreSpeedMips: 4980,
        idlePowerWatts: 3.0, busyPowerWatts: 9.0, transmitPowerWatts: 1.0, queueCapacity: deviceQueue)

    /// Coral Dev Board (NXP i.MX 8M): 4 Cortex-A53 at 1.5 GHz plus an Edge TPU.
    public static let coral = DeviceArchetype(
        name: "coral", namePrefix: "coral", kind: .device, cores: 4, architecture: "aarch64",
        memoryBytes: 1_000_000_000, etherType: "sbc", etherModel: "coral",
        extraLabels: ["capabilities/tpu": "edgetpu"], coreSpeedMips: 3450, idlePowerWatts: 3.0,
        busyPowerWatts: 7.0, transmitPowerWatts: 1.0, queueCapacity: deviceQueue)

    /// Intel NUC with a Core i5 (2 cores, 4 threads, up to 3.4 GHz), 16 GiB.
    public static let nuc = DeviceArchetype(
        name: "nuc", namePrefix: "nuc", kind: .edge, cores: 4, architecture: "x86", memoryBytes: 17_179_869_184,
        etherType: "sffc", etherModel: "nuci5", coreSpeedMips: 12_000, idlePowerWatts: 6,
        busyPowerWatts: 28, transmitPowerWatts: 2.0, queueCapacity: edgeQueue)

    /// NVIDIA Jetson TX2: 4 Cortex-A57 at 2.0 GHz (Ether counts 4 cores), Pascal GPU.
    public static let tx2 = DeviceArchetype(
        name: "tx2", namePrefix: "tx2", kind: .edge, cores: 4, architecture: "aarch64",
        memoryBytes: 8_240_386_048, etherType: "embai", etherModel: "nvidia_jetson_tx2",
        extraLabels: ["capabilities/cuda": "10", "capabilities/gpu": "pascal"], coreSpeedMips: 8200,
        idlePowerWatts: 2.0, busyPowerWatts: 15, transmitPowerWatts: 1.5, queueCapacity: edgeQueue)

    /// NVIDIA Jetson Nano: 4 Cortex-A57 at 1.43 GHz, Maxwell GPU.
    public static let nano = DeviceArchetype(
        name: "nano", namePrefix: "nano", kind: .edge, cores: 4, architecture: "aarch64",
        memoryBytes: 4_000_000_000, etherType: "embai", etherModel: "nvidia_jetson_nano",
        extraLabels: ["capabilities/cuda": "10", "capabilities/gpu": "maxwell"], coreSpeedMips: 5860,
        idlePowerWatts: 1.5, busyPowerWatts: 10, transmitPowerWatts: 1.5, queueCapacity: edgeQueue)

    /// NVIDIA Jetson Xavier NX: 6 Carmel cores at 1.4 GHz, Volta GPU.
    public static let nx = DeviceArchetype(
        name: "nx", namePrefix: "nx", kind: .edge, cores: 6, architecture: "aarch64", memoryBytes: 8_000_000_000,
        etherType: "embai", etherModel: "nvidia_jetson_nx",
        extraLabels: ["capabilities/cuda": "10", "capabilities/gpu": "volta"], coreSpeedMips: 7000,
        idlePowerWatts: 3.0, busyPowerWatts: 15, transmitPowerWatts: 1.5, queueCapacity: edgeQueue)
}
