import ScenarioModel

/// The kinds of input `TopologyImporter` reads.
public enum TopologyFormat: String, CaseIterable, Sendable {
    /// Recognise the kind by content (GraphML root and keys, JSON shape).
    case auto
    /// Any GraphML, mapped generically (attribute values kept as labels).
    case graphml
    /// Internet Topology Zoo GraphML (PoPs as routers, link speeds, geography).
    case zoo
    /// An Ether topology exported as networkx GraphML or node-link JSON.
    case ether
    /// PeersimGym's Ether JSON (`nodes` by name, `links.path_info`, `links.neighbours`).
    case peersimgym
}

/// Which top-level `<graph>` elements of a GraphML file to import.
public enum GraphSelection: Equatable, Sendable {
    /// Every top-level graph, merged into one topology (GraphML node ids are
    /// unique across the document).
    case all
    /// Only the top-level graph at this 0-based position (and its nested graphs).
    case index(Int)
}

/// What an edge naming an undeclared node does.
public enum UndeclaredNodePolicy: String, CaseIterable, Sendable {
    /// An error naming the edge's line (the default: such a file is invalid GraphML).
    case error
    /// Create the node (as networkx does), labelled `graphml.created`, counted in `nodes_created`.
    case create
}

/// How Ether's `Link` vertices (Host NICs, up/down links) become canonical elements.
public enum EtherLinkMapping: String, CaseIterable, Sendable {
    /// Fold a Link vertex that joins exactly two connections into one canonical
    /// link carrying its bandwidth (shared media stay vertices: a switch plus a medium).
    case fold
    /// Keep every Link vertex as a canonical switch node (hop counts as in Ether).
    case `switch`
}

/// Options of `TopologyImporter.importTopology(path:options:)`; every figure has
/// a documented default (FORMAT.md, "Topology mappings").
public struct TopologyImportOptions: Sendable {
    /// The input kind; `auto` recognises it by content.
    public var format: TopologyFormat = .auto
    /// Top-level graphs to import (GraphML).
    public var graphSelection: GraphSelection = .all
    /// Edges to undeclared nodes: error or create.
    public var undeclaredNodes: UndeclaredNodePolicy = .error
    /// Apply `<key>` `<default>`s to elements without the value (networkx does not).
    public var applyKeyDefaults = true
    /// The topology name; default: the graph's name attribute, else the file name.
    public var name: String?

    // MARK: Generic GraphML

    /// Kind of generic nodes without a `kind` attribute.
    public var genericNodeKind: NodeKind = .edge
    /// Bandwidth of links without one, Mbit/s.
    public var defaultBandwidthMbps = 1000.0
    /// One-way latency of links without one, ms.
    public var defaultLatencyMs = 1.0
    /// Cores of compute nodes without a figure.
    public var defaultCores = 4
    /// Per-core speed of compute nodes without a figure (and of Ether models not in the table), MIPS.
    public var defaultCoreSpeedMips = 2000.0
    /// Memory of compute nodes without a figure, bytes.
    public var defaultMemoryBytes: Int64 = 8 * 1024 * 1024 * 1024

    // MARK: Topology Zoo

    /// Fibre propagation delay, ms per km of great-circle distance (fnss: 0.005).
    public var fibreMsPerKm = 0.005
    /// Added to every Zoo link's latency: forwarding and queueing per hop, ms.
    public var hopOverheadMs = 0.1
    /// Edge servers attached to each internal PoP (0: routers only; at most
    /// `maximumEdgeServersPerPoP`).
    public var edgeServersPerPoP = 0
    /// The most edge servers per PoP an import adds (the generator's node cap,
    /// 20 M, over a large Zoo network's ~200 PoPs).
    public static let maximumEdgeServersPerPoP = 100_000
    /// Cores of each attached edge server.
    public var edgeServerCores = 16
    /// Per-core speed of each attached edge server, MIPS.
    public var edgeServerCoreSpeedMips = 3000.0
    /// Memory of each attached edge server, bytes.
    public var edgeServerMemoryBytes: Int64 = 64 * 1024 * 1024 * 1024
    /// Bandwidth of the PoP–server link, Mbit/s.
    public var edgeServerLinkBandwidthMbps = 10_000.0
    /// Latency of the PoP–server link, ms.
    public var edgeServerLinkLatencyMs = 0.05

    // MARK: Ether

    /// Folding of Ether Link vertices.
    public var etherLinks: EtherLinkMapping = .fold
    /// Bandwidth given to Ether connections without a capacity-bearing Link
    /// (switch to switch, backbone), which Ether treats as unconstrained, Mbit/s.
    public var unconstrainedBandwidthMbps = 100_000.0

    /// Options with every default.
    /// Nodes per block that `importTopology(path:options:writingTo:)` writes
    /// while a GraphML file is still being read. Tests and fuzzers make it
    /// small, so small inputs take the streamed path too.
    @_spi(Testing) public var streamingBlockSize = NodeStreamingWriter.defaultBlockSize

    public init() {}
}
