import ScenarioModel
import StreamingIO

/// Maps PeersimGym's Ether JSON to the canonical topology: compute nodes with
/// their capacities, labels and 2-D coordinates, and one link per neighbour
/// pair carrying the pair's `path_info` bottleneck bandwidth and half its
/// expected RTT, which PeersimGym itself ignores (peersimgym.md §6.2).
///
/// A pair whose two arcs agree is one undirected link; arcs that differ
/// (sampled RTTs, 25 vs 125 Mbit/s up/down bottlenecks) become two directed
/// links; a pair with one arc described mirrors it; none takes the defaults.
struct PeersimGymMapper {
    let document: PeersimGymDocument
    let path: String
    let options: TopologyImportOptions

    func map(into summary: inout TopologyImportSummary) throws(TopologyImportError) -> TopologyTable {
        let arena = TextArena()
        let table = TopologyTable(arena: arena)
        table.name = options.name ?? MappingSupport.baseName(of: path)
        table.provenance = Provenance(source: path, importer: TopologyFormat.peersimgym.rawValue)
        var numbers: [Int64: Int32] = [:]
        var names: Set<String> = []
        var labels = LabelTableBuilder(arena: arena)
        for entry in document.nodes {
            guard numbers[entry.id] == nil else {
                throw .invalid(entry.location, message: "node '\(MessageText.excerpt(entry.name))' repeats id \(entry.id)")
            }
            guard names.insert(entry.name).inserted, !entry.name.isEmpty else {
                throw .invalid(entry.location, message: "node name '\(MessageText.excerpt(entry.name))' is empty or repeated")
            }
            let index = table.nodeCount
            let label = Dictionary(entry.labels, uniquingKeysWith: { first, _ in first })
            let model = label["ether.edgerun.io/model"]
            let kind = EtherArchetypes.kind(forType: label["ether.edgerun.io/type"]) ?? .edge
            let millis = entry.cpuMillis ?? EtherArchetypes.defaultCpuMillis
            let compute = EtherArchetypes.compute(cpuMillis: millis, model: model, fallbackMips: options.defaultCoreSpeedMips)
            let figures = NodeFigures(
                kind: kind, tier: NodeFigures.conventionalTier(of: kind), cores: compute.cores,
                coreSpeedMips: compute.coreSpeedMips, memoryBytes: max(0, entry.memoryBytes ?? EtherArchetypes.defaultMemoryBytes))
            var position: Position?
            if let x = entry.x, let y = entry.y { position = .planar(xMeters: x, yMeters: y) }
            numbers[entry.id] = table.addNode(id: arena.append(entry.name), figures: figures, position: position)
            for (name, value) in entry.labels { labels.set(name, value, at: index) }
            for (name, value) in entry.extra { labels.set(name, value, at: index) }
            if let arch = entry.arch { labels.set("ether.edgerun.io/arch", arch, at: index) }
            labels.set("ether.cpu_millis", String(millis), at: index)
            labels.set("peersimgym.id", String(entry.id), at: index)
        }
        table.nodeLabels = labels.labelColumns()
        table.nodeIdsAreUnique = true
        try mapLinks(into: table, numbers: numbers, summary: &summary)
        table.sortLabels()
        summary.set("nodes", document.nodes.count)
        return table
    }

    private func mapLinks(
        into table: TopologyTable, numbers: [Int64: Int32], summary: inout TopologyImportSummary
    ) throws(TopologyImportError) {
        func node(_ id: Int64, _ location: SourceLocation) throws(TopologyImportError) -> Int32 {
            guard let number = numbers[id] else { throw .invalid(location, message: "node id \(id) is not among 'nodes'") }
            return number
        }
        // Unordered pairs in first-seen order, from neighbours then path_info.
        var pairs: [(Int32, Int32)] = []
        var pairSet: Set<Int64> = []
        var duplicates = 0
        func addPair(_ a: Int32, _ b: Int32) -> Bool {
            let key = Int64(min(a, b)) << 32 | Int64(max(a, b))
            guard pairSet.insert(key).inserted else { return false }
            pairs.append((a, b))
            return true
        }
        var arcs: Set<Int64> = []
        for entry in document.neighbours {
            let a = try node(entry.node, entry.location)
            for other in entry.others {
                let b = try node(other, entry.location)
                if a == b { continue }
                if !arcs.insert(Int64(a) << 32 | Int64(b)).inserted { duplicates += 1 }
                _ = addPair(a, b)
            }
        }
        var info: [Int64: PeersimGymDocument.PathEntry] = [:]
        var withoutNeighbour = 0
        for entry in document.paths {
            let a = try node(entry.source, entry.location)
            let b = try node(entry.target, entry.location)
            if a == b { continue }
            info[Int64(a) << 32 | Int64(b)] = entry
            if addPair(a, b) { withoutNeighbour += 1 }
        }
        var labels = LabelTableBuilder(arena: table.arena)
        var mirrored = 0
        var split = 0
        var defaulted = 0
        for (a, b) in pairs {
            let forward = info[Int64(a) << 32 | Int64(b)]
            let backward = info[Int64(b) << 32 | Int64(a)]
            switch (forward, backward) {
            case (let forward?, let backward?) where figures(forward) == figures(backward):
                try add(forward, a, b, directed: false, table, &labels)
            case (let forward?, let backward?):
                try add(forward, a, b, directed: true, table, &labels)
                try add(backward, b, a, directed: true, table, &labels)
                split += 1
            case (let only?, nil):
                try add(only, a, b, directed: false, table, &labels)
                mirrored += 1
            case (nil, let only?):
                try add(only, b, a, directed: false, table, &labels)
                mirrored += 1
            case (nil, nil):
                table.addLink(source: a, target: b, directed: false, bandwidthMbps: options.defaultBandwidthMbps, latencyMs: options.defaultLatencyMs)
                defaulted += 1
            }
        }
        table.linkLabels = labels.labelColumns()
        summary.set("edges", pairs.count)
        summary.set("path_info_entries", document.paths.count)
        summary.set("neighbour_duplicates", duplicates)
        summary.set("path_info_without_neighbour", withoutNeighbour)
        summary.set("links_directed_pairs", split)
        summary.set("links_mirrored", mirrored)
        summary.set("links_defaulted", defaulted)
    }

    private func figures(_ entry: PeersimGymDocument.PathEntry) -> [Double?] {
        [entry.minimumBandwidth, entry.expectedRoundTripMs]
    }

    private func add(
        _ entry: PeersimGymDocument.PathEntry, _ source: Int32, _ target: Int32, directed: Bool, _ table: TopologyTable,
        _ labels: inout LabelTableBuilder
    ) throws(TopologyImportError) {
        let bandwidth = entry.minimumBandwidth ?? entry.pathBandwidths.min() ?? options.defaultBandwidthMbps
        guard bandwidth > 0 && bandwidth.isFinite else {
            throw .invalid(entry.location, message: "min_bandwidth \(bandwidth) is not a positive number of Mbit/s")
        }
        let roundTrip = entry.expectedRoundTripMs ?? options.defaultLatencyMs * 2
        guard roundTrip >= 0 && roundTrip.isFinite else {
            throw .invalid(entry.location, message: "expected_rtt \(roundTrip) is not a number of ms >= 0")
        }
        let link = table.linkCount
        table.addLink(source: source, target: target, directed: directed, bandwidthMbps: bandwidth, latencyMs: roundTrip / 2)
        if let rtt = entry.expectedRoundTripMs { labels.set("peersimgym.expected_rtt_ms", String(rtt), at: link) }
        if !entry.pathBandwidths.isEmpty {
            labels.set("peersimgym.path_bandwidths", entry.pathBandwidths.map(Self.number).joined(separator: ","), at: link)
        }
    }

    private static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 9e15 ? String(Int64(value)) : String(value)
    }
}
