import ScenarioModel

/// How Ether's compute archetypes (ether/blocks/nodes.py, edgerun-ether 0.3.3)
/// map to canonical figures. Ether gives millicores and memory but no
/// instruction rate, so per-core speeds are assumptions (the bundled
/// sample's figures, extended by device class); documented in FORMAT.md.
enum EtherArchetypes {
    /// Assumed per-core speed by `ether.edgerun.io/model`, MIPS.
    static let coreSpeedMipsByModel: [String: Double] = [
        "rpi3b+": 1100, "rpi3": 1100,
        "rpi4": 1500, "rpi4b": 1500, "rpi4b+": 1500,
        "rpi5_6G": 2400, "rpi5_8G": 2400, "rpi6b+": 2400,
        "rockpi4": 1500, "coral": 1500,
        "nuci5": 2600,
        "nvidia_jetson_tx2": 2000, "nvidia_jetson_nano": 1400, "nvidia_jetson_nx": 1900,
        "server": 3000, "vm": 2500,
    ]

    /// Canonical kind by `ether.edgerun.io/type`: single-board computers are
    /// devices; small form factor PCs, embedded AI boards and servers are edge
    /// nodes; VMs are cloud nodes.
    static func kind(forType type: String?) -> NodeKind? {
        switch type {
        case "sbc": return .device
        case "sffc", "embai", "server": return .edge
        case "vm": return .cloud
        default: return nil
        }
    }

    /// Ether's `Capacity` defaults: 1000 millicores, 1 GiB.
    static let defaultCpuMillis: Int64 = 1000
    static let defaultMemoryBytes: Int64 = 1024 * 1024 * 1024

    /// Cores and per-core speed for `cpuMillis` millicores of `model`: cores
    /// = ceil(millis / 1000) (at least 1), speed scaled so that
    /// cores x speed = millis / 1000 x the model's per-core speed (14800
    /// millicores are 15 cores at 98.7 % of the model's speed).
    static func compute(cpuMillis: Int64, model: String?, fallbackMips: Double) -> (cores: Int, coreSpeedMips: Double) {
        let millis = max(cpuMillis, 1)
        let (quotient, remainder) = millis.quotientAndRemainder(dividingBy: 1000)
        let cores = Int(clamping: max(1, quotient + (remainder > 0 ? 1 : 0)))
        let base = model.flatMap { coreSpeedMipsByModel[$0] } ?? fallbackMips
        return (cores, base * Double(millis) / 1000 / Double(cores))
    }
}
