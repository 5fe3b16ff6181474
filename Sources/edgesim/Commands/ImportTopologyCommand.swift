import ArgumentParser
import ScenarioModel
import TopologyImport

/// `edgesim import topology`: GraphML, Topology Zoo, Ether and PeersimGym
/// topologies become a canonical `*.topology.json`.
struct ImportTopologyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topology",
        abstract: "Import a GraphML, Topology Zoo, Ether or PeersimGym topology.",
        discussion: """
            The input kind is recognised by content with --format auto: GraphML (plain or \
            .gz; Topology Zoo and Ether exports by their attributes), networkx node-link JSON \
            (Ether exports) or PeersimGym's Ether JSON. Mappings and defaults: FORMAT.md, \
            "Topology mappings". GraphML is parsed with libxml2 without network access, entity \
            substitution or DTD loading; entity declarations are refused.

            Summary keys: format, input, nodes and edges (the source graph: parallel edges \
            counted, an undirected edge once), graphs, graphs_imported, nested_graphs, directed \
            (true, false or "mixed"), hyperedges_skipped, ports_seen, nodes_created, \
            duplicate_nodes_merged, undeclared_keys, unknown_attribute_types, \
            data_outside_key_scope, key_defaults, payload_data_skipped, \
            unknown_elements_skipped, edges_with_directed_attribute, data_ignored, \
            nodes_outside_selection, edges_outside_selection; the mapping's counts \
            (generic and zoo: links_defaulted, links_bandwidth_defaulted, \
            links_latency_defaulted, nodes_without_position; zoo: edge_servers_added; ether: \
            ether_* counts, links_unconstrained, latency_distributions; peersimgym: \
            path_info_entries, links_directed_pairs, links_mirrored, neighbour_duplicates); \
            then topology_nodes, topology_links, topology_media, nodes_<kind>, warnings.
            """
    )

    /// The library's defaults, shown in `--help`.
    static let defaults = TopologyImportOptions()

    @Argument(help: "The topology to import (`-` for standard input).")
    var input: String

    @Option(name: .shortAndLong, help: "The canonical topology to write (`-` for standard output).")
    var output: String

    @Option(help: "Input kind; auto recognises it by content.")
    var format: TopologyFormat = .auto

    @Option(name: .customLong("summary-json"), help: "Write a JSON summary to this path (`-` for standard output).")
    var summaryPath: String?

    @Option(help: "Top-level GraphML graph to import: all (merged) or a 0-based index.")
    var graph: String = "all"

    @Option(help: "Edges naming undeclared nodes: error, or create the nodes (as networkx does).")
    var undeclaredNodes: UndeclaredNodePolicy = .error

    @Flag(help: "Do not apply <key> <default> values (networkx's behaviour).")
    var noKeyDefaults = false

    @Option(help: "The topology name (default: the graph's name attribute, else the file name).")
    var name: String?

    @Option(help: "Kind of generic GraphML nodes without a 'kind' attribute: device, edge, cloud, switch or router.")
    var nodeKind: String = Self.defaults.genericNodeKind.rawValue

    @Option(help: "Bandwidth of links without one, Mbit/s.")
    var defaultBandwidthMbps: Double = Self.defaults.defaultBandwidthMbps

    @Option(help: "One-way latency of links without one, ms.")
    var defaultLatencyMs: Double = Self.defaults.defaultLatencyMs

    @Option(help: "Cores of compute nodes without a figure.")
    var defaultCores: Int = Self.defaults.defaultCores

    @Option(help: "Per-core speed of compute nodes without a figure (and of Ether models not in the table), MIPS.")
    var defaultCoreSpeedMips: Double = Self.defaults.defaultCoreSpeedMips

    @Option(help: "Memory of compute nodes without a figure, bytes.")
    var defaultMemoryBytes: Int64 = Self.defaults.defaultMemoryBytes

    @Option(help: "Topology Zoo: fibre propagation delay, ms per km of great-circle distance.")
    var fibreMsPerKm: Double = Self.defaults.fibreMsPerKm

    @Option(help: "Topology Zoo: per-hop overhead added to every link's latency, ms.")
    var hopOverheadMs: Double = Self.defaults.hopOverheadMs

    @Option(help: "Topology Zoo: edge servers attached to each internal PoP.")
    var edgeServersPerPop: Int = Self.defaults.edgeServersPerPoP

    @Option(help: "Topology Zoo: cores of each attached edge server.")
    var edgeServerCores: Int = Self.defaults.edgeServerCores

    @Option(help: "Topology Zoo: per-core speed of each attached edge server, MIPS.")
    var edgeServerCoreSpeedMips: Double = Self.defaults.edgeServerCoreSpeedMips

    @Option(help: "Topology Zoo: memory of each attached edge server, bytes.")
    var edgeServerMemoryBytes: Int64 = Self.defaults.edgeServerMemoryBytes

    @Option(help: "Ether: fold NIC and up/down Link vertices into links (fold), or keep them as switches (switch).")
    var etherLinks: EtherLinkMapping = Self.defaults.etherLinks

    @Option(help: "Ether: bandwidth of connections without a capacity-bearing Link (switch to switch, backbone), Mbit/s.")
    var unconstrainedBandwidthMbps: Double = Self.defaults.unconstrainedBandwidthMbps

    @Flag(help: "Do not print warnings.")
    var quiet = false

    func validate() throws {
        if output == "-" && summaryPath == "-" {
            throw ValidationError("-o - and --summary-json - cannot both use standard output")
        }
        _ = try graphSelection()
        guard NodeKind(rawValue: nodeKind) != nil else {
            throw ValidationError("--node-kind: unknown kind '\(nodeKind)' (device, edge, cloud, switch or router)")
        }
        for (option, value) in [("--default-bandwidth-mbps", defaultBandwidthMbps),
                                ("--default-core-speed-mips", defaultCoreSpeedMips),
                                ("--edge-server-core-speed-mips", edgeServerCoreSpeedMips),
                                ("--unconstrained-bandwidth-mbps", unconstrainedBandwidthMbps)]
        where !(value > 0 && value.isFinite) {
            throw ValidationError("\(option) must be a positive number")
        }
        for (option, value) in [("--default-latency-ms", defaultLatencyMs), ("--fibre-ms-per-km", fibreMsPerKm),
                                ("--hop-overhead-ms", hopOverheadMs)]
        where !(value >= 0 && value.isFinite) {
            throw ValidationError("\(option) must be a number >= 0")
        }
        guard defaultCores >= 1, edgeServerCores >= 1 else { throw ValidationError("core counts must be at least 1") }
        guard edgeServersPerPop >= 0, edgeServersPerPop <= TopologyImportOptions.maximumEdgeServersPerPoP else {
            throw ValidationError("--edge-servers-per-pop must be in 0...\(TopologyImportOptions.maximumEdgeServersPerPoP)")
        }
        guard defaultMemoryBytes >= 0, edgeServerMemoryBytes >= 0 else { throw ValidationError("memory must be >= 0 bytes") }
    }

    func run() throws {
        try CommandFailure.reporting {
            let result = try TopologyImporter.importTopology(path: input, options: try options(), writingTo: output)
            if !quiet {
                for message in result.warnings.messages { StandardError.diagnostic("edgesim: warning: \(message)") }
                let hidden = result.warnings.total - result.warnings.messages.count
                if hidden > 0 { StandardError.write("edgesim: warning: \(hidden) more warnings (counted in the summary)") }
            }
            let nodes = result.summary.integer("nodes")
            let edges = result.summary.integer("edges")
            StandardError.write(
                "\(input): imported \(result.format.rawValue) topology: \(Self.count(nodes, "node")), \(Self.count(edges, "edge")) -> "
                    + "\(output == "-" ? "<stdout>" : output) (\(Self.count(result.nodeCount, "node")), \(Self.count(result.linkCount, "link")))")
            if let summaryPath {
                var summary = SummaryReport()
                summary["input_path"] = .text(input)
                summary["output_path"] = .text(output)
                for (key, value) in result.summary.entries {
                    switch value {
                    case .integer(let number): summary[key] = .integer(number)
                    case .number(let number): summary[key] = .number(number)
                    case .text(let text): summary[key] = .text(text)
                    case .bool(let flag): summary[key] = .bool(flag)
                    }
                }
                try summary.write(to: summaryPath)
            }
        }
    }

    static func count(_ value: Int, _ noun: String) -> String {
        "\(value) \(noun)\(value == 1 ? "" : "s")"
    }

    private func graphSelection() throws -> GraphSelection {
        if graph == "all" { return .all }
        guard let index = Int(graph), index >= 0 else {
            throw ValidationError("--graph: expected 'all' or a graph index >= 0, found '\(graph)'")
        }
        return .index(index)
    }

    private func options() throws -> TopologyImportOptions {
        var options = TopologyImportOptions()
        options.format = format
        options.graphSelection = try graphSelection()
        options.undeclaredNodes = undeclaredNodes
        options.applyKeyDefaults = !noKeyDefaults
        options.name = name
        options.genericNodeKind = NodeKind(rawValue: nodeKind) ?? .edge
        options.defaultBandwidthMbps = defaultBandwidthMbps
        options.defaultLatencyMs = defaultLatencyMs
        options.defaultCores = defaultCores
        options.defaultCoreSpeedMips = defaultCoreSpeedMips
        options.defaultMemoryBytes = defaultMemoryBytes
        options.fibreMsPerKm = fibreMsPerKm
        options.hopOverheadMs = hopOverheadMs
        options.edgeServersPerPoP = edgeServersPerPop
        options.edgeServerCores = edgeServerCores
        options.edgeServerCoreSpeedMips = edgeServerCoreSpeedMips
        options.edgeServerMemoryBytes = edgeServerMemoryBytes
        options.etherLinks = etherLinks
        options.unconstrainedBandwidthMbps = unconstrainedBandwidthMbps
        return options
    }
}

extension TopologyFormat: ExpressibleByArgument {}
extension UndeclaredNodePolicy: ExpressibleByArgument {}
extension EtherLinkMapping: ExpressibleByArgument {}
