/// Ether's `UrbanSensingScenario`: city cells of IoT neighbourhoods on a
/// shared medium with a mobile uplink, and a cloudlet on fibre.
///
/// Each cell draws a neighbourhood size `n` from `density` (Ether: SciPy
/// `lognorm(0.82, 2.02)` truncated, so n >= 2, mean about 2.92) and holds
/// `n` IoT boxes of two Raspberry Pi 3 and one box with a NUC and `2n` Jetson
/// TX2, all on a 500 Mbit/s shared medium behind a `MobileConnection`. A
/// cell of size n has 4n + 1 compute nodes.
public struct UrbanSensingScenario: ClusterScenario {
    public static let name = "urban-sensing"

    /// City cells (Ether's `num_cells`, default 3).
    public var cells: Int
    /// The neighbourhood size per cell (Ether's `cell_density`).
    public var density: Count
    /// Servers per cloudlet rack (Ether's `cloudlet_size[0]`, 5).
    public var cloudletServersPerRack: Int
    /// Cloudlet racks (Ether's `cloudlet_size[1]`, 2).
    public var cloudletRacks: Int
    /// Capacity of each neighbourhood's shared medium (Ether: 500 Mbit/s).
    public var sharedBandwidthMbps: Double

    /// Creates the scenario with Ether's defaults.
    public init(
        cells: Int = 3, density: Count = .lognormal(shape: 0.82, location: 2.02, scale: 1),
        cloudletServersPerRack: Int = 5, cloudletRacks: Int = 2, sharedBandwidthMbps: Double = 500
    ) {
        self.cells = cells
        self.density = density
        self.cloudletServersPerRack = cloudletServersPerRack
        self.cloudletRacks = cloudletRacks
        self.sharedBandwidthMbps = sharedBandwidthMbps
    }

    public var parameters: [String: String] {
        [
            "cells": String(cells), "density": density.description,
            "cloudletServersPerRack": String(cloudletServersPerRack), "cloudletRacks": String(cloudletRacks),
            "sharedBandwidthMbps": Self.text(sharedBandwidthMbps),
        ]
    }

    public var spec: ClusterSpec {
        let sensorBox = Block.lan(Block.LANCell([.hosts("rpi3", count: .fixed(2))]))
        let computeBox = Block.lan(
            Block.LANCell([.hosts("nuc"), .hosts("tx2", count: .linear(perSize: 2, offset: 0))]))
        let neighbourhood = Block.shared(
            Block.SharedCell(
                [.repeated(Block.Repeat(sensorBox, count: .size)), computeBox],
                bandwidthMbps: sharedBandwidthMbps, uplink: .mobile))
        let city = Block.repeated(Block.Repeat(neighbourhood, count: .fixed(cells), size: density))
        let cloudlet = Block.cloudlet(
            Block.Cloudlet(
                serversPerRack: .fixed(cloudletServersPerRack), racks: .fixed(cloudletRacks), uplink: .fibre))
        return ClusterSpec(
            name: Self.name,
            sites: [ClusterSpec.Site(at: "internet", city), ClusterSpec.Site(at: "internet", cloudlet)])
    }
}
