import StreamingIO

/// Recognises topology inputs by content, never by file name.
enum FormatDetector {
    /// The syntax of an input, from its first significant byte.
    enum Syntax: Equatable {
        case xml, json
    }

    /// The JSON shapes edgesim reads.
    enum JSONShape: Equatable {
        /// `{"nodes": {...}, "links": {"path_info", "neighbours"}}`.
        case peersimGym
        /// `{"nodes": [...], "links": [...]}` (networkx node-link).
        case nodeLink
    }

    /// XML or JSON, skipping a UTF-8 byte-order mark and whitespace; nil
    /// when the bytes are neither.
    static func syntax(of prefix: UnsafeRawBufferPointer) -> Syntax? {
        var index = 0
        if prefix.count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF { index = 3 }
        // UTF-16 XML starts with a byte-order mark or "<\0" / "\0<".
        if prefix.count >= 2 && ((prefix[0] == 0xFF && prefix[1] == 0xFE) || (prefix[0] == 0xFE && prefix[1] == 0xFF)) {
            return .xml
        }
        while index < prefix.count {
            switch prefix[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "<"): return .xml
            case UInt8(ascii: "{"): return .json
            case 0x00 where index + 1 < prefix.count && prefix[index + 1] == UInt8(ascii: "<"): return .xml
            default: return nil
            }
        }
        return nil
    }

    /// The shape of a JSON document: whether `nodes` is an object (PeersimGym)
    /// or an array (node-link); nil when it has no `nodes`.
    static func jsonShape(of bytes: [UInt8], path: String) throws(TopologyImportError) -> JSONShape? {
        let reader = JSONReader(bytes: bytes, path: path)
        var shape: JSONShape?
        try TopologyImportError.catching {
            guard try reader.peekKind() == .object else {
                throw reader.error("expected a JSON object (node-link or PeersimGym topology)")
            }
            try reader.readObject { key in
                if key == "nodes" {
                    switch try reader.peekKind() {
                    case .object: shape = .peersimGym
                    case .array: shape = .nodeLink
                    default: break
                    }
                }
                try reader.skipValue()
            }
        }
        return shape
    }

    /// The mapping `auto` chooses for a parsed graph: Ether when vertices carry
    /// Ether's `kind` with `cpu_millis` or `link_type` (or the graph names
    /// edgerun-ether as generator), Topology Zoo when nodes have `Latitude`
    /// and `Longitude`, edges `LinkSpeed*`, or the graph the Zoo's own
    /// attributes (`Creator` "Topology Zoo Toolset"; `Network`, `GeoExtent`
    /// and `NetworkDate`), else generic GraphML.
    static func mapping(for graph: SourceGraph) -> TopologyFormat {
        var nodeNames: Set<String> = []
        var edgeNames: Set<String> = []
        var graphNames: Set<String> = []
        var graphValues: [String: String] = [:]
        for key in graph.keys where !key.isPayload {
            if key.domain.covers(.node) || !key.nodeValues.isEmpty { nodeNames.insert(key.name) }
            if key.domain.covers(.edge) || !key.edgeValues.isEmpty { edgeNames.insert(key.name) }
            if key.domain.covers(.graph) || !key.graphValues.isEmpty { graphNames.insert(key.name) }
            if let value = key.graphValues.first, value.isPresent { graphValues[key.name] = graph.arena.string(value) }
        }
        if graphValues["generator"]?.hasPrefix("edgerun-ether") == true
            || (nodeNames.contains("kind") && (nodeNames.contains("cpu_millis") || nodeNames.contains("link_type"))
                && edgeNames.contains("conn_id"))
        {
            return .ether
        }
        if (nodeNames.contains("Latitude") && nodeNames.contains("Longitude"))
            || edgeNames.contains("LinkSpeedRaw") || edgeNames.contains("LinkSpeed")
            || graphValues["Creator"] == "Topology Zoo Toolset"
            || (graphNames.contains("Network") && graphNames.contains("GeoExtent") && graphNames.contains("NetworkDate"))
        {
            return .zoo
        }
        return .graphml
    }
}
