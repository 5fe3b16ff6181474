import ScenarioModel
import StreamingIO

/// Maps any GraphML (or node-link JSON) graph to the canonical topology.
///
/// Attributes with canonical names are read as the canonical fields (so an
/// `edgesim export graphml` file imports back unchanged); a few common
/// aliases too (`bandwidth` in Mbit/s, `latency`/`delay` in ms). Everything
/// else becomes labels. Missing figures take the options' defaults, counted.
struct GenericMapper {
    static let nodeFields = [
        "kind", "tier", "cores", "coreSpeedMips", "memoryBytes", "queueCapacity", "idlePowerWatts",
        "busyPowerWatts", "transmitPowerWatts", "latitudeDegrees", "longitudeDegrees", "xMeters", "yMeters",
        RecordedAttribute.geometryX, RecordedAttribute.geometryY,
    ]
    static let bandwidthNames = ["bandwidthMbps", "bandwidth"]
    static let latencyNames = ["latencyMs", "latency", "delay"]
    static let linkFields = bandwidthNames + latencyNames + [
        "directed", "latencyDistribution", "latencyDistributionShape", "latencyDistributionLocationMs",
        "latencyDistributionScaleMs", "sharedMedium",
    ]
    /// Graph attributes the exporter writes that become fields, not parameters.
    static let graphFields: Set<String> = ["name", "media", "format", "version"]

    let support: MappingSupport
    var graph: SourceGraph { support.graph }
    var options: TopologyImportOptions { support.options }

    init(graph: SourceGraph, options: TopologyImportOptions) {
        support = MappingSupport(graph: graph, options: options)
    }

    /// Builds the table; `summary` receives the mapping counts.
    func map(into summary: inout TopologyImportSummary) throws(TopologyImportError) -> TopologyTable {
        let table = TopologyTable(arena: graph.arena)
        table.name = support.topologyName(preferring: ["name", "label"])
        table.provenance = Provenance(source: graph.path, importer: TopologyFormat.graphml.rawValue, parameters: parameters())
        table.media = try media()
        try mapNodes(into: table, summary: &summary)
        try mapLinks(into: table, summary: &summary)
        table.sortLabels()
        return table
    }

    func parameters() -> [String: String] {
        var parameters: [String: String] = [:]
        for attribute in support.graphAttributes() where !Self.graphFields.contains(attribute.name) {
            parameters["graph." + attribute.name] = attribute.value
        }
        return parameters
    }

    // MARK: - Nodes

    private func mapNodes(into table: TopologyTable, summary: inout TopologyImportSummary) throws(TopologyImportError) {
        let kinds = support.column("kind", .node)
        let tiers = support.column("tier", .node)
        let cores = support.column("cores", .node)
        let speeds = support.column("coreSpeedMips", .node)
        let memories = support.column("memoryBytes", .node)
        let queues = support.column("queueCapacity", .node)
        let idle = support.column("idlePowerWatts", .node)
        let busy = support.column("busyPowerWatts", .node)
        let transmit = support.column("transmitPowerWatts", .node)
        let latitudes = support.column("latitudeDegrees", .node)
        let longitudes = support.column("longitudeDegrees", .node)
        let xs = support.column("xMeters", .node) ?? support.column(RecordedAttribute.geometryX, .node)
        let ys = support.column("yMeters", .node) ?? support.column(RecordedAttribute.geometryY, .node)
        var unrecognisedKinds = 0
        var defaultedFigures = 0
        var withoutPosition = 0
        var unrecognisedKindValues: [TextRef] = []
        var lastFigures: NodeFigures?
        var lastProfile: UInt32 = 0
        table.nodeIds = graph.nodeIds
        table.nodeIdsAreUnique = true
        table.nodeProfiles.reserveCapacity(graph.nodeCount)
        for node in 0..<graph.nodeCount {
            var kind = options.genericNodeKind
            if let kinds, kinds.value(node).isPresent {
                if let parsed = Self.nodeKind(graph.arena.bytes(kinds.value(node))) {
                    kind = parsed
                } else {
                    unrecognisedKinds += 1
                    SourceGraph.store(kinds.value(node), at: node, in: &unrecognisedKindValues)
                }
            }
            var figures = NodeFigures(kind: kind, tier: NodeFigures.conventionalTier(of: kind))
            if let tier = try support.integer(tiers, node, domain: .node) { figures.tier = Int(clamping: tier) }
            let explicitCores = try support.integer(cores, node, domain: .node)
            let explicitSpeed = try support.double(speeds, node, domain: .node)
            let explicitMemory = try support.integer(memories, node, domain: .node)
            if kind.isCompute {
                if explicitCores == nil || explicitSpeed == nil || explicitMemory == nil { defaultedFigures += 1 }
                figures.cores = explicitCores.map { Int(clamping: $0) } ?? options.defaultCores
                figures.coreSpeedMips = explicitSpeed ?? options.defaultCoreSpeedMips
                figures.memoryBytes = explicitMemory ?? options.defaultMemoryBytes
            } else {
                figures.cores = explicitCores.map { Int(clamping: $0) } ?? 0
                figures.coreSpeedMips = explicitSpeed ?? 0
                figures.memoryBytes = explicitMemory ?? 0
            }
            if let queue = try support.integer(queues, node, domain: .node) { figures.queueCapacity = Int(clamping: queue) }
            figures.idlePowerWatts = try support.double(idle, node, domain: .node) ?? 0
            figures.busyPowerWatts = try support.double(busy, node, domain: .node) ?? 0
            figures.transmitPowerWatts = try support.double(transmit, node, domain: .node) ?? 0
            if let problem = figures.problem() {
                throw .invalid(support.location(.node, node), message: "\(support.what(.node, node)): \(problem)")
            }
            if figures != lastFigures {
                lastFigures = figures
                lastProfile = table.profile(figures)
            }
            table.nodeProfiles.append(lastProfile)
            var position: Position?
            if let latitude = try support.double(latitudes, node, domain: .node),
                let longitude = try support.double(longitudes, node, domain: .node)
            {
                position = .geographic(latitudeDegrees: latitude, longitudeDegrees: longitude)
            } else if let x = try support.double(xs, node, domain: .node), let y = try support.double(ys, node, domain: .node) {
                position = .planar(xMeters: x, yMeters: y)
            }
            if position == nil { withoutPosition += 1 }
            if let position, let problem = NodeFigures.problem(of: position) {
                throw .invalid(support.location(.node, node), message: "\(support.what(.node, node)): \(problem)")
            }
            table.setPosition(position, of: node)
        }
        var labels = support.labelColumns(for: .node, consumed: Set(Self.nodeFields))
        if !unrecognisedKindValues.isEmpty {
            // Only values that are not canonical kinds stay, as label 'kind'.
            TopologyTable.merge(.init(name: "kind", values: TextColumn(name: "kind", values: unrecognisedKindValues)), into: &labels)
        }
        table.nodeLabels = labels
        summary.set("nodes_without_position", withoutPosition)
        summary.set("nodes_compute_defaulted", defaultedFigures)
        summary.set("kinds_unrecognised", unrecognisedKinds)
        if unrecognisedKinds > 0 {
            graph.warnings.add(
                SourceLocation(path: graph.path),
                "\(unrecognisedKinds) node kind value\(unrecognisedKinds == 1 ? " is" : "s are") not device, edge, cloud, switch or router: "
                    + "those nodes are \(options.genericNodeKind.rawValue) nodes and keep the value as label 'kind'")
        }
    }

    static func nodeKind(_ bytes: UnsafeRawBufferPointer) -> NodeKind? {
        switch bytes.count {
        case 4: return ValueParsing.matches(bytes, "edge") ? .edge : nil
        case 5: return ValueParsing.matches(bytes, "cloud") ? .cloud : nil
        case 6:
            if ValueParsing.matches(bytes, "device") { return .device }
            if ValueParsing.matches(bytes, "switch") { return .switch }
            if ValueParsing.matches(bytes, "router") { return .router }
            return nil
        default: return nil
        }
    }

    // MARK: - Links

    private func mapLinks(into table: TopologyTable, summary: inout TopologyImportSummary) throws(TopologyImportError) {
        let bandwidths = support.column(anyOf: Self.bandwidthNames, .edge)
        let latencies = support.column(anyOf: Self.latencyNames, .edge)
        let directedFlags = support.column("directed", .edge)
        let distributions = support.column("latencyDistribution", .edge)
        let shapes = support.column("latencyDistributionShape", .edge)
        let locations = support.column("latencyDistributionLocationMs", .edge)
        let scales = support.column("latencyDistributionScaleMs", .edge)
        let media = support.column("sharedMedium", .edge)
        var mediumNumbers: [String: Int32] = [:]
        for (index, medium) in table.media.enumerated() { mediumNumbers[medium.id] = Int32(index) }
        var bandwidthDefaulted = 0
        var latencyDefaulted = 0
        var anyDefaulted = 0
        table.linkSources = graph.edgeSources
        table.linkTargets = graph.edgeTargets
        table.linkIdsAreUnique = true
        if graph.edgeIds.contains(where: \.isPresent) { table.linkIds = graph.edgeIds }
        table.linkDirected = graph.edgeDirected
        table.linkBandwidths.reserveCapacity(graph.edgeCount)
        table.linkLatencies.reserveCapacity(graph.edgeCount)
        for edge in 0..<graph.edgeCount {
            var defaulted = false
            var bandwidth = options.defaultBandwidthMbps
            if let value = try support.double(bandwidths, edge, domain: .edge) {
                guard value > 0 && value.isFinite else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): bandwidth must be a positive number of Mbit/s, found \(value)")
                }
                bandwidth = value
            } else {
                bandwidthDefaulted += 1
                defaulted = true
            }
            var latency = options.defaultLatencyMs
            if let value = try support.double(latencies, edge, domain: .edge) {
                guard value >= 0 && value.isFinite else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): latency must be a number of ms >= 0, found \(value)")
                }
                latency = value
            } else {
                latencyDefaulted += 1
                defaulted = true
            }
            if defaulted { anyDefaulted += 1 }
            table.linkBandwidths.append(bandwidth)
            table.linkLatencies.append(latency)
            if let flag = try support.bool(directedFlags, edge, domain: .edge) { table.linkDirected[edge] = flag }
            if let kind = support.string(distributions, edge) {
                guard kind == "lognormal" else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): latencyDistribution '\(MessageText.excerpt(kind))' is not 'lognormal'")
                }
                guard let shape = try support.double(shapes, edge, domain: .edge),
                    let location = try support.double(locations, edge, domain: .edge),
                    let scale = try support.double(scales, edge, domain: .edge)
                else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): a lognormal latencyDistribution needs latencyDistributionShape, latencyDistributionLocationMs and latencyDistributionScaleMs")
                }
                if table.linkDistributions.isEmpty { table.linkDistributions = Array(repeating: nil, count: graph.edgeCount) }
                table.linkDistributions[edge] = try support.lognormal(shape: shape, locationMs: location, scaleMs: scale, edge: edge)
            }
            if let medium = support.string(media, edge) {
                guard let number = mediumNumbers[medium] else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): sharedMedium '\(MessageText.excerpt(medium))' is not among the graph's media")
                }
                if table.linkMedia.isEmpty { table.linkMedia = Array(repeating: -1, count: graph.edgeCount) }
                table.linkMedia[edge] = number
            }
        }
        table.linkLabels = support.labelColumns(for: .edge, consumed: Set(Self.linkFields))
        summary.set("links_defaulted", anyDefaulted)
        summary.set("links_bandwidth_defaulted", bandwidthDefaulted)
        summary.set("links_latency_defaulted", latencyDefaulted)
    }

    // MARK: - Media

    /// Shared media from the graph attribute `media` (a JSON array written by
    /// the exporter), if present.
    private func media() throws(TopologyImportError) -> [SharedMedium] {
        guard let text = support.graphAttributes().first(where: { $0.name == "media" })?.value else { return [] }
        let reader = JSONReader(bytes: Array(text.utf8), path: graph.path + " (graph attribute 'media')")
        var media: [SharedMedium] = []
        try TopologyImportError.catching {
            try reader.readArray { _ in
                var medium = SharedMedium(id: "", bandwidthMbps: 0)
                try reader.readObject { key in
                    switch key {
                    case "id": medium.id = try reader.readString()
                    case "bandwidthMbps": medium.bandwidthMbps = try reader.readDouble()
                    case "labels":
                        try reader.readObject { name in medium.labels[name] = try reader.readString() }
                    default: try reader.skipValue()
                    }
                }
                media.append(medium)
            }
        }
        return media
    }
}

extension ValueParsing {
    /// Case-insensitive comparison with lowercase ASCII bytes.
    static func matches(_ bytes: UnsafeRawBufferPointer, _ lowercase: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == lowercase.count else { return false }
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != lowercase[index] { return false }
        }
        return true
    }
}
