import ScenarioModel
import StreamingIO

/// Agents and their candidate slots, with the routes a decision uses.
///
/// Slot order per agent: the agent's own node (when `includeLocal`), the
/// nearest cloud reachable both ways (when `includeCloud`), then every other
/// candidate by (hop distance, routing cost, topology order); truncated to
/// `maxCandidates`. A candidate must be reachable from the agent (input) and
/// back (output). Shorter lists are padded up to `slotCount` with node -1.
struct AgentTable: Sendable {
    /// The agent nodes, in topology order.
    let nodes: [Int32]
    /// The agent index of each node, or -1.
    let agentOfNode: [Int32]
    /// Slots per agent (the largest candidate set, at least 1).
    let slotCount: Int
    /// `slotNode[agent * slotCount + slot]`: the candidate node, or -1 (padding).
    let slotNode: [Int32]
    /// The route from the agent to the slot's node (-1 for the agent itself).
    let slotForwardRoute: [Int32]
    /// The route from the slot's node back to the agent (-1 for the agent itself).
    let slotReturnRoute: [Int32]
    /// Real candidates per agent.
    let candidateCount: [Int32]
    /// The slot of the agent's own node, or -1.
    let localSlot: [Int32]
    /// The slot of the nearest cloud, or -1.
    let cloudSlot: [Int32]

    init(
        topology: Topology, nodes table: NodeTable, network: NetworkModel, settings: ModelSettings,
        nodeIndex: [String: Int32], routes: inout RouteTable
    ) throws(ReplayError) {
        var isAgent = Array(repeating: false, count: table.count)
        for (index, node) in topology.nodes.enumerated() where node.kind.isCompute && settings.agents.kinds.contains(node.kind) {
            isAgent[index] = true
        }
        for id in settings.agents.nodes {
            guard let index = nodeIndex[id] else {
                throw .unreplayable(nil, "agent node '\(MessageText.excerpt(id))' is not in the topology")
            }
            guard table.isCompute[Int(index)] else {
                throw .unreplayable(nil, "agent node '\(MessageText.excerpt(id))' is a \(table.kinds[Int(index)].rawValue), not a compute node")
            }
            isAgent[Int(index)] = true
        }
        nodes = (0..<table.count).filter { isAgent[$0] }.map { Int32($0) }
        var agentOfNode = Array(repeating: Int32(-1), count: table.count)
        for (agent, node) in nodes.enumerated() { agentOfNode[Int(node)] = Int32(agent) }
        self.agentOfNode = agentOfNode

        let rule = settings.candidates
        // Nearest-cloud routes come from one tree each way per cloud, shared by all agents.
        let clouds = rule.includeCloud ? (0..<table.count).filter { table.kinds[$0] == .cloud } : []
        let towardCloud = clouds.map { network.shortestPaths(from: $0, reverse: true, nodeCount: table.count) }
        let fromCloud = clouds.map { network.shortestPaths(from: $0, nodeCount: table.count) }
        var lists: [[(node: Int32, forward: Int32, back: Int32)]] = []
        for agentNode in nodes {
            let source = Int(agentNode)
            let hopDistance: [Int32]
            let forward: ShortestPathTree
            let reverse: ShortestPathTree
            if rule.rule == .withinHops {
                let radius = Int32(clamping: rule.hops)
                hopDistance = network.hopDistances(from: source, nodeCount: table.count, maximumHops: radius)
                let nearby = (0..<table.count).filter {
                    $0 != source && table.isCompute[$0] && hopDistance[$0] <= radius
                }
                forward = network.shortestPaths(from: source, nodeCount: table.count, targets: nearby)
                reverse = network.shortestPaths(from: source, reverse: true, nodeCount: table.count, targets: nearby)
            } else {
                forward = network.shortestPaths(from: source, nodeCount: table.count)
                reverse = network.shortestPaths(from: source, reverse: true, nodeCount: table.count)
                hopDistance = forward.hops
            }
            var chosen: [(node: Int32, forward: [Int32]?, back: [Int32]?)] = []
            if rule.includeLocal { chosen.append((agentNode, nil, nil)) }
            var cloud = -1
            var cloudIndex = -1
            for (index, node) in clouds.enumerated() where node != source {
                guard towardCloud[index].isReachable(source), fromCloud[index].isReachable(source) else { continue }
                if cloud < 0 || towardCloud[index].cost[source] < towardCloud[cloudIndex].cost[source] {
                    cloud = node
                    cloudIndex = index
                }
            }
            if cloud >= 0 {
                chosen.append((
                    Int32(cloud), network.path(in: towardCloud[cloudIndex], to: source, reverse: true),
                    network.path(in: fromCloud[cloudIndex], to: source, reverse: false)))
            }
            var others: [Int] = []
            for node in 0..<table.count where node != cloud && node != source && table.isCompute[node] {
                let inRange = rule.rule == .allReachable || hopDistance[node] <= Int32(clamping: rule.hops)
                if inRange && forward.isReachable(node) && reverse.isReachable(node) { others.append(node) }
            }
            others.sort { left, right in
                if hopDistance[left] != hopDistance[right] { return hopDistance[left] < hopDistance[right] }
                if forward.cost[left] != forward.cost[right] { return forward.cost[left] < forward.cost[right] }
                return left < right
            }
            for node in others {
                chosen.append((
                    Int32(node), network.path(in: forward, to: node, reverse: false),
                    network.path(in: reverse, to: node, reverse: true)))
            }
            if let limit = rule.maxCandidates, chosen.count > limit { chosen.removeLast(chosen.count - limit) }
            lists.append(chosen.map { entry in
                guard let out = entry.forward, let back = entry.back else { return (entry.node, -1, -1) }
                return (entry.node, routes.append(out, network: network), routes.append(back, network: network))
            })
        }
        let slots = max(1, lists.map(\.count).max() ?? 1)
        slotCount = slots
        var slotNode = Array(repeating: Int32(-1), count: nodes.count * slots)
        var slotForward = Array(repeating: Int32(-1), count: nodes.count * slots)
        var slotBack = Array(repeating: Int32(-1), count: nodes.count * slots)
        var localSlot = Array(repeating: Int32(-1), count: nodes.count)
        var cloudSlot = Array(repeating: Int32(-1), count: nodes.count)
        for (agent, list) in lists.enumerated() {
            for (slot, entry) in list.enumerated() {
                slotNode[agent * slots + slot] = entry.node
                slotForward[agent * slots + slot] = entry.forward
                slotBack[agent * slots + slot] = entry.back
                if entry.node == nodes[agent] { localSlot[agent] = Int32(slot) }
                if table.kinds[Int(entry.node)] == .cloud && cloudSlot[agent] < 0 && entry.node != nodes[agent] {
                    cloudSlot[agent] = Int32(slot)
                }
            }
        }
        self.slotNode = slotNode
        slotForwardRoute = slotForward
        slotReturnRoute = slotBack
        candidateCount = lists.map { Int32($0.count) }
        self.localSlot = localSlot
        self.cloudSlot = cloudSlot
    }
}
