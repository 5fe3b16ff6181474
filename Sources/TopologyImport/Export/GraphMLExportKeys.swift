import ScenarioModel

/// The `<key>` declarations of an exported topology and each element's values.
struct GraphMLExportKeys {
    struct Key {
        var id: String
        var domain: String
        var name: String
        var type: String
    }

    enum Value {
        case text(String)
        case integer(Int64)
        case number(Double)
        case bool(Bool)
    }

    private(set) var all: [Key] = []
    let graphName = "g0"
    let graphFormat = "g1"
    let graphVersion = "g2"
    let graphProvenance = "g3"
    private(set) var graphMedia: String?
    private var nodeKeys: [String: String] = [:]
    private var edgeKeys: [String: String] = [:]
    private var nodeLabelKeys: [(name: String, id: String)] = []
    private var edgeLabelKeys: [(name: String, id: String)] = []

    init(_ topology: Topology) {
        all = [
            Key(id: graphName, domain: "graph", name: "name", type: "string"),
            Key(id: graphFormat, domain: "graph", name: "format", type: "string"),
            Key(id: graphVersion, domain: "graph", name: "version", type: "int"),
            Key(id: graphProvenance, domain: "graph", name: "provenance", type: "string"),
        ]
        if !topology.media.isEmpty {
            graphMedia = "g4"
            all.append(Key(id: "g4", domain: "graph", name: "media", type: "string"))
        }
        var nodeFields: [(String, String)] = [
            ("kind", "string"), ("tier", "int"), ("cores", "int"), ("coreSpeedMips", "double"), ("memoryBytes", "long"),
        ]
        if topology.nodes.contains(where: { $0.queueCapacity != nil }) { nodeFields.append(("queueCapacity", "long")) }
        nodeFields += [("idlePowerWatts", "double"), ("busyPowerWatts", "double"), ("transmitPowerWatts", "double")]
        if topology.nodes.contains(where: { if case .geographic = $0.position { return true } else { return false } }) {
            nodeFields += [("latitudeDegrees", "double"), ("longitudeDegrees", "double")]
        }
        if topology.nodes.contains(where: { if case .planar = $0.position { return true } else { return false } }) {
            nodeFields += [("xMeters", "double"), ("yMeters", "double")]
        }
        for (index, field) in nodeFields.enumerated() {
            let id = "n\(index)"
            nodeKeys[field.0] = id
            all.append(Key(id: id, domain: "node", name: field.0, type: field.1))
        }
        let nodeLabels = Set(topology.nodes.flatMap(\.labels.keys)).sorted()
        for (index, name) in nodeLabels.enumerated() {
            let id = "n\(nodeFields.count + index)"
            nodeLabelKeys.append((name, id))
            all.append(Key(id: id, domain: "node", name: MappingSupport.exportedLabelPrefix + name, type: "string"))
        }
        var edgeFields: [(String, String)] = [("directed", "boolean"), ("bandwidthMbps", "double"), ("latencyMs", "double")]
        if topology.links.contains(where: { $0.latencyDistribution != nil }) {
            edgeFields += [
                ("latencyDistribution", "string"), ("latencyDistributionShape", "double"),
                ("latencyDistributionLocationMs", "double"), ("latencyDistributionScaleMs", "double"),
            ]
        }
        if topology.links.contains(where: { $0.sharedMediumId != nil }) { edgeFields.append(("sharedMedium", "string")) }
        for (index, field) in edgeFields.enumerated() {
            let id = "e\(index)"
            edgeKeys[field.0] = id
            all.append(Key(id: id, domain: "edge", name: field.0, type: field.1))
        }
        let edgeLabels = Set(topology.links.flatMap(\.labels.keys)).sorted()
        for (index, name) in edgeLabels.enumerated() {
            let id = "e\(edgeFields.count + index)"
            edgeLabelKeys.append((name, id))
            all.append(Key(id: id, domain: "edge", name: MappingSupport.exportedLabelPrefix + name, type: "string"))
        }
    }

    func values(of node: Node) -> [(String, Value)] {
        var values: [(String, Value)] = []
        func add(_ field: String, _ value: Value) {
            if let key = nodeKeys[field] { values.append((key, value)) }
        }
        add("kind", .text(node.kind.rawValue))
        add("tier", .integer(Int64(node.tier)))
        add("cores", .integer(Int64(node.cores)))
        add("coreSpeedMips", .number(node.coreSpeedMips))
        add("memoryBytes", .integer(node.memoryBytes))
        if let capacity = node.queueCapacity { add("queueCapacity", .integer(Int64(capacity))) }
        add("idlePowerWatts", .number(node.idlePowerWatts))
        add("busyPowerWatts", .number(node.busyPowerWatts))
        add("transmitPowerWatts", .number(node.transmitPowerWatts))
        switch node.position {
        case .geographic(let latitude, let longitude):
            add("latitudeDegrees", .number(latitude))
            add("longitudeDegrees", .number(longitude))
        case .planar(let x, let y):
            add("xMeters", .number(x))
            add("yMeters", .number(y))
        case .none:
            break
        }
        for (name, id) in nodeLabelKeys {
            if let value = node.labels[name], !value.isEmpty { values.append((id, .text(value))) }
        }
        return values
    }

    func values(of link: Link) -> [(String, Value)] {
        var values: [(String, Value)] = []
        func add(_ field: String, _ value: Value) {
            if let key = edgeKeys[field] { values.append((key, value)) }
        }
        add("directed", .bool(link.directed))
        add("bandwidthMbps", .number(link.bandwidthMbps))
        add("latencyMs", .number(link.latencyMs))
        if case .lognormal(let shape, let location, let scale) = link.latencyDistribution {
            add("latencyDistribution", .text("lognormal"))
            add("latencyDistributionShape", .number(shape))
            add("latencyDistributionLocationMs", .number(location))
            add("latencyDistributionScaleMs", .number(scale))
        }
        if let medium = link.sharedMediumId { add("sharedMedium", .text(medium)) }
        for (name, id) in edgeLabelKeys {
            if let value = link.labels[name], !value.isEmpty { values.append((id, .text(value))) }
        }
        return values
    }
}
