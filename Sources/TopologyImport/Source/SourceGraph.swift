import StreamingIO

/// An attributed graph as read from a file, before it is mapped to the
/// canonical topology: nodes, edges, graphs and attribute columns.
///
/// Storage is columnar (arrays of 32-bit numbers and `TextRef`s into one
/// `TextArena`), so a file of 100k nodes and 300k edges costs tens of
/// megabytes, not hundreds. Node and edge numbers follow document order.
/// GraphML and node-link JSON readers fill it through `SourceGraph+Building`.
final class SourceGraph {
    /// One `<graph>` element (or the single graph of a JSON file).
    struct GraphRecord {
        /// The `id` attribute, or `absent`.
        var id: TextRef
        /// `edgedefault="directed"` (GraphML's default is undirected, as in networkx).
        var isDirectedByDefault: Bool
        /// 0 for a top-level graph.
        var depth: Int
        /// The top-level graph this one belongs to.
        var topLevelIndex: Int32
        /// The line of the element.
        var line: Int32
        /// True when its nodes and edges are imported (`--graph` selection).
        var isSelected: Bool
    }

    /// What the reader counted while reading.
    struct Counts {
        var topLevelGraphs = 0
        var nestedGraphs = 0
        var hyperedgesSkipped = 0
        var portsSeen = 0
        var duplicateNodesMerged = 0
        var nodesCreated = 0
        var undeclaredKeys = 0
        var unknownAttributeTypes = 0
        var dataOutsideKeyScope = 0
        var payloadData = 0
        var ignoredData = 0
        var unknownElements = 0
        var keyDefaultsDeclared = 0
        var edgesWithDirectedAttribute = 0
        var edgesSkippedOutsideSelection = 0
        var nodesSkippedOutsideSelection = 0
    }

    /// The input as the user named it.
    let path: String
    /// All text of the graph.
    let arena: TextArena

    /// Attribute declarations with their value columns.
    @exclusivity(unchecked) var keys: [AttributeKey] = []
    @exclusivity(unchecked) var keyIds: [TextRef] = []
    let keyIndex = TextIndex()
    /// Counts changes to the keys (declarations, adoptions, defaults), not to
    /// their values: a writer that mapped nodes early checks it is unchanged.
    @exclusivity(unchecked) var keyRevision = 0
    /// Further keys sharing a key's id with another scope (igraph), by first key number.
    var keyVariants: [Int: [Int]] = [:]

    /// Node ids, lines, top-level graph and parent element (nested graphs).
    @exclusivity(unchecked) var nodeIds: [TextRef] = []
    @exclusivity(unchecked) var nodeLines: [Int32] = []
    @exclusivity(unchecked) var nodeTopLevelGraph: [Int32] = []
    /// The id of the node or edge whose nested graph holds the node (`absent` at the top).
    @exclusivity(unchecked) var nodeParents: [TextRef] = []
    let nodeIndex: NodeIdIndex
    /// Nodes created for undeclared edge endpoints.
    var createdNodes: [Int32] = []

    /// Edge ids (`absent` without one; empty while no edge has one, as most
    /// files give none: 8 bytes an edge saved), endpoints, direction, lines.
    @exclusivity(unchecked) var edgeIds: [TextRef] = []
    @exclusivity(unchecked) var edgeSources: [Int32] = []
    @exclusivity(unchecked) var edgeTargets: [Int32] = []
    @exclusivity(unchecked) var edgeDirected: [Bool] = []
    @exclusivity(unchecked) var edgeLines: [Int32] = []
    let edgeIndex = TextIndex()
    /// Endpoints naming a node not seen yet: (edge, is target, node id).
    @exclusivity(unchecked) var pendingEndpoints: [(edge: Int32, isTarget: Bool, id: TextRef)] = []

    /// Every `<graph>` element, in document order.
    @exclusivity(unchecked) var graphs: [GraphRecord] = []
    @exclusivity(unchecked) var counts = Counts()
    var warnings = ImportWarnings()

    /// Capacity hints from the input size.
    let expectedNodes: Int
    let expectedEdges: Int

    init(path: String, expectedNodes: Int = 16, expectedEdges: Int = 16) {
        self.path = path
        arena = TextArena(capacity: max(64 * 1024, expectedNodes * 24 + expectedEdges * 24))
        nodeIndex = NodeIdIndex(expectedCount: expectedNodes)
        // Capacity reserved but never written is not resident, so generous
        // reservations cost no memory and save the copies of regrowth.
        self.expectedNodes = expectedNodes
        self.expectedEdges = expectedEdges
        nodeIds.reserveCapacity(expectedNodes)
        nodeLines.reserveCapacity(expectedNodes)
        nodeTopLevelGraph.reserveCapacity(expectedNodes)
        edgeSources.reserveCapacity(expectedEdges)
        edgeTargets.reserveCapacity(expectedEdges)
        edgeDirected.reserveCapacity(expectedEdges)
        edgeLines.reserveCapacity(expectedEdges)
    }

    var nodeCount: Int { nodeIds.count }
    var edgeCount: Int { edgeSources.count }

    /// A location in the input.
    func location(line: Int32) -> SourceLocation {
        SourceLocation(path: path, line: line > 0 ? Int(line) : nil)
    }

    func nodeLocation(_ node: Int) -> SourceLocation { location(line: nodeLines[node]) }
    func edgeLocation(_ edge: Int) -> SourceLocation { location(line: edgeLines[edge]) }

    /// The id of node `node` as a `String`.
    func nodeId(_ node: Int) -> String { arena.string(nodeIds[node]) }

    /// The id of edge `edge`, or `absent`.
    func edgeId(_ edge: Int) -> TextRef { edge < edgeIds.count ? edgeIds[edge] : .absent }

    /// The node number of an id, if present.
    func node(withId id: String) -> Int? {
        var id = id
        return id.withUTF8 { utf8 in
            let bytes = UnsafeRawBufferPointer(utf8)
            return nodeIndex.find(bytes, arena: arena).map(Int.init)
        }
    }

    // MARK: - Attribute access for mappers

    /// The attribute named `name` for `domain` elements (nodes or edges), with
    /// `<default>`s applied when `applyingDefaults`. Keys whose names repeat
    /// are merged: an explicit value of any of them wins over a default.
    func column(named name: String, for domain: AttributeDomain, applyingDefaults: Bool) -> TextColumn? {
        var parts: [TextColumn.Part] = []
        var type: AttributeType?
        for key in keys where key.name == name && !key.isPayload && keyApplies(key, to: domain) {
            let values = key.values(for: domain)
            let fallback = applyingDefaults && key.domain.covers(domain) ? key.defaultValue : .absent
            if values.isEmpty && fallback.isAbsent { continue }
            parts.append(TextColumn.Part(values: values, fallback: fallback))
            type = type ?? key.type
        }
        guard let type, !parts.isEmpty else { return nil }
        return TextColumn(name: name, type: type, parts: parts)
    }

    /// Every attribute name with values (or applicable defaults) for `domain`,
    /// in declaration order, payload keys excluded.
    func attributeNames(for domain: AttributeDomain, applyingDefaults: Bool) -> [String] {
        var names: [String] = []
        var seen: Set<String> = []
        for key in keys where !key.isPayload && keyApplies(key, to: domain) {
            let hasValues = !key.values(for: domain).isEmpty
            let hasDefault = applyingDefaults && key.domain.covers(domain) && key.defaultValue.isPresent
            if (hasValues || hasDefault) && seen.insert(key.name).inserted { names.append(key.name) }
        }
        return names
    }

    private func keyApplies(_ key: AttributeKey, to domain: AttributeDomain) -> Bool {
        key.domain.covers(domain) || !key.values(for: domain).isEmpty
    }

    /// Graph-level attribute values of the graph numbered `graph`: (name, value) in key order.
    func graphAttributes(_ graph: Int, applyingDefaults: Bool) -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        for key in keys where !key.isPayload {
            var value = graph < key.graphValues.count ? key.graphValues[graph] : .absent
            if value.isAbsent && applyingDefaults && key.domain.covers(.graph) { value = key.defaultValue }
            if value.isPresent { result.append((key.name, arena.string(value))) }
        }
        return result
    }
}
