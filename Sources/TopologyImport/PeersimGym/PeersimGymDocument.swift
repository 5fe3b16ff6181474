import StreamingIO

/// A PeersimGym Ether JSON file (`peersim_gym` topologies folder), as read:
/// compute nodes by name, and the adjacency and per-arc path summaries.
struct PeersimGymDocument {
    struct NodeEntry {
        var name: String
        var id: Int64
        var arch: String?
        var x: Double?
        var y: Double?
        var cpuMillis: Int64?
        var memoryBytes: Int64?
        var labels: [(String, String)] = []
        var extra: [(String, String)] = []
        var location: SourceLocation
    }

    struct PathEntry {
        var source: Int64
        var target: Int64
        var pathBandwidths: [Double]
        var minimumBandwidth: Double?
        var expectedRoundTripMs: Double?
        var location: SourceLocation
    }

    var nodes: [NodeEntry] = []
    var paths: [PathEntry] = []
    /// (node id, neighbour ids, location) in file order.
    var neighbours: [(node: Int64, others: [Int64], location: SourceLocation)] = []

    /// Reads `path` (gzip accepted).
    static func read(path: String) throws(TopologyImportError) -> PeersimGymDocument {
        let reader = try TopologyImportError.catching { try JSONReader(path: path) }
        return try read(reader)
    }

    static func read(_ reader: JSONReader) throws(TopologyImportError) -> PeersimGymDocument {
        var document = PeersimGymDocument()
        var sawNodes = false
        var sawLinks = false
        try TopologyImportError.catching {
            _ = try reader.peekKind()
            let start = reader.location()
            try reader.readObject { key in
                switch key {
                case "nodes":
                    sawNodes = true
                    try reader.readObject { name in document.nodes.append(try readNode(reader, name: name)) }
                case "links":
                    sawLinks = true
                    try reader.readObject { section in
                        switch section {
                        case "path_info":
                            try reader.readArray { _ in document.paths.append(try readPath(reader)) }
                        case "neighbours":
                            try reader.readObject { node in
                                let location = reader.location()
                                guard let id = Int64(node) else {
                                    throw reader.error("neighbour key '\(MessageText.excerpt(node))' is not an integer node id")
                                }
                                var others: [Int64] = []
                                try reader.readArray { _ in others.append(try reader.readInt64()) }
                                document.neighbours.append((id, others, location))
                            }
                        default:
                            try reader.skipValue()
                        }
                    }
                default:
                    try reader.skipValue()
                }
            }
            try reader.expectEnd()
            if !sawNodes || !sawLinks {
                throw StreamingIOError.malformedJSON(start, message: "a PeersimGym topology has 'nodes' and 'links' objects")
            }
        }
        return document
    }

    private static func readNode(_ reader: JSONReader, name: String) throws -> NodeEntry {
        _ = try reader.peekKind()
        var entry = NodeEntry(name: name, id: 0, location: reader.location())
        var sawId = false
        try reader.readObject { key in
            switch key {
            case "id":
                entry.id = try reader.readInt64()
                sawId = true
            case "arch": entry.arch = try reader.readString()
            case "name":
                let value = try reader.readString()
                if value != name { entry.extra.append(("peersimgym.name", value)) }
            case "coordinates":
                var values: [Double] = []
                try reader.readArray { _ in values.append(try reader.readDouble()) }
                guard values.count == 2 else { throw reader.error("coordinates must be [x, y], found \(values.count) numbers") }
                entry.x = values[0]
                entry.y = values[1]
            case "capacity":
                try reader.readObject { field in
                    switch field {
                    case "cpu_milis", "cpu_millis": entry.cpuMillis = try reader.readInt64()
                    case "memory": entry.memoryBytes = try reader.readInt64()
                    default: entry.extra.append(("peersimgym.capacity." + field, try scalarText(reader)))
                    }
                }
            case "labels":
                try reader.readObject { label in entry.labels.append((label, try scalarText(reader))) }
            default:
                entry.extra.append(("peersimgym." + key, try scalarText(reader)))
            }
        }
        if !sawId { throw reader.error("node '\(MessageText.excerpt(name))' has no 'id'") }
        let texts = [name] + entry.labels.flatMap { [$0.0, $0.1] } + entry.extra.map(\.1) + [entry.arch ?? ""]
        if texts.contains(where: { $0.utf8.count > TextRef.maximumLength }) {
            throw reader.error("node '\(MessageText.excerpt(name.prefix(40)))' has a name or label longer than \(TextRef.maximumLength) bytes")
        }
        return entry
    }

    private static func readPath(_ reader: JSONReader) throws -> PathEntry {
        _ = try reader.peekKind()
        let location = reader.location()
        var source: Int64?
        var target: Int64?
        var entry = PathEntry(source: 0, target: 0, pathBandwidths: [], location: location)
        try reader.readObject { key in
            switch key {
            case "source": source = try reader.readInt64()
            case "target": target = try reader.readInt64()
            case "path_bandwidths": try reader.readArray { _ in entry.pathBandwidths.append(try reader.readDouble()) }
            case "min_bandwidth": entry.minimumBandwidth = try reader.readNullIfPresent() ? nil : reader.readDouble()
            case "expected_rtt": entry.expectedRoundTripMs = try reader.readNullIfPresent() ? nil : reader.readDouble()
            default: try reader.skipValue()
            }
        }
        guard let source, let target else { throw reader.error("a path_info entry needs 'source' and 'target'") }
        entry.source = source
        entry.target = target
        return entry
    }

    /// A scalar as text (strings as is, numbers and booleans as written).
    private static func scalarText(_ reader: JSONReader) throws -> String {
        switch try reader.peekKind() {
        case .string: return try reader.readString()
        case .number:
            let value = try reader.readDouble()
            return value == value.rounded() && abs(value) < 9e15 ? String(Int64(value)) : String(value)
        case .bool: return String(try reader.readBool())
        case .null:
            _ = try reader.readNullIfPresent()
            return ""
        case .object, .array:
            throw reader.error("expected a string or number")
        }
    }
}
