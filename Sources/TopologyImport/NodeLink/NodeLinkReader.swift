import StreamingIO

/// Reads networkx node-link JSON (`nx.node_link_data`: `directed`,
/// `multigraph`, `graph`, `nodes`, `links` or `edges`) into a `SourceGraph`,
/// so the Ether and generic mappers treat it exactly like GraphML.
///
/// Attribute types come from the JSON values (strings, numbers, booleans);
/// nested objects and arrays are kept as compact JSON text; null is missing.
enum NodeLinkReader {
    static func read(path: String, undeclaredNodes: UndeclaredNodePolicy) throws(TopologyImportError) -> SourceGraph {
        let reader = try TopologyImportError.catching { try JSONReader(path: path) }
        return try read(reader, undeclaredNodes: undeclaredNodes)
    }

    static func read(_ reader: JSONReader, undeclaredNodes: UndeclaredNodePolicy) throws(TopologyImportError) -> SourceGraph {
        let graph = SourceGraph(path: reader.path)
        graph.graphs.append(SourceGraph.GraphRecord(
            id: .absent, isDirectedByDefault: false, depth: 0, topLevelIndex: 0, line: 1, isSelected: true))
        graph.counts.topLevelGraphs = 1
        var isDirected = false
        var sawNodes = false
        var sawLinks = false
        try TopologyImportError.catching {
            _ = try reader.peekKind()
            let start = reader.location()
            try reader.readObject { key in
                switch key {
                case "directed": isDirected = try reader.readBool()
                case "multigraph": _ = try reader.readBool()
                case "graph":
                    try reader.readObject { name in try readAttribute(reader, graph, name: name, domain: .graph, element: 0) }
                case "nodes":
                    sawNodes = true
                    try reader.readArray { _ in try readNode(reader, graph) }
                case "links", "edges":
                    sawLinks = true
                    try reader.readArray { _ in try readLink(reader, graph) }
                default:
                    try reader.skipValue()
                }
            }
            try reader.expectEnd()
            if !sawNodes || !sawLinks {
                throw StreamingIOError.malformedJSON(start, message: "node-link JSON has 'nodes' and 'links' (or 'edges') arrays")
            }
        }
        graph.graphs[0].isDirectedByDefault = isDirected
        for edge in graph.edgeDirected.indices { graph.edgeDirected[edge] = isDirected }
        try graph.finish(undeclaredNodes: undeclaredNodes)
        return graph
    }

    private static func readNode(_ reader: JSONReader, _ graph: SourceGraph) throws {
        _ = try reader.peekKind()
        let line = Int32(clamping: reader.location().line ?? 0)
        // Attributes may precede "id": collect them, then add the node.
        var id: String?
        var attributes: [(String, String, AttributeType)] = []
        try reader.readObject { key in
            if key == "id" {
                id = try scalarText(reader).text
            } else if let value = try valueText(reader) {
                attributes.append((key, value.text, value.type))
            }
        }
        guard let id else { throw reader.error("a node without an 'id'") }
        let node = try id.withBytes { (bytes) throws(TopologyImportError) in
            try graph.addNode(id: bytes, line: line, topLevelGraph: 0, parent: .absent)
        }
        for (name, value, type) in attributes {
            try store(graph, name: name, value: value, type: type, domain: .node, element: Int(node))
        }
    }

    private static func readLink(_ reader: JSONReader, _ graph: SourceGraph) throws {
        _ = try reader.peekKind()
        let line = Int32(clamping: reader.location().line ?? 0)
        var source: String?
        var target: String?
        var id: String?
        var attributes: [(String, String, AttributeType)] = []
        try reader.readObject { key in
            switch key {
            case "source": source = try scalarText(reader).text
            case "target": target = try scalarText(reader).text
            case "id": id = try scalarText(reader).text
            default:
                if let value = try valueText(reader) { attributes.append((key, value.text, value.type)) }
            }
        }
        guard let source, let target else { throw reader.error("a link needs 'source' and 'target'") }
        let edge = try source.withBytes { (sourceBytes) throws(TopologyImportError) in
            try target.withBytes { (targetBytes) throws(TopologyImportError) in
                if let id {
                    return try id.withBytes { (idBytes) throws(TopologyImportError) in
                        try graph.addEdge(id: idBytes, source: sourceBytes, target: targetBytes, isDirected: false, line: line)
                    }
                }
                return try graph.addEdge(id: nil, source: sourceBytes, target: targetBytes, isDirected: false, line: line)
            }
        }
        for (name, value, type) in attributes {
            try store(graph, name: name, value: value, type: type, domain: .edge, element: Int(edge))
        }
    }

    private static func readAttribute(
        _ reader: JSONReader, _ graph: SourceGraph, name: String, domain: AttributeDomain, element: Int
    ) throws {
        guard let value = try valueText(reader) else { return }
        try store(graph, name: name, value: value.text, type: value.type, domain: domain, element: element)
    }

    private static func store(
        _ graph: SourceGraph, name: String, value: String, type: AttributeType, domain: AttributeDomain, element: Int
    ) throws(TopologyImportError) {
        // An empty string is missing, as an empty GraphML <data> is: the two readers agree, and a
        // topology imported from either exports to GraphML and imports back the same.
        guard !value.isEmpty else { return }
        guard value.utf8.count <= TextRef.maximumLength, name.utf8.count <= TextRef.maximumLength else {
            throw .invalid(
                graph.location(line: domain == .edge ? graph.edgeLines.last ?? 0 : graph.nodeLines.last ?? 0),
                message: "attribute '\(name.prefix(40))' holds more than \(TextRef.maximumLength) bytes")
        }
        let key = try name.withBytes { (bytes) throws(TopologyImportError) -> Int in
            if let existing = graph.keyNumber(forId: bytes) { return existing }
            return try graph.declareKey(id: bytes, name: name, type: type, domain: domain, isPayload: false, line: 0)
        }
        if graph.keys[key].type != type && graph.keys[key].type != .string {
            // Mixed JSON types under one name: keep them all as text.
            graph.keys[key].type = .string
        }
        if !graph.keys[key].domain.covers(domain) { graph.keys[key].domain = .all }
        let reference = graph.arena.append(value)
        graph.setStoredValue(key: key, domain: domain, element: element, value: reference)
    }

    // MARK: - Values

    /// A scalar's text and type; nil for null.
    private static func valueText(_ reader: JSONReader) throws -> (text: String, type: AttributeType)? {
        switch try reader.peekKind() {
        case .null:
            _ = try reader.readNullIfPresent()
            return nil
        case .object, .array:
            var text = ""
            try compactJSON(reader, into: &text)
            return (text, .string)
        default:
            return try scalarText(reader)
        }
    }

    private static func scalarText(_ reader: JSONReader) throws -> (text: String, type: AttributeType) {
        switch try reader.peekKind() {
        case .string: return (try reader.readString(), .string)
        case .number:
            let value = try reader.readDouble()
            if value == value.rounded() && abs(value) < 9_007_199_254_740_992 { return (String(Int64(value)), .long) }
            return (String(value), .double)
        case .bool: return (try reader.readBool() ? "true" : "false", .boolean)
        case .null:
            _ = try reader.readNullIfPresent()
            return ("", .string)
        case .object, .array:
            throw reader.error("expected a string or a number")
        }
    }

    /// Re-serialises a nested value compactly (keys in file order).
    private static func compactJSON(_ reader: JSONReader, into text: inout String) throws {
        switch try reader.peekKind() {
        case .object:
            text += "{"
            var first = true
            try reader.readObject { key in
                text += first ? "" : ", "
                first = false
                text += quoted(key) + ": "
                try compactJSON(reader, into: &text)
            }
            text += "}"
        case .array:
            text += "["
            var first = true
            try reader.readArray { _ in
                text += first ? "" : ", "
                first = false
                try compactJSON(reader, into: &text)
            }
            text += "]"
        case .string: text += quoted(try reader.readString())
        case .null:
            _ = try reader.readNullIfPresent()
            text += "null"
        default: text += try scalarText(reader).text
        }
    }

    private static func quoted(_ text: String) -> String {
        var result = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": result += "\\\""
            case "\\": result += "\\\\"
            case "\n": result += "\\n"
            case "\r": result += "\\r"
            case "\t": result += "\\t"
            default:
                if scalar.value < 0x20 {
                    let hex = String(scalar.value, radix: 16)
                    result += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    result.unicodeScalars.append(scalar)
                }
            }
        }
        return result + "\""
    }
}
