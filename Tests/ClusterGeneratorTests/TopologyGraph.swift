import ScenarioModel

/// Adjacency of a topology for reachability checks in tests: undirected links
/// carry traffic both ways, directed links only from source to target.
struct TopologyGraph {
    let topology: Topology
    private var indexById: [String: Int] = [:]
    private var neighbours: [[Int]]

    init(_ topology: Topology) {
        self.topology = topology
        for (index, node) in topology.nodes.enumerated() { indexById[node.id] = index }
        neighbours = Array(repeating: [], count: topology.nodes.count)
        for link in topology.links {
            guard let source = indexById[link.source], let target = indexById[link.target] else { continue }
            neighbours[source].append(target)
            if !link.directed { neighbours[target].append(source) }
        }
    }

    /// Every node reachable from `start` (including it).
    func reachable(from start: String) -> Set<Int> {
        guard let first = indexById[start] else { return [] }
        var seen: Set<Int> = [first]
        var frontier = [first]
        while let current = frontier.popLast() {
            for next in neighbours[current] where seen.insert(next).inserted { frontier.append(next) }
        }
        return seen
    }

    /// The indices of nodes a device can offload to off-site: cloud nodes and cloudlet servers.
    var offloadTargets: Set<Int> {
        Set(
            topology.nodes.indices.filter { index in
                let node = topology.nodes[index]
                return node.kind == .cloud || (node.kind == .edge && node.labels["ether.edgerun.io/type"] == "server")
            })
    }

    /// Devices with no path to any offload target, or no path back from the ones they reach.
    func stranded() -> [String] {
        let targets = offloadTargets
        var stranded: [String] = []
        for node in topology.nodes where node.kind == .device {
            let forward = reachable(from: node.id).intersection(targets)
            let returning = forward.contains {
                reachable(from: topology.nodes[$0].id).contains(indexById[node.id] ?? -1)
            }
            if forward.isEmpty || !returning { stranded.append(node.id) }
        }
        return stranded
    }
}
