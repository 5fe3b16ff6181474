import ScenarioModel
import StreamingIO

extension GenericMapper {
    // MARK: - Nodes

    /// The node attributes the mapping reads, as columns of the graph.
    ///
    /// Columns share storage with the graph: while the graph is still being
    /// read (a streaming writer's blocks), drop them before the reader
    /// appends again, or each append would copy the column.
    struct NodeColumns {
        var kinds, tiers, cores, speeds, memories, queues: TextColumn?
        var idle, busy, transmit, latitudes, longitudes, xs, ys: TextColumn?
    }

    /// What node mapping counts and remembers from one block of nodes to the next.
    struct NodeMappingState {
        var unrecognisedKinds = 0
        var defaultedFigures = 0
        var withoutPosition = 0
        var unrecognisedKindValues: [TextRef] = []
        var lastFigures: NodeFigures?
        var lastProfile: UInt32 = 0
    }

    func nodeColumns() -> NodeColumns {
        NodeColumns(
            kinds: support.column("kind", .node), tiers: support.column("tier", .node),
            cores: support.column("cores", .node), speeds: support.column("coreSpeedMips", .node),
            memories: support.column("memoryBytes", .node), queues: support.column("queueCapacity", .node),
            idle: support.column("idlePowerWatts", .node), busy: support.column("busyPowerWatts", .node),
            transmit: support.column("transmitPowerWatts", .node),
            latitudes: support.column("latitudeDegrees", .node), longitudes: support.column("longitudeDegrees", .node),
            xs: support.column("xMeters", .node) ?? support.column(RecordedAttribute.geometryX, .node),
            ys: support.column("yMeters", .node) ?? support.column(RecordedAttribute.geometryY, .node))
    }

    /// Maps every node: figures, positions, labels and the summary counts.
    func mapNodes(into table: TopologyTable, summary: inout TopologyImportSummary) throws(TopologyImportError) {
        var state = NodeMappingState()
        table.nodeProfiles.reserveCapacity(graph.nodeCount)
        try mapNodes(0..<graph.nodeCount, nodeColumns(), &state, into: table)
        finishNodes(state, into: table, summary: &summary)
    }

    /// Maps nodes `range` (which must follow the nodes mapped before),
    /// appending their profiles and positions to `table`.
    ///
    /// - Throws: `.invalid` at the first node whose figures break a rule.
    func mapNodes(
        _ range: Range<Int>, _ columns: NodeColumns, _ state: inout NodeMappingState, into table: TopologyTable
    ) throws(TopologyImportError) {
        for node in range {
            var kind = options.genericNodeKind
            if let kinds = columns.kinds, kinds.value(node).isPresent {
                if let parsed = Self.nodeKind(graph.arena.bytes(kinds.value(node))) {
                    kind = parsed
                } else {
                    state.unrecognisedKinds += 1
                    SourceGraph.store(kinds.value(node), at: node, in: &state.unrecognisedKindValues)
                }
            }
            var figures = NodeFigures(kind: kind, tier: NodeFigures.conventionalTier(of: kind))
            if let tier = try support.integer(columns.tiers, node, domain: .node) { figures.tier = Int(clamping: tier) }
            let explicitCores = try support.integer(columns.cores, node, domain: .node)
            let explicitSpeed = try support.double(columns.speeds, node, domain: .node)
            let explicitMemory = try support.integer(columns.memories, node, domain: .node)
            if kind.isCompute {
                if explicitCores == nil || explicitSpeed == nil || explicitMemory == nil { state.defaultedFigures += 1 }
                figures.cores = explicitCores.map { Int(clamping: $0) } ?? options.defaultCores
                figures.coreSpeedMips = explicitSpeed ?? options.defaultCoreSpeedMips
                figures.memoryBytes = explicitMemory ?? options.defaultMemoryBytes
            } else {
                figures.cores = explicitCores.map { Int(clamping: $0) } ?? 0
                figures.coreSpeedMips = explicitSpeed ?? 0
                figures.memoryBytes = explicitMemory ?? 0
            }
            if let queue = try support.integer(columns.queues, node, domain: .node) { figures.queueCapacity = Int(clamping: queue) }
            figures.idlePowerWatts = try support.double(columns.idle, node, domain: .node) ?? 0
            figures.busyPowerWatts = try support.double(columns.busy, node, domain: .node) ?? 0
            figures.transmitPowerWatts = try support.double(columns.transmit, node, domain: .node) ?? 0
            if figures != state.lastFigures {
                // Figures equal to the previous node's passed this check already.
                if let problem = figures.problem() {
                    throw .invalid(support.location(.node, node), message: "\(support.what(.node, node)): \(problem)")
                }
                state.lastFigures = figures
                state.lastProfile = table.profile(figures)
            }
            table.nodeProfiles.append(state.lastProfile)
            var position: Position?
            if let latitude = try support.double(columns.latitudes, node, domain: .node),
                let longitude = try support.double(columns.longitudes, node, domain: .node)
            {
                position = .geographic(latitudeDegrees: latitude, longitudeDegrees: longitude)
            } else if let x = try support.double(columns.xs, node, domain: .node),
                let y = try support.double(columns.ys, node, domain: .node)
            {
                position = .planar(xMeters: x, yMeters: y)
            }
            if position == nil {
                state.withoutPosition += 1
            } else if let position, let problem = NodeFigures.problem(of: position) {
                throw .invalid(support.location(.node, node), message: "\(support.what(.node, node)): \(problem)")
            }
            table.setPosition(position, of: node)
        }
    }

    /// The node label columns, sorted by name: every attribute that is not a
    /// canonical field, and the kinds that are not canonical kinds.
    func nodeLabelColumns(_ state: NodeMappingState) -> [TopologyTable.LabelColumn] {
        var labels = support.labelColumns(for: .node, consumed: Set(Self.nodeFields))
        if !state.unrecognisedKindValues.isEmpty {
            // Only values that are not canonical kinds stay, as label 'kind'.
            TopologyTable.merge(
                .init(name: "kind", values: TextColumn(name: "kind", values: state.unrecognisedKindValues)), into: &labels)
        }
        labels.sort { $0.name < $1.name }
        return labels
    }

    /// After the last node: ids, labels, summary counts and the kind warning.
    func finishNodes(_ state: NodeMappingState, into table: TopologyTable, summary: inout TopologyImportSummary) {
        table.nodeIds = graph.nodeIds
        table.nodeIdsAreUnique = true
        table.nodeLabels = nodeLabelColumns(state)
        summary.set("nodes_without_position", state.withoutPosition)
        summary.set("nodes_compute_defaulted", state.defaultedFigures)
        summary.set("kinds_unrecognised", state.unrecognisedKinds)
        if state.unrecognisedKinds > 0 {
            let count = state.unrecognisedKinds
            graph.warnings.add(
                SourceLocation(path: graph.path),
                "\(count) node kind value\(count == 1 ? " is" : "s are") not device, edge, cloud, switch or router: "
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
}
