import ScenarioModel
import StreamingIO

/// Maps an Internet Topology Zoo GraphML file (Knight et al., IEEE JSAC
/// 29(9), 2011) to the canonical topology.
///
/// PoPs become routers positioned at `Latitude`/`Longitude`. A link's
/// bandwidth is `LinkSpeedRaw` (bit/s) / 10^6, else `LinkSpeed` x
/// `LinkSpeedUnits`, else a rate named in `LinkType`/`LinkLabel`
/// (`LinkRateText`), else the default; its one-way latency is the
/// great-circle distance x `fibreMsPerKm` (0.005 ms/km, as fnss) plus
/// `hopOverheadMs`, else the default latency when an end has no
/// coordinates. Parallel links stay separate (fnss merges them). Optionally
/// `edgeServersPerPoP` edge servers hang off each internal PoP so the
/// topology can run workloads.
struct ZooMapper {
    static let consumedNodeAttributes: Set<String> = ["Latitude", "Longitude"]
    static let consumedEdgeAttributes: Set<String> = ["LinkSpeedRaw"]

    let support: MappingSupport
    var graph: SourceGraph { support.graph }
    var options: TopologyImportOptions { support.options }

    init(graph: SourceGraph, options: TopologyImportOptions) {
        support = MappingSupport(graph: graph, options: options)
    }

    func map(into summary: inout TopologyImportSummary) throws(TopologyImportError) -> TopologyTable {
        let table = TopologyTable(arena: graph.arena)
        table.name = support.topologyName(preferring: ["Network", "label", "name"])
        var parameters: [String: String] = [:]
        for attribute in support.graphAttributes() { parameters["graph." + attribute.name] = attribute.value }
        table.provenance = Provenance(source: graph.path, importer: TopologyFormat.zoo.rawValue, parameters: parameters)
        let positions = try mapNodes(into: table, summary: &summary)
        try mapLinks(into: table, positions: positions, summary: &summary)
        try attachEdgeServers(to: table, summary: &summary)
        table.sortLabels()
        return table
    }

    // MARK: - PoPs

    private func mapNodes(
        into table: TopologyTable, summary: inout TopologyImportSummary
    ) throws(TopologyImportError) -> [(latitude: Double, longitude: Double)?] {
        let latitudes = support.column("Latitude", .node)
        let longitudes = support.column("Longitude", .node)
        let router = table.profile(NodeFigures(kind: .router, tier: NodeFigures.conventionalTier(of: .router)))
        var positions: [(latitude: Double, longitude: Double)?] = []
        positions.reserveCapacity(graph.nodeCount)
        var withoutPosition = 0
        table.nodeIds = graph.nodeIds
        table.nodeIdsAreUnique = true
        table.nodeProfiles = Array(repeating: router, count: graph.nodeCount)
        for node in 0..<graph.nodeCount {
            let latitude = try support.double(latitudes, node, domain: .node)
            let longitude = try support.double(longitudes, node, domain: .node)
            if let latitude, let longitude, (-90...90).contains(latitude), (-180...180).contains(longitude) {
                positions.append((latitude, longitude))
                table.setPosition(.geographic(latitudeDegrees: latitude, longitudeDegrees: longitude), of: node)
            } else {
                if latitude != nil || longitude != nil {
                    graph.warnings.add(graph.nodeLocation(node), "node '\(MessageText.excerpt(graph.nodeId(node)))' has an incomplete or out-of-range Latitude/Longitude: no position")
                }
                positions.append(nil)
                withoutPosition += 1
            }
        }
        table.nodeLabels = support.labelColumns(for: .node, consumed: Self.consumedNodeAttributes)
        summary.set("nodes_without_position", withoutPosition)
        return positions
    }

    // MARK: - Links

    private func mapLinks(
        into table: TopologyTable, positions: [(latitude: Double, longitude: Double)?],
        summary: inout TopologyImportSummary
    ) throws(TopologyImportError) {
        let raw = support.column("LinkSpeedRaw", .edge)
        let speeds = support.column("LinkSpeed", .edge)
        let units = support.column("LinkSpeedUnits", .edge)
        let linkTypes = support.column("LinkType", .edge)
        let linkLabels = support.column("LinkLabel", .edge)
        var fromLabel = 0
        var bandwidthDefaulted = 0
        var latencyDefaulted = 0
        var anyDefaulted = 0
        var distances = Array(repeating: TextRef.absent, count: graph.edgeCount)
        table.linkSources = graph.edgeSources
        table.linkTargets = graph.edgeTargets
        table.linkDirected = graph.edgeDirected
        table.linkIdsAreUnique = true
        if graph.edgeIds.contains(where: \.isPresent) { table.linkIds = graph.edgeIds }
        for edge in 0..<graph.edgeCount {
            var defaulted = false
            var bandwidth: Double?
            if let bitsPerSecond = try support.double(raw, edge, domain: .edge), bitsPerSecond > 0, bitsPerSecond.isFinite {
                bandwidth = bitsPerSecond / 1e6
            } else if let speed = support.string(speeds, edge).flatMap(Double.init), speed > 0, speed.isFinite,
                let multiplier = Self.megabitsPerUnit(support.string(units, edge))
            {
                bandwidth = speed * multiplier
            }
            if bandwidth == nil {
                for text in [support.string(linkTypes, edge), support.string(linkLabels, edge)] {
                    if let text, let rate = LinkRateText.megabitsPerSecond(text), rate > 0, rate.isFinite {
                        bandwidth = rate
                        fromLabel += 1
                        break
                    }
                }
            }
            if bandwidth == nil {
                bandwidthDefaulted += 1
                defaulted = true
            }
            let source = Int(graph.edgeSources[edge])
            let target = Int(graph.edgeTargets[edge])
            var latency = options.defaultLatencyMs
            if let from = positions[source], let to = positions[target] {
                let kilometres = GreatCircle.distanceKm(
                    latitude1: from.latitude, longitude1: from.longitude, latitude2: to.latitude, longitude2: to.longitude)
                latency = kilometres * options.fibreMsPerKm + options.hopOverheadMs
                distances[edge] = graph.arena.append(String((kilometres * 1000).rounded() / 1000))
            } else {
                latencyDefaulted += 1
                defaulted = true
            }
            if defaulted { anyDefaulted += 1 }
            table.linkBandwidths.append(bandwidth ?? options.defaultBandwidthMbps)
            table.linkLatencies.append(latency)
        }
        var labels = support.labelColumns(for: .edge, consumed: Self.consumedEdgeAttributes)
        if distances.contains(where: \.isPresent) {
            TopologyTable.merge(.init(name: "zoo.distanceKm", values: TextColumn(name: "zoo.distanceKm", values: distances)), into: &labels)
        }
        table.linkLabels = labels
        summary.set("links_defaulted", anyDefaulted)
        summary.set("links_bandwidth_defaulted", bandwidthDefaulted)
        summary.set("links_bandwidth_from_label", fromLabel)
        summary.set("links_latency_defaulted", latencyDefaulted)
    }

    /// Mbit/s per unit of `LinkSpeedUnits` (G, M, K, T; case-insensitive).
    static func megabitsPerUnit(_ unit: String?) -> Double? {
        switch unit.map({ String($0.filter { $0 != " " && $0 != "\t" }).uppercased() }) {
        case "T": return 1e6
        case "G": return 1e3
        case "M": return 1
        case "K": return 1e-3
        default: return nil
        }
    }

    // MARK: - Edge servers

    private func attachEdgeServers(to table: TopologyTable, summary: inout TopologyImportSummary) throws(TopologyImportError) {
        summary.set("edge_servers_added", 0)
        guard options.edgeServersPerPoP > 0 else { return }
        guard options.edgeServersPerPoP <= TopologyImportOptions.maximumEdgeServersPerPoP else {
            throw .unrecognised(
                SourceLocation(path: graph.path),
                message: "edge servers per PoP must be at most \(TopologyImportOptions.maximumEdgeServersPerPoP), found \(options.edgeServersPerPoP)")
        }
        let internalFlags = support.column("Internal", .node)
        let server = table.profile(NodeFigures(
            kind: .edge, tier: NodeFigures.conventionalTier(of: .edge), cores: options.edgeServerCores,
            coreSpeedMips: options.edgeServerCoreSpeedMips, memoryBytes: options.edgeServerMemoryBytes))
        let popCount = graph.nodeCount
        var attachedTo = Array(repeating: TextRef.absent, count: popCount)
        var added = 0
        var generated: Set<String> = []
        for pop in 0..<popCount {
            // External PoPs (Internal = 0) belong to neighbouring networks.
            if let flag = try support.integer(internalFlags, pop, domain: .node), flag == 0 { continue }
            let popId = graph.nodeId(pop)
            for index in 0..<options.edgeServersPerPoP {
                let id = uniqueId("\(popId)-edge-\(index)", table: table, generated: &generated)
                let server = table.addNode(id: id, figures: table.profiles[Int(server)])
                attachedTo.append(table.nodeIds[pop])
                table.addLink(
                    source: Int32(pop), target: server, directed: false,
                    bandwidthMbps: options.edgeServerLinkBandwidthMbps, latencyMs: options.edgeServerLinkLatencyMs)
                added += 1
            }
        }
        TopologyTable.merge(.init(name: "zoo.pop", values: TextColumn(name: "zoo.pop", values: attachedTo)), into: &table.nodeLabels)
        summary.set("edge_servers_added", added)
    }

    /// `candidate`, or `candidate~N` when a node already has that id.
    private func uniqueId(_ candidate: String, table: TopologyTable, generated: inout Set<String>) -> TextRef {
        var name = candidate
        var suffix = 1
        while graph.node(withId: name) != nil || generated.contains(name) {
            suffix += 1
            name = "\(candidate)~\(suffix)"
        }
        generated.insert(name)
        return table.arena.append(name)
    }
}
