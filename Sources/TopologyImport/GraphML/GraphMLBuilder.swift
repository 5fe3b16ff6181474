import StreamingIO

/// The GraphML state machine: turns SAX events into a `SourceGraph`.
///
/// Handles every point of the GraphML checklist (topologies.md §5.3/5.4): the
/// standard, 1.0rc and absent namespaces; `<key>` types, scopes and
/// `<default>`s; `edgedefault` and per-edge `directed`; several top-level
/// graphs and nested graphs (flattened, the parent recorded); hyperedges
/// (skipped and counted) and ports (counted, edge ports recorded); yEd/yFiles
/// payloads (skipped, node/edge labels and geometry harvested); `<desc>`.
final class GraphMLBuilder: XMLEventSink {
    enum Frame {
        case root
        case key(Int)
        case keyDefault(Int)
        case graph(Int)
        /// A node or edge; -1 when outside the selected graphs.
        case node(Int32)
        case edge(Int32)
        case data(DataFrame)
        /// Inside a `<data>` whose content is markup (yEd graphics).
        case payload
        case description(owner: Owner)
        case hyperedge, port, endpoint, locator
        /// An element the reader skips with its content.
        case skipped
    }

    enum Owner {
        case node(Int32), edge(Int32), graph(Int), none
    }

    struct DataFrame {
        var key: Int
        var owner: Owner
        var line: Int32
    }

    let graph: SourceGraph
    let selection: GraphSelection
    /// Called when a node of the selected graphs ends, with its number
    /// (a streaming writer maps and writes nodes while the file is read).
    var nodeEnded: ((Int32) -> Void)?
    @exclusivity(unchecked) var failure: TopologyImportError? {
        didSet { hasFailed = failure != nil }
    }
    @exclusivity(unchecked) private(set) var hasFailed = false

    @exclusivity(unchecked) var frames: [Frame] = []
    @exclusivity(unchecked) var text = GrowableBytes(capacity: 256)
    @exclusivity(unchecked) var isCapturing = false
    @exclusivity(unchecked) var sawRoot = false
    /// Ids of the nodes/edges whose nested graphs are open (innermost last).
    @exclusivity(unchecked) var parentIds: [TextRef] = []
    /// yEd harvesting inside a payload: owner, and the depth of the label element being read.
    @exclusivity(unchecked) var payloadOwner: Owner = .none
    @exclusivity(unchecked) var payloadDepth = 0
    @exclusivity(unchecked) var labelCaptureDepth = 0
    @exclusivity(unchecked) var harvestedLabel = false
    @exclusivity(unchecked) var harvestedGeometry = false

    init(graph: SourceGraph, selection: GraphSelection) {
        self.graph = graph
        self.selection = selection
        frames.reserveCapacity(32)
    }

    deinit {
        text.deallocate()
    }

    // MARK: - Events

    func startElement(_ name: XMLName, attributes: XMLAttributes, line: Int32) {
        do {
            try handleStart(name, attributes, line)
        } catch {
            failure = failure ?? error
        }
    }

    func endElement(line: Int32) {
        do {
            try handleEnd(line)
        } catch {
            failure = failure ?? error
        }
    }

    func characters(_ bytes: UnsafeRawBufferPointer) {
        guard isCapturing else { return }
        if text.count + bytes.count > TextRef.maximumLength {
            failure = failure ?? .invalid(
                SourceLocation(path: graph.path), message: "a text value exceeds \(TextRef.maximumLength) bytes")
            isCapturing = false
            return
        }
        text.append(bytes)
    }

    // MARK: - Start tags

    private func handleStart(_ name: XMLName, _ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        guard let parent = frames.last else {
            try startRoot(name, line)
            return
        }
        switch parent {
        case .payload, .skipped:
            frames.append(parent)
            if case .payload = parent { harvest(name, attributes, line) }
            return
        case .data(let data):
            // Markup inside <data>: a payload (yEd graphics), not a value.
            frames[frames.count - 1] = .payload
            graph.counts.payloadData += 1
            isCapturing = false
            payloadOwner = data.owner
            payloadDepth = frames.count
            harvestedLabel = false
            harvestedGeometry = false
            frames.append(.payload)
            harvest(name, attributes, line)
            return
        default:
            break
        }
        guard let element = GraphMLElement.classify(name) else {
            frames.append(.skipped)
            return
        }
        isCapturing = false
        switch element {
        case .key: try startKey(attributes, line)
        case .default: try startDefault(parent, line)
        case .graph: try startGraph(parent, attributes, line)
        case .node: try startNode(parent, attributes, line)
        case .edge: try startEdge(parent, attributes, line)
        case .data: try startData(parent, attributes, line)
        case .desc: startDescription(parent)
        case .hyperedge:
            graph.counts.hyperedgesSkipped += 1
            if graph.counts.hyperedgesSkipped <= 3 {
                graph.warnings.add(graph.location(line: line), "<hyperedge> skipped (hyperedges have no canonical form; counted in hyperedges_skipped)")
            }
            frames.append(.hyperedge)
        case .port:
            graph.counts.portsSeen += 1
            frames.append(.port)
        case .endpoint: frames.append(.endpoint)
        case .locator: frames.append(.locator)
        case .graphml:
            throw .invalid(graph.location(line: line), message: "a <graphml> element inside the document")
        case .unknown:
            graph.counts.unknownElements += 1
            graph.warnings.add(graph.location(line: line), "unknown GraphML element <\(name.localString)> skipped with its content")
            frames.append(.skipped)
        }
    }

    private func startRoot(_ name: XMLName, _ line: Int32) throws(TopologyImportError) {
        guard GraphMLElement.classify(name) == .graphml else {
            let namespace = name.namespace.map { " in namespace '\(MessageText.excerpt(String(decoding: $0, as: UTF8.self)))'" } ?? ""
            throw .unrecognised(
                graph.location(line: line),
                message: "not GraphML: the root element is <\(name.localString)>\(namespace), expected <graphml>")
        }
        sawRoot = true
        frames.append(.root)
    }

    /// An attribute value as text, with libxml2's `&#38;` for an escaped ampersand decoded.
    private static func decodedString(_ raw: UnsafeRawBufferPointer) throws(TopologyImportError) -> String {
        try XMLAttributes.withDecoded(raw) { (bytes) throws(TopologyImportError) in String(decoding: bytes, as: UTF8.self) }
    }

    private func startKey(_ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        guard let id = attributes.value("id"), id.count > 0 else {
            throw .invalid(graph.location(line: line), message: "a <key> without an id")
        }
        let domain: AttributeDomain
        if let scope = attributes.value("for") {
            let text = String(decoding: scope, as: UTF8.self)
            if let known = AttributeDomain(rawValue: text) {
                domain = known
            } else {
                graph.warnings.add(graph.location(line: line), "<key> for=\"\(MessageText.excerpt(text))\" is not a GraphML scope: treated as for=\"all\"")
                domain = .all
            }
        } else {
            domain = .all
        }
        let payloadType = try attributes.value("yfiles.type").map(Self.decodedString)
        var type = AttributeType.string
        if let declared = attributes.value("attr.type") {
            let text = String(decoding: declared, as: UTF8.self)
            if let known = AttributeType(declared: text) {
                type = known
            } else {
                graph.counts.unknownAttributeTypes += 1
                graph.warnings.add(graph.location(line: line), "<key> attr.type=\"\(MessageText.excerpt(text))\" is not a GraphML type: values read as strings")
            }
        }
        let attributeName = try attributes.value("attr.name").map(Self.decodedString) ?? payloadType
        let number = try XMLAttributes.withDecoded(id) { (bytes) throws(TopologyImportError) in
            try graph.declareKey(
                id: bytes, name: attributeName, type: type, domain: domain, isPayload: payloadType != nil, line: line)
        }
        frames.append(.key(number))
    }

    private func startDefault(_ parent: Frame, _ line: Int32) throws(TopologyImportError) {
        guard case .key(let key) = parent else {
            frames.append(.skipped)
            return
        }
        beginCapture()
        frames.append(.keyDefault(key))
    }

    private func startGraph(_ parent: Frame, _ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        let isDirected: Bool
        if let value = attributes.value("edgedefault") {
            if ValueParsing.equals(value, "directed") {
                isDirected = true
            } else if ValueParsing.equals(value, "undirected") {
                isDirected = false
            } else {
                throw .invalid(
                    graph.location(line: line),
                    message: "edgedefault=\(ValueParsing.excerpt(value)): expected \"directed\" or \"undirected\"")
            }
        } else {
            isDirected = false
        }
        let id = try attributes.value("id").map { (raw) throws(TopologyImportError) in
            try XMLAttributes.withDecoded(raw) { (bytes) throws(TopologyImportError) in graph.arena.append(bytes) }
        } ?? .absent
        var topLevel: Int32
        var isSelected: Bool
        var depth = 0
        switch parent {
        case .root:
            topLevel = Int32(truncatingIfNeeded: graph.counts.topLevelGraphs)
            graph.counts.topLevelGraphs += 1
            switch selection {
            case .all: isSelected = true
            case .index(let wanted): isSelected = wanted == Int(topLevel)
            }
            parentIds.append(.absent)
        case .node(let node):
            graph.counts.nestedGraphs += 1
            (topLevel, isSelected, depth) = enclosingGraph()
            parentIds.append(node >= 0 ? graph.nodeIds[Int(node)] : .absent)
        case .edge(let edge):
            graph.counts.nestedGraphs += 1
            (topLevel, isSelected, depth) = enclosingGraph()
            parentIds.append(edge >= 0 ? graph.edgeId(Int(edge)) : .absent)
        default:
            throw .invalid(graph.location(line: line), message: "a <graph> must be inside <graphml>, <node> or <edge>")
        }
        if case .node(let node) = parent, node < 0 { isSelected = false }
        if case .edge(let edge) = parent, edge < 0 { isSelected = false }
        let record = SourceGraph.GraphRecord(
            id: id, isDirectedByDefault: isDirected, depth: depth, topLevelIndex: topLevel, line: line, isSelected: isSelected)
        graph.graphs.append(record)
        frames.append(.graph(graph.graphs.count - 1))
    }

    private func enclosingGraph() -> (topLevel: Int32, isSelected: Bool, depth: Int) {
        for frame in frames.reversed() {
            if case .graph(let index) = frame {
                let record = graph.graphs[index]
                return (record.topLevelIndex, record.isSelected, record.depth + 1)
            }
        }
        return (-1, false, 1)
    }

    private func startNode(_ parent: Frame, _ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        guard case .graph(let graphIndex) = parent else {
            throw .invalid(graph.location(line: line), message: "a <node> must be inside a <graph>\(Self.context(parent))")
        }
        let record = graph.graphs[graphIndex]
        guard record.isSelected else {
            graph.counts.nodesSkippedOutsideSelection += 1
            frames.append(.node(-1))
            return
        }
        guard let id = attributes.value("id") else {
            throw .invalid(graph.location(line: line), message: "a <node> without an id")
        }
        let parentId = record.depth > 0 ? parentIds.last ?? .absent : .absent
        let number = XMLAttributes.needsDecoding(id)
            ? try XMLAttributes.withDecoded(id) { (bytes) throws(TopologyImportError) in
                try graph.addNode(id: bytes, line: line, topLevelGraph: record.topLevelIndex, parent: parentId)
            }
            : try graph.addNode(id: id, line: line, topLevelGraph: record.topLevelIndex, parent: parentId)
        frames.append(.node(number))
    }

    private func startEdge(_ parent: Frame, _ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        guard case .graph(let graphIndex) = parent else {
            throw .invalid(graph.location(line: line), message: "an <edge> must be inside a <graph>\(Self.context(parent))")
        }
        let record = graph.graphs[graphIndex]
        guard record.isSelected else {
            graph.counts.edgesSkippedOutsideSelection += 1
            frames.append(.edge(-1))
            return
        }
        guard let source = attributes.value("source"), let target = attributes.value("target") else {
            throw .invalid(graph.location(line: line), message: "an <edge> needs both source and target")
        }
        var isDirected = record.isDirectedByDefault
        if let value = attributes.value("directed") {
            guard let flag = ValueParsing.bool(value) else {
                throw .invalid(graph.location(line: line), message: "directed=\(ValueParsing.excerpt(value)): expected true or false")
            }
            isDirected = flag
            graph.counts.edgesWithDirectedAttribute += 1
        }
        let id = attributes.value("id")
        let number: Int32
        if !XMLAttributes.needsDecoding(source) && !XMLAttributes.needsDecoding(target) && id == nil {
            // The common edge, without the closures below (a retain of the graph each).
            number = try graph.addEdge(id: nil, source: source, target: target, isDirected: isDirected, line: line)
        } else {
            number = try addEdge(id: id, source: source, target: target, isDirected: isDirected, line: line)
        }
        if let port = attributes.value("sourceport") {
            try recordPort(port, as: RecordedAttribute.sourcePort, edge: number, line: line)
        }
        if let port = attributes.value("targetport") {
            try recordPort(port, as: RecordedAttribute.targetPort, edge: number, line: line)
        }
        frames.append(.edge(number))
    }

    /// Adds an edge whose attribute values may hold an escaped ampersand.
    private func addEdge(
        id: UnsafeRawBufferPointer?, source: UnsafeRawBufferPointer, target: UnsafeRawBufferPointer, isDirected: Bool,
        line: Int32
    ) throws(TopologyImportError) -> Int32 {
        try XMLAttributes.withDecoded(source) { (sourceBytes) throws(TopologyImportError) in
            try XMLAttributes.withDecoded(target) { (targetBytes) throws(TopologyImportError) in
                if let id {
                    return try XMLAttributes.withDecoded(id) { (idBytes) throws(TopologyImportError) in
                        try graph.addEdge(id: idBytes, source: sourceBytes, target: targetBytes, isDirected: isDirected, line: line)
                    }
                }
                return try graph.addEdge(id: nil, source: sourceBytes, target: targetBytes, isDirected: isDirected, line: line)
            }
        }
    }

    private func recordPort(
        _ port: UnsafeRawBufferPointer, as name: String, edge: Int32, line: Int32
    ) throws(TopologyImportError) {
        let key = graph.recordedKey(named: name, origin: .recorded)
        try XMLAttributes.withDecoded(port) { (bytes) throws(TopologyImportError) in
            try graph.setValue(key: key, domain: .edge, element: Int(edge), bytes: bytes, line: line)
        }
    }

    private func startData(_ parent: Frame, _ attributes: XMLAttributes, _ line: Int32) throws(TopologyImportError) {
        let owner: Owner
        let domain: AttributeDomain
        switch parent {
        case .node(let node) where node >= 0: (owner, domain) = (.node(node), .node)
        case .edge(let edge) where edge >= 0: (owner, domain) = (.edge(edge), .edge)
        case .graph(let index) where graph.graphs[index].isSelected: (owner, domain) = (.graph(index), .graph)
        default:
            // graphml-level data (yEd resources), hyperedge/port/endpoint data,
            // or data of unselected elements: not part of the topology.
            graph.counts.ignoredData += 1
            frames.append(.skipped)
            return
        }
        guard let keyId = attributes.value("key") else {
            throw .invalid(graph.location(line: line), message: "a <data> without a key attribute")
        }
        let key = XMLAttributes.needsDecoding(keyId)
            ? try XMLAttributes.withDecoded(keyId) { (bytes) throws(TopologyImportError) in
                graph.keyForData(id: bytes, domain: domain, line: line)
            }
            : graph.keyForData(id: keyId, domain: domain, line: line)
        if graph.keyTraits(key).isPayload {
            graph.counts.payloadData += 1
            payloadOwner = owner
            payloadDepth = frames.count + 1
            harvestedLabel = false
            harvestedGeometry = false
            frames.append(.payload)
            return
        }
        beginCapture()
        frames.append(.data(DataFrame(key: key, owner: owner, line: line)))
    }

    private func startDescription(_ parent: Frame) {
        let owner: Owner
        switch parent {
        case .node(let node) where node >= 0: owner = .node(node)
        case .edge(let edge) where edge >= 0: owner = .edge(edge)
        case .graph(let index) where graph.graphs[index].isSelected: owner = .graph(index)
        default: owner = .none
        }
        beginCapture()
        frames.append(.description(owner: owner))
    }

    /// " (found inside <node>)" and the like, for structure errors.
    private static func context(_ frame: Frame) -> String {
        switch frame {
        case .root: return " (found directly inside <graphml>)"
        case .node: return " (found inside a <node>)"
        case .edge: return " (found inside an <edge>)"
        case .key, .keyDefault: return " (found inside a <key>)"
        default: return ""
        }
    }

    private func beginCapture() {
        text.removeAll()
        isCapturing = true
    }
}
