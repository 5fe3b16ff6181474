/// GraphML's element names and namespaces (GraphML Primer; graphml-structure.xsd).
enum GraphMLElement: Equatable {
    case graphml, key, `default`, graph, node, edge, data, hyperedge, endpoint, port, desc, locator
    /// A name GraphML does not define (in a GraphML namespace).
    case unknown

    /// The namespace of GraphML 1.0/1.1.
    static let namespace: StaticString = "http://graphml.graphdrawing.org/xmlns"
    /// The namespace of the 1.0 release candidate, still found in old files.
    static let releaseCandidateNamespace: StaticString = "http://graphml.graphdrawing.org/xmlns/graphml"

    /// The element `name` denotes, or nil when it is in a foreign namespace
    /// (yEd's `y:`, XML Schema, ...). Elements without a namespace are GraphML.
    static func classify(_ name: XMLName) -> GraphMLElement? {
        if let namespace = name.namespace,
            !ValueParsing.equals(namespace, Self.namespace) && !ValueParsing.equals(namespace, Self.releaseCandidateNamespace)
        {
            return nil
        }
        let local = name.localName
        switch local.count {
        case 3:
            if ValueParsing.equals(local, "key") { return .key }
        case 4:
            if ValueParsing.equals(local, "data") { return .data }
            if ValueParsing.equals(local, "node") { return .node }
            if ValueParsing.equals(local, "edge") { return .edge }
            if ValueParsing.equals(local, "port") { return .port }
            if ValueParsing.equals(local, "desc") { return .desc }
        case 5:
            if ValueParsing.equals(local, "graph") { return .graph }
        case 7:
            if ValueParsing.equals(local, "graphml") { return .graphml }
            if ValueParsing.equals(local, "default") { return .default }
            if ValueParsing.equals(local, "locator") { return .locator }
        case 8:
            if ValueParsing.equals(local, "endpoint") { return .endpoint }
        case 9:
            if ValueParsing.equals(local, "hyperedge") { return .hyperedge }
        default:
            break
        }
        return .unknown
    }
}

/// Names of the attributes the reader records itself (labels in the output).
enum RecordedAttribute {
    /// The text of `<desc>` on a node or edge.
    static let description = "graphml.desc"
    /// `sourceport` / `targetport` of an edge.
    static let sourcePort = "graphml.sourceport"
    static let targetPort = "graphml.targetport"
    /// A yEd node or edge label (`y:NodeLabel`, `y:EdgeLabel`).
    static let label = "label"
    /// yEd node geometry (`y:Geometry` x and y, top-left corner).
    static let geometryX = "yed.x"
    static let geometryY = "yed.y"
}
