import ScenarioModel
import StreamingIO

/// One direction of a link, as a transfer uses it.
///
/// An undirected link gives two arcs with separate FIFO resources (full
/// duplex); a directed link gives one. Links on a shared medium also hold the
/// medium's resource, which every direction and every link on it shares.
struct Arc: Sendable {
    var from: Int32
    var to: Int32
    /// The FIFO resource of this link direction.
    var linkResource: Int32
    /// The shared medium's resource, or -1.
    var mediumResource: Int32
    /// Fixed one-way latency in seconds (`latencyMs / 1000`).
    var latencySeconds: Double
    /// The link direction's rate (Shannon-limited for wireless links).
    var linkBitsPerSecond: Double
    /// The medium's rate, or +infinity without a medium.
    var mediumBitsPerSecond: Double
    /// The latency distribution in seconds, when sampling applies (shape 0: none).
    var latencyShape: Double
    var latencyLocationSeconds: Double
    var latencyScaleSeconds: Double

    /// The rate a transfer gets on this hop: min(link, medium).
    var hopBitsPerSecond: Double { min(linkBitsPerSecond, mediumBitsPerSecond) }
}

/// A path between two nodes: a run of arcs in a `RouteTable`, with the two
/// figures an idle-path estimate needs.
struct Route: Sendable {
    var firstArc: Int32
    var arcCount: Int32
    /// Sum of the arcs' fixed latencies.
    var latencySeconds: Double
    /// The slowest hop's rate (+infinity for an empty route).
    var bottleneckBitsPerSecond: Double
}

/// Routes stored back to back: `routes[i]` covers `arcs[firstArc ..< firstArc + arcCount]`.
struct RouteTable: Sendable {
    private(set) var routes: [Route] = []
    private(set) var arcs: [Int32] = []

    /// Appends the route along `arcIndices` and returns its index.
    mutating func append(_ arcIndices: [Int32], network: NetworkModel) -> Int32 {
        var latency = 0.0
        var bottleneck = Double.infinity
        for arc in arcIndices {
            latency += network.arcs[Int(arc)].latencySeconds
            bottleneck = min(bottleneck, network.arcs[Int(arc)].hopBitsPerSecond)
        }
        let route = Route(
            firstArc: Int32(arcs.count), arcCount: Int32(arcIndices.count), latencySeconds: latency,
            bottleneckBitsPerSecond: bottleneck)
        arcs.append(contentsOf: arcIndices)
        routes.append(route)
        return Int32(routes.count - 1)
    }
}

/// Shortest paths from (or, reversed, to) one node.
struct ShortestPathTree {
    /// Routing cost per node (+infinity when unreachable).
    var cost: [Double]
    /// Hops along the chosen path per node.
    var hops: [Int32]
    /// The arc entering each node on its path from the source (forward trees),
    /// or leaving it towards the root (reverse trees); -1 at the root and for
    /// unreachable nodes.
    var parentArc: [Int32]

    func isReachable(_ node: Int) -> Bool { cost[node].isFinite }
}

/// The topology's links compiled for transfers: arcs, FIFO resources and
/// adjacency, with deterministic shortest paths.
struct NetworkModel: Sendable {
    let arcs: [Arc]
    /// Link-direction resources first, then one resource per shared medium.
    let resourceCount: Int
    let metric: RoutingMetric
    private let outgoingStart: [Int32]
    private let outgoingArcs: [Int32]
    private let incomingStart: [Int32]
    private let incomingArcs: [Int32]

    /// Compiles the links of `topology`.
    ///
    /// - Throws: `ReplayError.unreplayable` when a wireless link has no rate.
    init(topology: Topology, nodeIndex: [String: Int32], metric: RoutingMetric) throws(ReplayError) {
        self.metric = metric
        var mediumIndex: [String: Int32] = [:]
        var mediumRate: [Double] = []
        for medium in topology.media {
            mediumIndex[medium.id] = Int32(mediumRate.count)
            mediumRate.append(medium.bandwidthMbps * 1e6)
        }
        var arcs: [Arc] = []
        var linkResources: Int32 = 0
        var mediumArcs: [(arc: Int, medium: Int32)] = []
        for (linkNumber, link) in topology.links.enumerated() {
            guard let source = nodeIndex[link.source], let target = nodeIndex[link.target] else { continue }
            var shape = 0.0
            var location = 0.0
            var scale = 0.0
            if case .lognormal(let s, let l, let c) = link.latencyDistribution {
                shape = s
                location = l / 1000
                scale = c / 1000
            }
            let directions: [(Int32, Int32)] = link.directed ? [(source, target)] : [(source, target), (target, source)]
            for (from, to) in directions {
                var rate = link.bandwidthMbps * 1e6
                if let wireless = link.wireless {
                    let sender = topology.nodes[Int(from)]
                    let receiver = topology.nodes[Int(to)]
                    let distance = sender.position.flatMap { first in receiver.position.flatMap { first.distanceMeters(to: $0) } }
                    let shannon = wireless.shannonRateBitsPerSecond(
                        transmitPowerWatts: sender.transmitPowerWatts, distanceMeters: distance ?? 0)
                    guard shannon > 0, distance != nil else {
                        throw .unreplayable(nil, "wireless link \(linkNumber) ('\(MessageText.excerpt(sender.id))' -> '\(MessageText.excerpt(receiver.id))') has "
                            + "no rate: the sender needs transmitPowerWatts > 0 and both ends need positions")
                    }
                    rate = min(rate, shannon)
                }
                if let medium = link.sharedMediumId, let index = mediumIndex[medium] {
                    mediumArcs.append((arcs.count, index))
                }
                arcs.append(Arc(
                    from: from, to: to, linkResource: linkResources, mediumResource: -1,
                    latencySeconds: link.latencyMs / 1000, linkBitsPerSecond: rate, mediumBitsPerSecond: .infinity,
                    latencyShape: shape, latencyLocationSeconds: location, latencyScaleSeconds: scale))
                linkResources += 1
            }
        }
        for (arc, medium) in mediumArcs {
            arcs[arc].mediumResource = linkResources + medium
            arcs[arc].mediumBitsPerSecond = mediumRate[Int(medium)]
        }
        self.arcs = arcs
        resourceCount = Int(linkResources) + mediumRate.count
        (outgoingStart, outgoingArcs) = Self.adjacency(arcs, nodes: topology.nodes.count) { $0.from }
        (incomingStart, incomingArcs) = Self.adjacency(arcs, nodes: topology.nodes.count) { $0.to }
    }

    /// Compressed adjacency lists, arcs in link order within each node.
    private static func adjacency(
        _ arcs: [Arc], nodes: Int, key: (Arc) -> Int32
    ) -> ([Int32], [Int32]) {
        var start = Array(repeating: Int32(0), count: nodes + 1)
        for arc in arcs { start[Int(key(arc)) + 1] += 1 }
        for index in 0..<nodes { start[index + 1] += start[index] }
        var fill = start
        var list = Array(repeating: Int32(0), count: arcs.count)
        for (index, arc) in arcs.enumerated() {
            let node = Int(key(arc))
            list[Int(fill[node])] = Int32(index)
            fill[node] += 1
        }
        return (start, list)
    }

    /// The shortest-path tree from `source` (or, with `reverse`, towards it).
    ///
    /// Costs are summed latencies (`latency` routing, ties broken by fewer
    /// hops) or hop counts (`hops` routing, ties broken by lower latency);
    /// remaining ties go to the node finalised first, in a heap ordered by
    /// (cost, tie-break, node index), so the tree is the same on every run.
    ///
    /// With `targets`, the search stops once all of them are settled; only
    /// the targets' (and the settled nodes') entries are then final.
    ///
    /// - Complexity: O((nodes + arcs) log nodes).
    func shortestPaths(
        from source: Int, reverse: Bool = false, nodeCount: Int, targets: [Int]? = nil
    ) -> ShortestPathTree {
        var tree = ShortestPathTree(
            cost: Array(repeating: .infinity, count: nodeCount),
            hops: Array(repeating: Int32.max, count: nodeCount),
            parentArc: Array(repeating: -1, count: nodeCount))
        var secondary = Array(repeating: Double.infinity, count: nodeCount)
        var done = Array(repeating: false, count: nodeCount)
        var isTarget: [Bool] = []
        var remainingTargets = 0
        if let targets {
            isTarget = Array(repeating: false, count: nodeCount)
            for target in targets where !isTarget[target] {
                isTarget[target] = true
                remainingTargets += 1
            }
            if remainingTargets == 0 { return tree }
        }
        var heap = MinHeap<PathKey>()
        tree.cost[source] = 0
        tree.hops[source] = 0
        secondary[source] = 0
        heap.push(PathKey(primary: 0, secondary: 0, node: Int32(source)))
        while let key = heap.pop() {
            let node = Int(key.node)
            if done[node] { continue }
            done[node] = true
            if !isTarget.isEmpty && isTarget[node] {
                remainingTargets -= 1
                if remainingTargets == 0 { break }
            }
            let start = Int(reverse ? incomingStart[node] : outgoingStart[node])
            let end = Int(reverse ? incomingStart[node + 1] : outgoingStart[node + 1])
            for position in start..<end {
                let arcIndex = reverse ? incomingArcs[position] : outgoingArcs[position]
                let arc = arcs[Int(arcIndex)]
                let next = Int(reverse ? arc.from : arc.to)
                if done[next] { continue }
                let hops = tree.hops[node] + 1
                let latency = (metric == .latency ? tree.cost[node] : secondary[node]) + arc.latencySeconds
                let primary = metric == .latency ? latency : Double(hops)
                let tieBreak = metric == .latency ? Double(hops) : latency
                if primary < tree.cost[next] || (primary == tree.cost[next] && tieBreak < secondary[next]) {
                    tree.cost[next] = primary
                    secondary[next] = tieBreak
                    tree.hops[next] = hops
                    tree.parentArc[next] = arcIndex
                    heap.push(PathKey(primary: primary, secondary: tieBreak, node: Int32(next)))
                }
            }
        }
        return tree
    }

    /// The arcs from the tree's root to `node` (forward tree), or from `node`
    /// to the root (reverse tree); nil when unreachable.
    func path(in tree: ShortestPathTree, to node: Int, reverse: Bool) -> [Int32]? {
        guard tree.isReachable(node) else { return nil }
        var result: [Int32] = []
        var current = node
        while tree.parentArc[current] >= 0 {
            let arcIndex = tree.parentArc[current]
            result.append(arcIndex)
            current = Int(reverse ? arcs[Int(arcIndex)].to : arcs[Int(arcIndex)].from)
        }
        if !reverse { result.reverse() }
        return result
    }

    /// Hop counts from `source` along directed arcs (breadth first; Int32.max
    /// when unreachable or, with `maximumHops`, farther than that).
    func hopDistances(from source: Int, nodeCount: Int, maximumHops: Int32 = .max) -> [Int32] {
        var distance = Array(repeating: Int32.max, count: nodeCount)
        var frontier = [Int32(source)]
        distance[source] = 0
        var head = 0
        while head < frontier.count {
            let node = Int(frontier[head])
            head += 1
            if distance[node] >= maximumHops { continue }
            for position in Int(outgoingStart[node])..<Int(outgoingStart[node + 1]) {
                let next = Int(arcs[Int(outgoingArcs[position])].to)
                if distance[next] == Int32.max {
                    distance[next] = distance[node] + 1
                    frontier.append(Int32(next))
                }
            }
        }
        return distance
    }
}

/// A Dijkstra heap key: (cost, tie-break, node), compared in that order.
struct PathKey: Comparable {
    var primary: Double
    var secondary: Double
    var node: Int32

    static func < (left: PathKey, right: PathKey) -> Bool {
        if left.primary != right.primary { return left.primary < right.primary }
        if left.secondary != right.secondary { return left.secondary < right.secondary }
        return left.node < right.node
    }
}

/// A small binary min-heap for set-up work (routing); the event queue has its own.
struct MinHeap<Element: Comparable> {
    private var items: [Element] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func push(_ element: Element) {
        items.append(element)
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard items[child] < items[parent] else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Element? {
        guard let top = items.first else { return nil }
        let last = items.removeLast()
        if !items.isEmpty {
            items[0] = last
            var parent = 0
            while true {
                let left = 2 * parent + 1
                let right = left + 1
                var smallest = parent
                if left < items.count && items[left] < items[smallest] { smallest = left }
                if right < items.count && items[right] < items[smallest] { smallest = right }
                if smallest == parent { break }
                items.swapAt(parent, smallest)
                parent = smallest
            }
        }
        return top
    }
}
