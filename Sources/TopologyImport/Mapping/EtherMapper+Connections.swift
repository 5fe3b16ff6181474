import ScenarioModel
import StreamingIO

extension EtherMapper {
    // MARK: - Arcs to connections

    /// Pairs the two arcs of each undirected Ether connection (same `conn_id`,
    /// Ether flag `directed` false); flagged-directed arcs and arcs without a
    /// `conn_id` (inet backbone arcs) are directed connections of their own.
    func pairArcs(summary: inout TopologyImportSummary) throws(TopologyImportError) -> [Connection] {
        let flags = support.column("directed", .edge)
        let ids = support.column("conn_id", .edge)
        let forwards = support.column("conn_forward", .edge)
        let inets = support.column("inet", .edge)
        var connections: [Connection] = []
        var byId: [Int64: Int] = [:]
        var paired = 0
        var dropped = 0
        for arc in 0..<graph.edgeCount {
            let source = graph.edgeSources[arc]
            let target = graph.edgeTargets[arc]
            let isDirected = try support.bool(flags, arc, domain: .edge) ?? true
            let connectionId = try support.integer(ids, arc, domain: .edge)
            if !isDirected, let connectionId, let existing = byId[connectionId] {
                let connection = connections[existing]
                guard connection.arcCount == 1 else {
                    throw .invalid(graph.edgeLocation(arc), message: "\(support.what(.edge, arc)): a third arc with conn_id \(connectionId)")
                }
                guard Set([connection.a, connection.b]) == Set([source, target]) else {
                    throw .invalid(
                        graph.edgeLocation(arc),
                        message: "\(support.what(.edge, arc)): conn_id \(connectionId) already joins '\(MessageText.excerpt(graph.nodeId(Int(connection.a))))' and '\(MessageText.excerpt(graph.nodeId(Int(connection.b))))'")
                }
                connections[existing].arcCount += 1
                paired += 1
                continue
            }
            let isForward = try support.bool(forwards, arc, domain: .edge) ?? true
            let (latency, distribution, wasDropped) = try arcLatency(arc)
            if wasDropped { dropped += 1 }
            var connection = Connection(
                a: isForward ? source : target, b: isForward ? target : source, isDirected: isDirected,
                latencyMs: latency, distribution: distribution, order: connections.count)
            connection.droppedDistribution = wasDropped
            connection.isInet = try support.bool(inets, arc, domain: .edge) ?? false
            if let connectionId {
                connection.connectionIds = [connectionId]
                if !isDirected { byId[connectionId] = connections.count }
            }
            connections.append(connection)
        }
        summary.set("ether_arcs_paired", paired)
        summary.set("latency_distributions_unsupported", dropped)
        return connections
    }

    /// One arc's latency: a lognormal `latency_dist` (its mode is the value),
    /// else `latency_mode`, else the constant `latency`, else 0.
    private func arcLatency(_ arc: Int) throws(TopologyImportError) -> (Double, LatencyDistribution?, Bool) {
        let kind = support.string(support.column("latency_dist", .edge), arc)
        let mode = try support.double(support.column("latency_mode", .edge), arc, domain: .edge)
        let constant = try support.double(support.column("latency", .edge), arc, domain: .edge)
        if let kind {
            if kind == "lognorm",
                let shape = try support.double(support.column("latency_dist_shape", .edge), arc, domain: .edge),
                let location = try support.double(support.column("latency_dist_loc", .edge), arc, domain: .edge),
                let scale = try support.double(support.column("latency_dist_scale", .edge), arc, domain: .edge)
            {
                let distribution = try support.lognormal(shape: shape, locationMs: location, scaleMs: scale, edge: arc)
                return (distribution.modeMs, distribution, false)
            }
            graph.warnings.add(graph.edgeLocation(arc), "\(support.what(.edge, arc)): latency distribution '\(MessageText.excerpt(kind))' is not a complete lognorm: its mode is kept as a constant")
            return (try checked(mode ?? constant ?? 0, arc), nil, true)
        }
        return (try checked(mode ?? constant ?? 0, arc), nil, false)
    }

    private func checked(_ latency: Double, _ arc: Int) throws(TopologyImportError) -> Double {
        guard latency >= 0 && latency.isFinite else {
            throw .invalid(graph.edgeLocation(arc), message: "\(support.what(.edge, arc)): latency \(latency) ms is not a finite number >= 0")
        }
        return latency
    }

    // MARK: - Folding

    /// Folds each NIC / up / down Link vertex that joins exactly two
    /// connections into one connection carrying it (`via`); returns the folded
    /// vertices. Shared media are never folded.
    func fold(_ connections: inout [Connection], roles: [Role]) -> Set<Int32> {
        var incident = Array(repeating: [Int](), count: roles.count)
        for (index, connection) in connections.enumerated() {
            incident[Int(connection.a)].append(index)
            if connection.b != connection.a { incident[Int(connection.b)].append(index) }
        }
        var folded: Set<Int32> = []
        for vertex in roles.indices where roles[vertex] == .link && incident[vertex].count == 2 {
            let link = Int32(vertex)
            let first = connections[incident[vertex][0]]
            let second = connections[incident[vertex][1]]
            guard first.isDirected == second.isDirected, first.a != first.b, second.a != second.b else { continue }
            // "into" is the connection ending at the Link, "out" the one leaving it.
            var into = first
            var out = second
            if first.a == link && second.b == link { swap(&into, &out) }
            if first.isDirected && !(into.b == link && out.a == link) { continue }
            let from = into.a == link ? into.b : into.a
            let to = out.a == link ? out.b : out.a
            guard from != to else { continue }
            var merged = Connection(
                a: from, b: to, isDirected: first.isDirected, latencyMs: into.latencyMs + out.latencyMs,
                distribution: nil, order: min(first.order, second.order))
            switch (into.distribution, out.distribution) {
            case (.lognormal(let shape, let location, let scale)?, nil):
                merged.distribution = .lognormal(shape: shape, locationMs: location + out.latencyMs, scaleMs: scale)
            case (nil, .lognormal(let shape, let location, let scale)?):
                merged.distribution = .lognormal(shape: shape, locationMs: location + into.latencyMs, scaleMs: scale)
            case (.some, .some):
                merged.droppedDistribution = true
            case (nil, nil):
                break
            }
            merged.droppedDistribution = merged.droppedDistribution || into.droppedDistribution || out.droppedDistribution
            merged.via = into.via + [link] + out.via
            merged.connectionIds = into.connectionIds + out.connectionIds
            merged.isInet = into.isInet || out.isInet
            let firstIndex = incident[vertex][0]
            let secondIndex = incident[vertex][1]
            connections[firstIndex].isAlive = false
            connections[secondIndex].isAlive = false
            let number = connections.count
            connections.append(merged)
            for (old, end) in [(firstIndex, from), (secondIndex, to), (firstIndex, to), (secondIndex, from)] {
                if let position = incident[Int(end)].firstIndex(of: old) { incident[Int(end)][position] = number }
            }
            incident[vertex] = []
            folded.insert(link)
        }
        return folded
    }

    // MARK: - Links

    func addLinks(
        _ connections: [Connection], to table: TopologyTable, roles: [Role], bandwidths: [Double], nodeNumbers: [Int32],
        summary: inout TopologyImportSummary
    ) {
        var mediumNumbers: [Int32: Int32] = [:]
        for (index, medium) in table.media.enumerated() {
            if let vertex = graph.node(withId: medium.id) { mediumNumbers[Int32(vertex)] = Int32(index) }
        }
        let alive = connections.indices.filter { connections[$0].isAlive }
            .sorted { (connections[$0].order, $0) < (connections[$1].order, $1) }
        var labels = LabelTableBuilder(arena: graph.arena)
        var unconstrained = 0
        var withDistribution = 0
        var dropped = 0
        for index in alive {
            let connection = connections[index]
            var capacities = connection.via.map { bandwidths[Int($0)] }
            for end in [connection.a, connection.b] where roles[Int(end)] == .link || roles[Int(end)] == .shared {
                capacities.append(bandwidths[Int(end)])
            }
            let link = table.linkCount
            let bandwidth: Double
            if let smallest = capacities.min() {
                bandwidth = smallest
            } else {
                bandwidth = options.unconstrainedBandwidthMbps
                unconstrained += 1
                labels.set("ether.capacity", "unconstrained", at: link)
            }
            // Members attach to a shared medium by connections into it.
            var medium: Int32 = -1
            if !connection.isDirected, let number = mediumNumbers[connection.b] { medium = number }
            if connection.distribution != nil { withDistribution += 1 }
            if connection.droppedDistribution { dropped += 1 }
            table.addLink(
                source: nodeNumbers[Int(connection.a)], target: nodeNumbers[Int(connection.b)],
                directed: connection.isDirected, bandwidthMbps: bandwidth, latencyMs: connection.latencyMs,
                distribution: connection.distribution, medium: medium)
            if !connection.connectionIds.isEmpty {
                labels.set("ether.conn_id", connection.connectionIds.map(String.init).joined(separator: ","), at: link)
            }
            if !connection.via.isEmpty {
                labels.set("ether.via", connection.via.map { graph.nodeId(Int($0)) }.joined(separator: ","), at: link)
            }
            if connection.isInet { labels.set("ether.inet", "true", at: link) }
        }
        table.linkLabels = labels.labelColumns()
        summary.set("ether_connections", alive.count)
        summary.set("links_unconstrained", unconstrained)
        summary.set("latency_distributions", withDistribution)
        summary.set("latency_distributions_dropped", dropped)
    }
}
