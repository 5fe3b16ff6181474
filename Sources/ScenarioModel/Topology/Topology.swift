/// A canonical topology: compute and network nodes, the links between them and
/// the shared media some links contend for.
///
/// Stored as `*.topology.json` (format `edgesim-topology`, version 1; see
/// FORMAT.md). Every importer and the generator produce this type, and the
/// simulator consumes only this type.
///
/// ```swift
/// let topology = try Topology.load(path: "topologies/sample.topology.json")
/// try topology.write(to: "copy.topology.json")
/// ```
public struct Topology: Hashable, Sendable {
    /// The `format` field of topology files.
    public static let formatName = "edgesim-topology"
    /// The format version this build reads and writes.
    public static let formatVersion = 1

    /// A human-readable name.
    public var name: String
    /// Where the topology came from.
    public var provenance: Provenance
    /// The nodes, in file order.
    public var nodes: [Node]
    /// The links, in file order.
    public var links: [Link]
    /// Shared media referenced by links.
    public var media: [SharedMedium]

    /// Creates a topology.
    public init(
        name: String, provenance: Provenance = Provenance(), nodes: [Node] = [], links: [Link] = [],
        media: [SharedMedium] = []
    ) {
        self.name = name
        self.provenance = provenance
        self.nodes = nodes
        self.links = links
        self.media = media
    }

    /// The number of nodes of each kind.
    public var nodeCountsByKind: [NodeKind: Int] {
        var counts: [NodeKind: Int] = [:]
        for node in nodes { counts[node.kind, default: 0] += 1 }
        return counts
    }
}
