import ScenarioModel
import StreamingIO

/// Maps an Ether topology (edgerun-ether; Rausch et al., HotEdge'20), as
/// exported to networkx GraphML or node-link JSON, to the canonical topology.
///
/// Ether keeps three kinds of vertex in one directed graph: compute `Node`s,
/// capacity-bearing `Link`s (Host NICs, shared media, up/down links) and
/// capacity-less switches and internet vertices; every undirected connection
/// is two arcs sharing a `conn_id`. The mapping (FORMAT.md, "Topology mappings"):
///
/// - arcs pair back into connections by `conn_id` (directed arcs stay single);
/// - a NIC or up/down `Link` vertex joining exactly two connections folds into
///   one canonical link with its bandwidth (`--ether-links fold`, the default);
/// - a `shared` Link becomes a switch node plus a shared medium that the
///   member links (connections into it) carry;
/// - latency distributions are kept (lognormal mode as `latencyMs`; a constant
///   part folded in shifts the location).
struct EtherMapper {
    enum Role: Equatable {
        case compute, shared, link, switchVertex, internet, other
    }

    struct Connection {
        var a: Int32
        var b: Int32
        var isDirected: Bool
        var latencyMs: Double
        var distribution: LatencyDistribution?
        var droppedDistribution = false
        var via: [Int32] = []
        var connectionIds: [Int64] = []
        var arcCount = 1
        var isInet = false
        var isAlive = true
        var order: Int
    }

    let support: MappingSupport
    var graph: SourceGraph { support.graph }
    var options: TopologyImportOptions { support.options }

    init(graph: SourceGraph, options: TopologyImportOptions) {
        support = MappingSupport(graph: graph, options: options)
    }

    func map(into summary: inout TopologyImportSummary) throws(TopologyImportError) -> TopologyTable {
        let roles = try vertexRoles()
        let bandwidths = try linkBandwidths(roles)
        var connections = try pairArcs(summary: &summary)
        let folded = options.etherLinks == .fold ? fold(&connections, roles: roles) : Set<Int32>()
        let table = TopologyTable(arena: graph.arena)
        table.name = support.topologyName(preferring: ["name", "scenario"])
        var parameters: [String: String] = [:]
        for attribute in support.graphAttributes() { parameters["graph." + attribute.name] = attribute.value }
        table.provenance = Provenance(source: graph.path, importer: TopologyFormat.ether.rawValue, parameters: parameters)
        let nodeNumbers = try addNodes(to: table, roles: roles, bandwidths: bandwidths, folded: folded)
        addLinks(connections, to: table, roles: roles, bandwidths: bandwidths, nodeNumbers: nodeNumbers, summary: &summary)
        table.nodeIdsAreUnique = true
        table.sortLabels()

        summary.set("ether_compute_nodes", roles.filter { $0 == .compute }.count)
        let linkVertices = roles.filter { $0 == .link || $0 == .shared }.count
        summary.set("ether_link_vertices", linkVertices)
        summary.set("ether_link_vertices_folded", folded.count)
        summary.set("ether_link_vertices_kept", linkVertices - folded.count)
        summary.set("ether_shared_media", table.media.count)
        summary.set("ether_switches", roles.filter { $0 == .switchVertex }.count)
        summary.set("ether_internet", roles.filter { $0 == .internet || $0 == .other }.count)
        return table
    }

    // MARK: - Vertices

    private func vertexRoles() throws(TopologyImportError) -> [Role] {
        guard let kinds = support.column("kind", .node) else {
            throw .invalid(
                SourceLocation(path: graph.path),
                message: "not an Ether export: vertices have no 'kind' attribute (node, link, switch or internet)")
        }
        let linkTypes = support.column("link_type", .node)
        var roles: [Role] = []
        roles.reserveCapacity(graph.nodeCount)
        for vertex in 0..<graph.nodeCount {
            switch support.string(kinds, vertex) {
            case "node": roles.append(.compute)
            case "link": roles.append(support.string(linkTypes, vertex) == "shared" ? .shared : .link)
            case "switch": roles.append(.switchVertex)
            case "internet": roles.append(.internet)
            case "other": roles.append(.other)
            case nil:
                throw .invalid(graph.nodeLocation(vertex), message: "Ether vertex '\(MessageText.excerpt(graph.nodeId(vertex)))' has no 'kind'")
            case let other?:
                throw .invalid(
                    graph.nodeLocation(vertex),
                    message: "Ether vertex '\(MessageText.excerpt(graph.nodeId(vertex)))' has kind '\(MessageText.excerpt(other))' (expected node, link, switch, internet or other)")
            }
        }
        return roles
    }

    /// The bandwidth of each Link vertex (0 for other vertices), Mbit/s.
    private func linkBandwidths(_ roles: [Role]) throws(TopologyImportError) -> [Double] {
        let column = support.column("bandwidth", .node)
        var result = Array(repeating: 0.0, count: roles.count)
        for vertex in roles.indices where roles[vertex] == .link || roles[vertex] == .shared {
            guard let value = try support.double(column, vertex, domain: .node) else {
                throw .invalid(graph.nodeLocation(vertex), message: "Ether Link vertex '\(MessageText.excerpt(graph.nodeId(vertex)))' has no 'bandwidth'")
            }
            guard value > 0 && value.isFinite else {
                throw .invalid(graph.nodeLocation(vertex), message: "Ether Link vertex '\(MessageText.excerpt(graph.nodeId(vertex)))' has bandwidth \(value), expected a positive number of Mbit/s")
            }
            result[vertex] = value
        }
        return result
    }

    private func addNodes(
        to table: TopologyTable, roles: [Role], bandwidths: [Double], folded: Set<Int32>
    ) throws(TopologyImportError) -> [Int32] {
        let archs = support.column("arch", .node)
        let cpus = support.column("cpu_millis", .node)
        let memories = support.column("memory", .node)
        let labelTexts = support.column("labels", .node)
        let types = support.column("ether_type", .node)
        let models = support.column("ether_model", .node)
        let linkTypes = support.column("link_type", .node)
        var labels = LabelTableBuilder(arena: graph.arena)
        var numbers = Array(repeating: Int32(-1), count: roles.count)
        for vertex in roles.indices where !folded.contains(Int32(vertex)) {
            let index = table.nodeCount
            let figures: NodeFigures
            labels.set("ether.kind", roleName(roles[vertex]), at: index)
            switch roles[vertex] {
            case .compute:
                var etherLabels = try parseLabels(labelTexts, vertex)
                let type = etherLabels["ether.edgerun.io/type"] ?? support.string(types, vertex)
                let model = etherLabels["ether.edgerun.io/model"] ?? support.string(models, vertex)
                let kind = EtherArchetypes.kind(forType: type) ?? .edge
                let millis = try support.integer(cpus, vertex, domain: .node) ?? EtherArchetypes.defaultCpuMillis
                let memory = try support.integer(memories, vertex, domain: .node) ?? EtherArchetypes.defaultMemoryBytes
                let compute = EtherArchetypes.compute(cpuMillis: millis, model: model, fallbackMips: options.defaultCoreSpeedMips)
                figures = NodeFigures(
                    kind: kind, tier: NodeFigures.conventionalTier(of: kind), cores: compute.cores,
                    coreSpeedMips: compute.coreSpeedMips, memoryBytes: max(0, memory))
                if let arch = support.string(archs, vertex) { etherLabels["ether.edgerun.io/arch"] = arch }
                etherLabels["ether.cpu_millis"] = String(millis)
                for (name, value) in etherLabels { labels.set(name, value, at: index) }
            case .shared, .link:
                figures = NodeFigures(kind: .switch, tier: roles[vertex] == .shared ? 0 : 1)
                labels.set("ether.link_type", support.string(linkTypes, vertex) ?? "node", at: index)
                labels.set("ether.bandwidth_mbps", String(bandwidths[vertex]), at: index)
            case .switchVertex:
                figures = NodeFigures(kind: .switch, tier: 1)
            case .internet, .other:
                figures = NodeFigures(kind: .router, tier: 2)
            }
            numbers[vertex] = table.addNode(id: graph.nodeIds[vertex], figures: figures)
            if roles[vertex] == .shared {
                table.media.append(SharedMedium(
                    id: graph.nodeId(vertex), bandwidthMbps: bandwidths[vertex], labels: ["ether.link_type": "shared"]))
            }
        }
        table.nodeLabels = labels.labelColumns()
        return numbers
    }

    private func roleName(_ role: Role) -> String {
        switch role {
        case .compute: return "node"
        case .shared, .link: return "link"
        case .switchVertex: return "switch"
        case .internet: return "internet"
        case .other: return "other"
        }
    }

    /// Ether's `labels` attribute: a JSON object of strings.
    private func parseLabels(_ column: TextColumn?, _ vertex: Int) throws(TopologyImportError) -> [String: String] {
        guard let text = support.string(column, vertex), !text.isEmpty else { return [:] }
        let location = graph.nodeLocation(vertex)
        let reader = JSONReader(bytes: Array(text.utf8), path: "\(location) (labels of '\(MessageText.excerpt(graph.nodeId(vertex)))')")
        var result: [String: String] = [:]
        do {
            try reader.readObject { key in result[key] = try reader.readString() }
            try reader.expectEnd()
        } catch {
            throw .invalid(location, message: "Ether vertex '\(MessageText.excerpt(graph.nodeId(vertex)))': 'labels' is not a JSON object of strings: \(error)")
        }
        return result
    }
}
