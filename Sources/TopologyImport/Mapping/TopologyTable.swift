import ScenarioModel

/// A canonical topology in columnar form: what mappers produce.
///
/// It holds the same information as `Topology` but costs a few bytes per
/// element instead of a struct with a label dictionary each: ids and label
/// values are `TextRef`s into the source's `TextArena`, labels are columns
/// shared with the source graph, and nodes share their figure sets. It
/// writes the canonical JSON directly (`TopologyTable+Writing`), byte for byte
/// what `Topology.write(to:)` writes, and converts to `Topology` for callers
/// who want the value types.
final class TopologyTable {
    /// A label: a name and its value per element (`absent` = no label).
    struct LabelColumn {
        var name: String
        var values: TextColumn
    }

    var name: String = ""
    var provenance = Provenance()
    let arena: TextArena

    // MARK: Nodes

    @exclusivity(unchecked) var nodeIds: [TextRef] = []
    @exclusivity(unchecked) var nodeProfiles: [UInt32] = []
    @exclusivity(unchecked) private(set) var profiles: [NodeFigures] = []
    @exclusivity(unchecked) private var profileNumbers: [NodeFigures: UInt32] = [:]
    /// Recently used profile numbers by `NodeFigures.quickHash` (-1 = empty),
    /// checked before the dictionary: hashing every node's figures with
    /// `Hasher` was a tenth of node mapping.
    @exclusivity(unchecked) private var recentProfiles = [Int32](repeating: -1, count: 256)
    /// Positions per node; empty when no node has one.
    @exclusivity(unchecked) var nodePositions: [Position?] = []
    @exclusivity(unchecked) var nodeLabels: [LabelColumn] = []
    /// Set by mappers whose node ids come from an already de-duplicated source.
    var nodeIdsAreUnique = false

    // MARK: Links

    /// Link ids (`absent` = null); empty when no link has an id.
    @exclusivity(unchecked) var linkIds: [TextRef] = []
    @exclusivity(unchecked) var linkSources: [Int32] = []
    @exclusivity(unchecked) var linkTargets: [Int32] = []
    @exclusivity(unchecked) var linkDirected: [Bool] = []
    @exclusivity(unchecked) var linkBandwidths = DoubleColumn()
    @exclusivity(unchecked) var linkLatencies = DoubleColumn()
    /// Distributions per link; empty when no link has one.
    @exclusivity(unchecked) var linkDistributions: [LatencyDistribution?] = []
    /// Medium number per link (-1 = none); empty when no link uses a medium.
    @exclusivity(unchecked) var linkMedia: [Int32] = []
    @exclusivity(unchecked) var linkLabels: [LabelColumn] = []
    /// Set by mappers whose link ids come from an already de-duplicated source.
    var linkIdsAreUnique = false

    @exclusivity(unchecked) var media: [SharedMedium] = []

    init(arena: TextArena) {
        self.arena = arena
    }

    var nodeCount: Int { nodeIds.count }
    var linkCount: Int { linkSources.count }

    // MARK: - Building

    /// The number of a figure set, stored once.
    func profile(_ figures: NodeFigures) -> UInt32 {
        let slot = figures.quickHash & 255
        let recent = recentProfiles[slot]
        if recent >= 0 && profiles[Int(recent)] == figures { return UInt32(recent) }
        let number = storedProfile(figures)
        recentProfiles[slot] = Int32(truncatingIfNeeded: number)
        return number
    }

    private func storedProfile(_ figures: NodeFigures) -> UInt32 {
        if let number = profileNumbers[figures] { return number }
        let number = UInt32(truncatingIfNeeded: profiles.count)
        profiles.append(figures)
        profileNumbers[figures] = number
        return number
    }

    /// Appends a node; returns its number.
    @discardableResult
    func addNode(id: TextRef, figures: NodeFigures, position: Position? = nil) -> Int32 {
        let number = Int32(truncatingIfNeeded: nodeIds.count)
        nodeIds.append(id)
        nodeProfiles.append(profile(figures))
        setPosition(position, of: Int(number))
        return number
    }

    /// Sets a node's position, allocating the column on first use.
    func setPosition(_ position: Position?, of node: Int) {
        if position != nil && nodePositions.isEmpty {
            // Mappers may set positions before the ids (nodes mapped in blocks).
            nodePositions = Array(repeating: nil, count: max(nodeIds.count, node + 1))
        }
        guard !nodePositions.isEmpty else { return }
        if node >= nodePositions.count {
            nodePositions.append(contentsOf: repeatElement(nil, count: node + 1 - nodePositions.count))
        }
        nodePositions[node] = position
    }

    /// Appends a link; returns its number.
    @discardableResult
    func addLink(
        id: TextRef = .absent, source: Int32, target: Int32, directed: Bool, bandwidthMbps: Double, latencyMs: Double,
        distribution: LatencyDistribution? = nil, medium: Int32 = -1
    ) -> Int32 {
        let number = linkSources.count
        if id.isPresent || !linkIds.isEmpty { Self.append(id, at: number, to: &linkIds, filler: .absent) }
        linkSources.append(source)
        linkTargets.append(target)
        linkDirected.append(directed)
        linkBandwidths.append(bandwidthMbps)
        linkLatencies.append(latencyMs)
        if distribution != nil || !linkDistributions.isEmpty {
            Self.append(distribution, at: number, to: &linkDistributions, filler: nil)
        }
        if medium >= 0 || !linkMedia.isEmpty { Self.append(medium, at: number, to: &linkMedia, filler: -1) }
        return Int32(truncatingIfNeeded: number)
    }

    /// Stores `value` at `index` of a lazily allocated column, padding with `filler`.
    private static func append<Value>(_ value: Value, at index: Int, to column: inout [Value], filler: Value) {
        if column.count < index { column.append(contentsOf: repeatElement(filler, count: index - column.count)) }
        column.append(value)
    }

    /// Adds a label column for nodes or links, merging columns that share a name
    /// (the earlier one's values win).
    static func merge(_ column: LabelColumn, into columns: inout [LabelColumn]) {
        if let index = columns.firstIndex(where: { $0.name == column.name }) {
            columns[index].values.parts.append(contentsOf: column.values.parts)
        } else {
            columns.append(column)
        }
    }

    /// Sorts label columns by name, as canonical writers order label keys.
    func sortLabels() {
        nodeLabels.sort { $0.name < $1.name }
        linkLabels.sort { $0.name < $1.name }
    }

    // MARK: - Accessors

    func figures(ofNode node: Int) -> NodeFigures { profiles[Int(nodeProfiles[node])] }
    func position(ofNode node: Int) -> Position? { node < nodePositions.count ? nodePositions[node] : nil }
    func linkId(_ link: Int) -> TextRef { link < linkIds.count ? linkIds[link] : .absent }
    func distribution(ofLink link: Int) -> LatencyDistribution? { link < linkDistributions.count ? linkDistributions[link] : nil }
    func medium(ofLink link: Int) -> Int32 { link < linkMedia.count ? linkMedia[link] : -1 }

    /// The labels of node `node`, as a dictionary (conversion and tests).
    func labels(ofNode node: Int) -> [String: String] { labels(nodeLabels, node) }
    /// The labels of link `link`, as a dictionary.
    func labels(ofLink link: Int) -> [String: String] { labels(linkLabels, link) }

    private func labels(_ columns: [LabelColumn], _ index: Int) -> [String: String] {
        var result: [String: String] = [:]
        for column in columns {
            let value = column.values.value(index)
            if value.isPresent && result[column.name] == nil { result[column.name] = arena.string(value) }
        }
        return result
    }

    /// Counts of nodes per kind.
    var nodeCountsByKind: [NodeKind: Int] {
        var perProfile = Array(repeating: 0, count: profiles.count)
        for profile in nodeProfiles { perProfile[Int(profile)] += 1 }
        var counts: [NodeKind: Int] = [:]
        for (index, figures) in profiles.enumerated() { counts[figures.kind, default: 0] += perProfile[index] }
        return counts
    }
}
