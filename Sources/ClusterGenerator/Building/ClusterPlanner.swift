import ScenarioModel
import StreamingIO

/// Turns a `ClusterSpec` into a plan, checking every value on the way.
struct ClusterPlanner {
    /// Name prefixes in order of first use; a node's id is `<prefix>_<k>`.
    private(set) var prefixes: [String] = []
    private var slotByPrefix: [String: Int] = [:]
    private var archetypes: [String: DeviceArchetype] = [:]
    private var plannedArchetypes: [PlanKey: PlannedArchetype] = [:]
    private var labelCache: [[String]: [String: String]] = [:]

    /// Link bandwidth of a switch's own connection (assumption: 10 GbE; Ether's switches have no capacity).
    static let switchBandwidthMbps = 10_000.0
    /// Bandwidth of a host's NIC link (Ether's `Host(link_bw=1000)`).
    static let hostBandwidthMbps = 1000.0

    private struct PlanKey: Hashable {
        var archetype: String
        var kind: NodeKind
    }

    init(spec: ClusterSpec) throws(GeneratorError) {
        for archetype in DeviceArchetype.catalogue { archetypes[archetype.name] = archetype }
        for archetype in spec.archetypes { archetypes[archetype.name] = archetype }
    }

    /// The counter slot of a name prefix.
    mutating func slot(for prefix: String) -> Int {
        if let slot = slotByPrefix[prefix] { return slot }
        let slot = prefixes.count
        prefixes.append(prefix)
        slotByPrefix[prefix] = slot
        return slot
    }

    // MARK: - Blocks

    /// Plans `block` as a child of a parent whose members attach with `memberLatency`.
    mutating func plan(
        _ block: Block, memberLatency: LatencyClass, sizeBound: Bool
    ) throws(GeneratorError) -> PlannedBlock {
        switch block {
        case .hosts(let hosts):
            return .hosts(try plan(hosts, memberLatency: memberLatency, sizeBound: sizeBound))
        case .lan(let cell):
            try check(cell.uplink, at: cell.location)
            return .lan(
                try planLAN(
                    members: cell.members, uplink: cell.uplink, prefix: cell.switchPrefix, role: "lan",
                    memberLatency: memberLatency, sizeBound: sizeBound, location: cell.location))
        case .shared(let cell):
            return .shared(try plan(cell, memberLatency: memberLatency, sizeBound: sizeBound))
        case .cloudlet(let cloudlet):
            return .lan(try plan(cloudlet, memberLatency: memberLatency, sizeBound: sizeBound))
        case .repeated(let repetition):
            try check(repetition.count, at: repetition.location, sizeBound: sizeBound, what: "count")
            if let size = repetition.size {
                try check(size, at: repetition.location, sizeBound: sizeBound, what: "size")
            }
            if let spacing = repetition.gridSpacingMeters, !(spacing > 0 && spacing.isFinite) {
                throw .invalidSpec(repetition.location, "gridSpacingMeters must be a positive number, found \(spacing)")
            }
            let inner = try plan(
                repetition.block, memberLatency: memberLatency, sizeBound: sizeBound || repetition.size != nil)
            return .repeated(
                PlannedRepeat(
                    count: repetition.count, size: repetition.size, gridSpacingMeters: repetition.gridSpacingMeters,
                    block: inner, location: repetition.location))
        }
    }

    private mutating func plan(
        _ hosts: Block.Hosts, memberLatency: LatencyClass, sizeBound: Bool
    ) throws(GeneratorError) -> PlannedHosts {
        guard !hosts.archetypes.isEmpty else {
            throw .invalidSpec(hosts.location, "a hosts block needs at least one archetype")
        }
        var planned: [PlannedArchetype] = []
        for entry in hosts.archetypes {
            guard entry.weight > 0, entry.weight.isFinite else {
                throw .invalidSpec(
                    hosts.location, "archetype '\(MessageText.excerpt(entry.name))' needs a positive weight, found \(entry.weight)")
            }
            planned.append(try archetype(entry.name, kind: hosts.kind, at: hosts.location))
        }
        try check(hosts.count, at: hosts.location, sizeBound: sizeBound, what: "count")
        try check(hosts.uplink, at: hosts.location)
        if let scatter = hosts.scatterMeters, !(scatter >= 0 && scatter.isFinite) {
            throw .invalidSpec(hosts.location, "scatterMeters must be a non-negative number, found \(scatter)")
        }
        let attachment = attachment(
            hosts.uplink ?? .link(bandwidthMbps: Self.hostBandwidthMbps, latency: memberLatency), role: "host")
        return PlannedHosts(
            archetypes: planned, weights: hosts.archetypes.map(\.weight), count: hosts.count, attachment: attachment,
            scatterMeters: hosts.scatterMeters, location: hosts.location)
    }

    private mutating func planLAN(
        members: [Block], uplink: Attachment?, prefix: String, role: String, memberLatency: LatencyClass,
        sizeBound: Bool, location: SourceLocation?
    ) throws(GeneratorError) -> PlannedLAN {
        try checkPrefix(prefix, at: location)
        let switchSlot = slot(for: prefix)
        let attachment = attachment(
            uplink ?? .link(bandwidthMbps: Self.switchBandwidthMbps, latency: memberLatency), role: "switch")
        var planned: [PlannedBlock] = []
        for member in members {
            planned.append(try plan(member, memberLatency: .lan, sizeBound: sizeBound))
        }
        return PlannedLAN(
            switchSlot: switchSlot, labels: labels(["block", role]), attachment: attachment, members: planned)
    }

    private mutating func plan(
        _ cell: Block.SharedCell, memberLatency: LatencyClass, sizeBound: Bool
    ) throws(GeneratorError) -> PlannedShared {
        guard cell.bandwidthMbps > 0, cell.bandwidthMbps.isFinite else {
            throw .invalidSpec(
                cell.location, "a shared medium needs a positive bandwidthMbps, found \(cell.bandwidthMbps)")
        }
        try check(cell.memberLatency, at: cell.location)
        try check(cell.uplink, at: cell.location)
        try checkPrefix(cell.prefix, at: cell.location)
        let slot = slot(for: cell.prefix)
        let attachment = attachment(
            cell.uplink ?? .link(bandwidthMbps: cell.bandwidthMbps, latency: .direct), role: "shared")
        var planned: [PlannedBlock] = []
        for member in cell.members {
            planned.append(try plan(member, memberLatency: cell.memberLatency, sizeBound: sizeBound))
        }
        return PlannedShared(
            slot: slot, nodeLabels: labels(["block", "shared"]),
            mediumLabels: labels(["class", cell.memberLatency.name]),
            bandwidthMbps: cell.bandwidthMbps, attachment: attachment, members: planned)
    }

    /// A cloudlet is Ether's nested LAN cells: a `switch_cloudlet` switch whose
    /// members are `racks` LAN cells of `serversPerRack` servers.
    private mutating func plan(
        _ cloudlet: Block.Cloudlet, memberLatency: LatencyClass, sizeBound: Bool
    ) throws(GeneratorError) -> PlannedLAN {
        try check(cloudlet.uplink, at: cloudlet.location)
        try check(cloudlet.racks, at: cloudlet.location, sizeBound: sizeBound, what: "racks")
        try check(cloudlet.serversPerRack, at: cloudlet.location, sizeBound: sizeBound, what: "serversPerRack")
        let cloudletSwitch = try planLAN(
            members: [], uplink: cloudlet.uplink, prefix: "switch_cloudlet", role: "cloudlet",
            memberLatency: memberLatency, sizeBound: sizeBound, location: cloudlet.location)
        let servers = Block.Hosts(
            [Block.WeightedArchetype(cloudlet.archetype)], count: cloudlet.serversPerRack, kind: cloudlet.kind,
            location: cloudlet.location)
        let rack = try planLAN(
            members: [.hosts(servers)], uplink: nil, prefix: "switch_lan", role: "rack", memberLatency: .lan,
            sizeBound: sizeBound, location: cloudlet.location)
        cloudletSwitch.members = [
            .repeated(
                PlannedRepeat(
                    count: cloudlet.racks, size: nil, gridSpacingMeters: nil, block: .lan(rack),
                    location: cloudlet.location))
        ]
        return cloudletSwitch
    }

    // MARK: - Pieces

    private mutating func archetype(
        _ name: String, kind: NodeKind?, at location: SourceLocation?
    ) throws(GeneratorError) -> PlannedArchetype {
        guard let archetype = archetypes[name] else {
            // The spec's own archetypes are listed too: their names are user text.
            let names = archetypes.keys.sorted()
            var known = names.prefix(24).map { MessageText.excerpt($0) }.joined(separator: ", ")
            if names.count > 24 { known += " and \(names.count - 24) more" }
            throw .invalidSpec(location, "unknown archetype '\(MessageText.excerpt(name))' (known: \(known))")
        }
        let nodeKind = kind ?? archetype.kind
        guard nodeKind.isCompute else {
            throw .invalidSpec(
                location, "hosts must be of a compute kind (device, edge, cloud), found '\(nodeKind.rawValue)'")
        }
        let key = PlanKey(archetype: name, kind: nodeKind)
        if let planned = plannedArchetypes[key] { return planned }
        try checkPrefix(archetype.namePrefix, at: location)
        let planned = PlannedArchetype(
            nameSlot: slot(for: archetype.namePrefix), kind: nodeKind, tier: DeviceArchetype.tier(of: nodeKind),
            cores: archetype.cores, coreSpeedMips: archetype.coreSpeedMips, memoryBytes: archetype.memoryBytes,
            queueCapacity: archetype.queueCapacity, idlePowerWatts: archetype.idlePowerWatts,
            busyPowerWatts: archetype.busyPowerWatts, transmitPowerWatts: archetype.transmitPowerWatts,
            labels: archetype.labels)
        plannedArchetypes[key] = planned
        return planned
    }

    /// Resolves an attachment with its link labels; `role` names undirected links.
    mutating func attachment(_ attachment: Attachment, role: String) -> PlannedAttachment {
        let latencyClass = attachment.latency
        let shape: PlannedAttachment.Shape
        switch attachment.shape {
        case .undirected(let bandwidth):
            shape = .undirected(bandwidthMbps: bandwidth, labels: labels(["class", latencyClass.name, "role", role]))
        case .upDown(let down, let up):
            shape = .upDown(
                downMbps: down, upMbps: up,
                upLabels: labels(["class", latencyClass.name, "role", "uplink", "uplink", attachment.technology]),
                downLabels: labels(["class", latencyClass.name, "role", "downlink", "uplink", attachment.technology]))
        }
        return PlannedAttachment(
            shape: shape, latencyMs: latencyClass.latencyMs, distribution: latencyClass.distribution)
    }

    /// One shared label map per distinct content (flat key, value list).
    mutating func labels(_ pairs: [String]) -> [String: String] {
        if let cached = labelCache[pairs] { return cached }
        var map: [String: String] = [:]
        var index = 0
        while index + 1 < pairs.count {
            map[pairs[index]] = pairs[index + 1]
            index += 2
        }
        labelCache[pairs] = map
        return map
    }

    // MARK: - Checks

    private func check(
        _ count: Count, at location: SourceLocation?, sizeBound: Bool, what: String
    ) throws(GeneratorError) {
        switch count {
        case .fixed(let value):
            guard (0...Count.maximum).contains(value) else {
                throw .invalidSpec(location, "\(what) must be within 0...\(Count.maximum), found \(value)")
            }
        case .linear(let perSize, _):
            if perSize != 0 && !sizeBound {
                throw .invalidSpec(location, "\(what) '\(count)' uses n, but no enclosing repeat block draws a size")
            }
        case .lognormal(let shape, let location_, let scale):
            guard shape > 0, shape.isFinite, scale > 0, scale.isFinite, location_.isFinite else {
                throw .invalidSpec(
                    location, "\(what): a lognormal count needs a positive finite shape and scale and a finite location"
                )
            }
        case .uniform(let minimum, let maximum):
            guard minimum >= 0, minimum <= maximum, maximum <= Count.maximum else {
                throw .invalidSpec(location, "\(what): a uniform count needs 0 <= min <= max <= \(Count.maximum)")
            }
        }
    }

    private func check(_ attachment: Attachment?, at location: SourceLocation?) throws(GeneratorError) {
        guard let attachment else { return }
        let bandwidths: [Double]
        switch attachment.shape {
        case .undirected(let bandwidth): bandwidths = [bandwidth]
        case .upDown(let down, let up): bandwidths = [down, up]
        }
        for bandwidth in bandwidths where !(bandwidth > 0 && bandwidth.isFinite) {
            throw .invalidSpec(location, "an uplink needs positive bandwidths, found \(bandwidth)")
        }
        try check(attachment.latency, at: location)
    }

    private func check(_ latency: LatencyClass, at location: SourceLocation?) throws(GeneratorError) {
        if let distribution = latency.distribution, case .lognormal(let shape, let offset, let scale) = distribution {
            guard shape > 0, shape.isFinite, scale > 0, scale.isFinite, offset >= 0, offset.isFinite else {
                throw .invalidSpec(
                    location, "a lognormal latency needs a positive shape and scaleMs and a non-negative locationMs")
            }
        }
        guard latency.constantMs >= 0, latency.constantMs.isFinite else {
            throw .invalidSpec(location, "a fixed latency must be a non-negative number, found \(latency.constantMs)")
        }
    }

    private func checkPrefix(_ prefix: String, at location: SourceLocation?) throws(GeneratorError) {
        guard !prefix.isEmpty, prefix.utf8.count <= 64 else {
            throw .invalidSpec(location, "a name prefix must have 1 to 64 bytes, found '\(MessageText.excerpt(prefix))'")
        }
    }
}
