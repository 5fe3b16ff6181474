import ScenarioModel
import StreamingIO

/// Generates canonical topologies from cluster specs and built-in scenarios,
/// reproducibly: one seed drives every random draw through one explicit
/// `SeededGenerator`, so the same spec and seed give the same topology, byte
/// for byte.
///
/// ```swift
/// let scenario = UrbanSensingScenario(cells: 10)
/// let topology = try ClusterGenerator.generate(scenario, seed: 7)
/// try topology.write(to: "city.topology.json")
/// ```
///
/// The structure follows Ether (Rausch et al., "Synthesizing plausible
/// infrastructure configurations for evaluating edge computing systems",
/// HotEdge 2020); FORMAT.md ("Generator archetypes and scenarios") describes
/// how Ether's vertices map to canonical nodes and links, and what the
/// generator does differently.
public enum ClusterGenerator {
    /// The default cap on generated nodes (about 2.5 GB of topology in memory).
    public static let defaultMaximumNodes = 20_000_000

    /// Generates a built-in scenario.
    ///
    /// - Parameters:
    ///   - scenario: The scenario and its parameters.
    ///   - seed: Drives every random draw.
    ///   - maximumNodes: Generation fails rather than exceed this many nodes.
    /// - Returns: A topology whose provenance names the scenario, seed and parameters.
    /// - Throws: `GeneratorError` when the parameters are out of range.
    /// - Complexity: O(nodes + links).
    public static func generate(
        _ scenario: some ClusterScenario, seed: UInt64, maximumNodes: Int = defaultMaximumNodes
    ) throws(GeneratorError) -> Topology {
        let provenance = Provenance(
            generator: type(of: scenario).name, seed: seed, parameters: scenario.parameters)
        return try generate(scenario.spec, seed: seed, provenance: provenance, maximumNodes: maximumNodes)
    }

    /// Generates the cluster a spec describes.
    ///
    /// - Parameters:
    ///   - spec: The archetypes, backbone and sites.
    ///   - seed: Drives every random draw (recorded in the provenance).
    ///   - provenance: Recorded in the topology; its seed is set to `seed`.
    ///   - maximumNodes: Generation fails rather than exceed this many nodes.
    /// - Throws: `GeneratorError.invalidSpec` (with the spec file location
    ///   when known), `.countOutOfRange`, `.tooLarge`.
    /// - Complexity: O(nodes + links), no per-node allocation beyond the node's id.
    public static func generate(
        _ spec: ClusterSpec, seed: UInt64, provenance: Provenance = Provenance(),
        maximumNodes: Int = defaultMaximumNodes
    ) throws(GeneratorError) -> Topology {
        var planner = try ClusterPlanner(spec: spec)
        let backbone = try BackbonePlan(spec.backbone, planner: &planner)
        var sites: [PlannedSite] = []
        for site in spec.sites {
            guard backbone.routerIds.contains(site.router) else {
                let known = backbone.routerIds.sorted().joined(separator: ", ")
                throw .invalidSpec(
                    site.location ?? site.block.location, "unknown backbone router '\(MessageText.excerpt(site.router))' (routers: \(known))"
                )
            }
            sites.append(
                PlannedSite(
                    router: site.router, block: try planner.plan(site.block, memberLatency: .lan, sizeBound: false)))
        }

        var builder = TopologyBuilder(
            prefixes: planner.prefixes, generator: SeededGenerator(seed: seed), maximumNodes: maximumNodes)
        let start = PlanEstimate(nodes: Double(backbone.nodes.count), links: Double(backbone.links.count))
        let expected = sites.reduce(start) { $0 + $1.block.estimate(size: 0) }
        // Fail before allocating when the expectation is far over the limit (random counts may
        // still land over it later; the builder checks every node).
        if !(expected.nodes <= Double(maximumNodes) * 1.5) { throw .tooLarge(limit: maximumNodes) }
        builder.reserve(
            nodes: reservation(expected.nodes, limit: maximumNodes),
            links: reservation(expected.links, limit: maximumNodes))
        for router in backbone.nodes { try builder.append(router) }
        for link in backbone.links { builder.append(link) }
        for site in sites {
            try builder.materialize(
                site.block, under: TopologyBuilder.Parent(id: site.router, medium: nil, origin: nil), size: nil)
        }

        var recorded = provenance
        recorded.seed = seed
        return Topology(
            name: spec.name, provenance: recorded, nodes: builder.nodes, links: builder.links, media: builder.media)
    }

    /// Room to reserve for an expected count: a little headroom, never more than
    /// the node limit (a wrong guess only costs regrowth).
    private static func reservation(_ expected: Double, limit: Int) -> Int {
        let padded = expected * 1.05
        guard padded.isFinite, padded > 0 else { return 0 }
        return padded < Double(limit) ? Int(padded) : limit
    }
}
