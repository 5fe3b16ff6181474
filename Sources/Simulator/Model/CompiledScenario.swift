import ScenarioModel
import StreamingIO

/// A scenario prepared for replay: the topology as flat arrays, the network
/// as arcs and FIFO resources, each agent's candidate slots with their routes,
/// and the origin rule's eligible nodes.
///
/// Compile once, replay many times: the value is immutable and `Sendable`,
/// so the benchmark runner can share one across threads running independent
/// replays (each replay keeps its own mutable state). The workload is not
/// loaded here; each replay streams it.
///
/// ```swift
/// let compiled = try CompiledScenario.load(path: "demo.scenario.json")
/// var policy = BaselinePolicy(.leastQueue)
/// let result = try Replay.run(compiled, policy: &policy)
/// ```
public final class CompiledScenario: Sendable {
    /// The scenario as read.
    public let scenario: Scenario
    /// The topology it names (loaded and validated).
    public let topology: Topology
    /// The resolved workload file, when the workload is a file.
    public let workloadPath: String?

    let nodes: NodeTable
    let network: NetworkModel
    let routes: RouteTable
    let agents: AgentTable
    let origins: OriginTable
    let nodeIndexById: [String: Int32]
    /// Node indices by the fingerprint of their id, for lookups from bytes.
    let nodeIndexByFingerprint: FingerprintTable

    /// Reads a scenario file with its topology and prepares it.
    ///
    /// - Parameter path: The `*.scenario.json` file; relative topology and
    ///   workload paths resolve against its folder.
    /// - Throws: `ReplayError.scenario` for unreadable or invalid files,
    ///   `.unreplayable` when the model cannot run the scenario.
    public static func load(path: String) throws(ReplayError) -> CompiledScenario {
        let scenario: Scenario
        let sourceMap: ScenarioSourceMap
        do {
            (scenario, sourceMap) = try Scenario.decode(path: path)
        } catch {
            throw .scenario(error)
        }
        let settingsIssues = scenario.settingsIssues(sourceMap: sourceMap)
        if !settingsIssues.isEmpty { throw .scenario(.invalid(settingsIssues)) }
        let folder = FilePaths.directory(of: path)
        let compiled: CompiledScenario
        do {
            compiled = try CompiledScenario(scenario: scenario, relativeTo: folder)
        } catch .scenario(.io(.cannotOpen(let topologyPath, let reason))) {
            // Name the scenario line that refers to the missing topology.
            throw .scenario(.invalid([ValidationIssue(
                sourceMap.location("$.topology.path"),
                "cannot open the topology '\(MessageText.excerpt(topologyPath, limit: 200))': \(reason)")]))
        }
        // An embedded workload is checked whole here (a file streams, row by row, during the replay).
        let computeNodes = Set(compiled.topology.nodes.lazy.filter(\.kind.isCompute).map(\.id))
        let workloadIssues = scenario.embeddedWorkloadIssues(sourceMap: sourceMap, originNodes: computeNodes)
        if !workloadIssues.isEmpty { throw .scenario(.invalid(workloadIssues)) }
        return compiled
    }

    /// Prepares `scenario`, reading its topology file if it names one.
    ///
    /// - Parameters:
    ///   - scenario: The scenario.
    ///   - folder: The folder relative topology and workload paths resolve against.
    /// - Throws: `ReplayError` as `load(path:)`.
    /// - Complexity: O(agents × (nodes + links) log nodes) for the routes.
    public init(scenario: Scenario, relativeTo folder: String = ".") throws(ReplayError) {
        let issues = scenario.settingsIssues(sourceMap: ScenarioSourceMap(path: "<scenario '\(MessageText.excerpt(scenario.name))'>"))
        if !issues.isEmpty { throw .scenario(.invalid(issues)) }
        let topology: Topology
        switch scenario.topology {
        case .file(let relative):
            do {
                topology = try Topology.load(path: FilePaths.resolve(relative, from: folder))
            } catch {
                throw .scenario(error)
            }
        case .embedded(let embedded):
            let topologyIssues = embedded.validationIssues(
                sourceMap: TopologySourceMap(path: "<scenario '\(MessageText.excerpt(scenario.name))'>", jsonPathPrefix: "$.topology.embedded"))
            if !topologyIssues.isEmpty { throw .scenario(.invalid(topologyIssues)) }
            topology = embedded
        }
        if case .file(let relative) = scenario.workload {
            workloadPath = FilePaths.resolve(relative, from: folder)
        } else {
            workloadPath = nil
        }
        self.scenario = scenario
        self.topology = topology
        var index: [String: Int32] = [:]
        for (position, node) in topology.nodes.enumerated() { index[node.id] = Int32(position) }
        nodeIndexById = index
        var byFingerprint = FingerprintTable(minimumCapacity: topology.nodes.count)
        for (position, node) in topology.nodes.enumerated() {
            byFingerprint.set(Int32(position), for: Fingerprint.of(node.id))
        }
        nodeIndexByFingerprint = byFingerprint
        nodes = NodeTable(topology: topology)
        let settings = scenario.settings
        network = try NetworkModel(topology: topology, nodeIndex: index, metric: settings.routing)
        var routes = RouteTable()
        agents = try AgentTable(
            topology: topology, nodes: nodes, network: network, settings: settings, nodeIndex: index, routes: &routes)
        self.routes = routes
        origins = try OriginTable(topology: topology, rule: settings.origins)
        if case .synthetic = scenario.workload, origins.eligible.isEmpty {
            throw .unreplayable(nil, "synthetic arrivals need an origin node of kind "
                + settings.origins.kinds.map(\.rawValue).joined(separator: "/") + ", and the topology has none")
        }
    }

    /// The model settings.
    public var settings: ModelSettings { scenario.settings }

    /// The index of the node whose id has these UTF-8 bytes, or nil.
    func nodeIndex(idBytes: UnsafeRawBufferPointer) -> Int32? {
        guard let index = nodeIndexByFingerprint.value(for: Fingerprint.of(bytes: idBytes)),
            nodes.ids[Int(index)].utf8.elementsEqual(idBytes)
        else { return nil }
        return index
    }

    /// The node ids, in topology order (node indices of records and statistics).
    public var nodeIds: [String] { nodes.ids }

    /// The nodes hosting agents, in agent order (topology order).
    public var agentNodeIds: [String] { agents.nodes.map { nodes.ids[Int($0)] } }

    /// The number of agents.
    public var agentCount: Int { agents.nodes.count }

    /// The fixed number of candidate slots per agent: the largest candidate
    /// set (shorter ones are padded with invalid slots).
    public var slotCount: Int { agents.slotCount }

    /// The candidate node ids of `agent` in slot order: the agent's own node
    /// first (when local is included), then the nearest cloud (when included),
    /// then the other candidates by hop distance, route cost and topology order.
    public func candidateNodeIds(agent: Int) -> [String] {
        (0..<Int(agents.candidateCount[agent])).map { nodes.ids[Int(agents.slotNode[agent * agents.slotCount + $0])] }
    }
}

/// The topology's nodes as flat arrays.
struct NodeTable: Sendable {
    let count: Int
    let ids: [String]
    let kinds: [NodeKind]
    let isCompute: [Bool]
    let cores: [Int32]
    /// Speed of one core in instructions per second (`coreSpeedMips · 1e6`).
    let instructionsPerSecond: [Double]
    /// Queue capacity in tasks (Int32.max when unbounded).
    let queueCapacity: [Int32]
    let idleWatts: [Double]
    let busyWatts: [Double]
    let transmitWatts: [Double]

    init(topology: Topology) {
        count = topology.nodes.count
        ids = topology.nodes.map(\.id)
        kinds = topology.nodes.map(\.kind)
        isCompute = topology.nodes.map(\.kind.isCompute)
        cores = topology.nodes.map { Int32(clamping: $0.cores) }
        instructionsPerSecond = topology.nodes.map { $0.coreSpeedMips * 1e6 }
        queueCapacity = topology.nodes.map { Int32(clamping: $0.queueCapacity ?? Int(Int32.max)) }
        idleWatts = topology.nodes.map(\.idlePowerWatts)
        busyWatts = topology.nodes.map(\.busyPowerWatts)
        transmitWatts = topology.nodes.map(\.transmitPowerWatts)
    }
}

/// The nodes tasks without an origin may get, with their weights.
struct OriginTable: Sendable {
    let rule: OriginRule.Rule
    /// Eligible compute nodes, in topology order.
    let eligible: [Int32]
    /// Weights for `label-weighted` (all 1 otherwise).
    let weights: [Double]

    init(topology: Topology, rule: OriginRule) throws(ReplayError) {
        self.rule = rule.rule
        var eligible: [Int32] = []
        var weights: [Double] = []
        for (index, node) in topology.nodes.enumerated() where node.kind.isCompute && rule.kinds.contains(node.kind) {
            eligible.append(Int32(index))
            if rule.rule == .labelWeighted, let label = rule.weightLabel {
                let weight = node.labels[label].flatMap(Double.init) ?? 0
                weights.append(weight.isFinite && weight > 0 ? weight : 0)
            } else {
                weights.append(1)
            }
        }
        if rule.rule == .labelWeighted && !eligible.isEmpty && !(weights.reduce(0, +) > 0) {
            throw .unreplayable(nil, "no eligible origin node has a positive numeric '\(MessageText.excerpt(rule.weightLabel ?? ""))' label")
        }
        self.eligible = eligible
        self.weights = weights
    }
}
