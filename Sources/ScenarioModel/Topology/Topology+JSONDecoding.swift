import StreamingIO

/// Line and column of each element of a decoded topology, so validation can
/// point at the element's line in the file.
public struct TopologySourceMap: Sendable {
    /// The file the topology was read from.
    public var path: String
    /// The JSON path of the topology object (`$` or `$.topology.embedded`).
    public var jsonPathPrefix: String
    var nodePositions: [SourcePoint] = []
    var linkPositions: [SourcePoint] = []
    var mediumPositions: [SourcePoint] = []

    struct SourcePoint: Sendable {
        var line: Int32
        var column: Int32
    }

    /// A map for a topology that did not come from a file.
    public init(path: String = "<memory>", jsonPathPrefix: String = "$") {
        self.path = path
        self.jsonPathPrefix = jsonPathPrefix
    }

    func location(_ points: [SourcePoint], _ index: Int, _ jsonPath: String) -> SourceLocation {
        let full = jsonPathPrefix + jsonPath
        guard index < points.count else { return SourceLocation(path: path, jsonPath: full) }
        let point = points[index]
        return SourceLocation(path: path, line: Int(point.line), column: Int(point.column), jsonPath: full)
    }

    func node(_ index: Int, _ field: String = "") -> SourceLocation {
        location(nodePositions, index, ".nodes[\(index)]" + field)
    }

    func link(_ index: Int, _ field: String = "") -> SourceLocation {
        location(linkPositions, index, ".links[\(index)]" + field)
    }

    func medium(_ index: Int, _ field: String = "") -> SourceLocation {
        location(mediumPositions, index, ".media[\(index)]" + field)
    }

    func root(_ field: String) -> SourceLocation {
        SourceLocation(path: path, jsonPath: jsonPathPrefix + field)
    }
}

extension Topology {
    static let topLevelKeys = ["format", "version", "name", "provenance", "nodes", "links", "media"]
    static let nodeKeys = [
        "id", "kind", "tier", "cores", "coreSpeedMips", "memoryBytes", "queueCapacity",
        "idlePowerWatts", "busyPowerWatts", "transmitPowerWatts", "position", "labels",
    ]
    static let linkKeys = [
        "id", "source", "target", "directed", "bandwidthMbps", "latencyMs", "latencyDistribution",
        "sharedMedium", "labels", "wireless",
    ]

    /// Reads and validates a topology file (`.topology.json`, optionally gzipped).
    ///
    /// - Parameter path: The file, or `-` for standard input.
    /// - Returns: The topology, which satisfies every validation rule.
    /// - Throws: `ScenarioError` naming the file, line and JSON path of the
    ///   first syntax error, or listing every validation issue.
    public static func load(path: String) throws(ScenarioError) -> Topology {
        let reader = try ScenarioError.catching { try JSONReader(path: path) }
        let (topology, sourceMap) = try decode(from: reader)
        try ScenarioError.catching { try reader.expectEnd() }
        let issues = topology.validationIssues(sourceMap: sourceMap)
        if !issues.isEmpty { throw .invalid(issues) }
        return topology
    }

    /// Decodes a topology object from `reader` without validating it.
    ///
    /// - Returns: The topology and the positions of its elements.
    /// - Throws: `ScenarioError` on syntax errors, wrong types, unknown keys,
    ///   a wrong `format` or an unsupported `version`.
    public static func decode(from reader: JSONReader) throws(ScenarioError) -> (Topology, TopologySourceMap) {
        var sourceMap = TopologySourceMap(path: reader.path, jsonPathPrefix: reader.jsonPath)
        var topology = Topology(name: "")
        var sawFormat = false
        var sawVersion = false
        try ScenarioError.catching {
            _ = try reader.peekKind()
            let start = reader.location()
            try reader.readObject { key in
                switch key {
                case "format":
                    try reader.checkFormat(try reader.readString(), expected: formatName)
                    sawFormat = true
                case "version":
                    let version = try reader.readInt64()
                    if version != Int64(formatVersion) {
                        throw ScenarioError.unsupportedVersion(reader.location(), found: version, supported: formatVersion)
                    }
                    sawVersion = true
                case "name": topology.name = try reader.readString()
                case "provenance": topology.provenance = try decodeProvenance(reader)
                case "nodes":
                    try reader.readArray { _ in
                        _ = try reader.peekKind()
                        let location = reader.location()
                        sourceMap.nodePositions.append(.init(location))
                        topology.nodes.append(try decodeNode(reader, start: location))
                    }
                case "links":
                    try reader.readArray { _ in
                        _ = try reader.peekKind()
                        let location = reader.location()
                        sourceMap.linkPositions.append(.init(location))
                        topology.links.append(try decodeLink(reader, start: location))
                    }
                case "media":
                    try reader.readArray { _ in
                        _ = try reader.peekKind()
                        sourceMap.mediumPositions.append(.init(reader.location()))
                        topology.media.append(try decodeMedium(reader))
                    }
                default:
                    throw reader.unknownKey(key, in: "a topology", allowed: topLevelKeys)
                }
            }
            if !sawFormat || !sawVersion {
                throw StreamingIOError.malformedJSON(
                    start, message: "missing '\(sawFormat ? "version" : "format")': a topology starts with "
                        + "\"format\": \"\(formatName)\", \"version\": \(formatVersion)")
            }
        }
        return (topology, sourceMap)
    }

    // MARK: - Elements

    static func decodeProvenance(_ reader: JSONReader) throws -> Provenance {
        var provenance = Provenance()
        try reader.readObject { key in
            switch key {
            case "source": provenance.source = try reader.readOptionalString()
            case "importer": provenance.importer = try reader.readOptionalString()
            case "generator": provenance.generator = try reader.readOptionalString()
            case "seed": provenance.seed = try reader.readNullIfPresent() ? nil : reader.readSeed()
            case "parameters": provenance.parameters = try reader.readStringMap()
            default:
                throw reader.unknownKey(
                    key, in: "provenance", allowed: ["source", "importer", "generator", "seed", "parameters"])
            }
        }
        return provenance
    }

    static func decodeNode(_ reader: JSONReader, start: SourceLocation) throws -> Node {
        var node = Node(id: "", kind: .device)
        var sawId = false
        var sawKind = false
        try reader.readObject { key in
            switch key {
            case "id":
                node.id = try reader.readString()
                sawId = true
            case "kind":
                node.kind = try reader.readEnum(NodeKind.self)
                sawKind = true
            case "tier": node.tier = try reader.readInt()
            case "cores": node.cores = try reader.readInt()
            case "coreSpeedMips": node.coreSpeedMips = try reader.readDouble()
            case "memoryBytes": node.memoryBytes = try reader.readInt64()
            case "queueCapacity":
                node.queueCapacity = try reader.readNullIfPresent() ? nil : reader.readInt()
            case "idlePowerWatts": node.idlePowerWatts = try reader.readDouble()
            case "busyPowerWatts": node.busyPowerWatts = try reader.readDouble()
            case "transmitPowerWatts": node.transmitPowerWatts = try reader.readDouble()
            case "position": node.position = try decodePosition(reader)
            case "labels": node.labels = try reader.readStringMap()
            default: throw reader.unknownKey(key, in: "a node", allowed: nodeKeys)
            }
        }
        if !sawId { throw StreamingIOError.malformedJSON(start, message: "a node needs an 'id'") }
        if !sawKind { throw StreamingIOError.malformedJSON(start, message: "node '\(MessageText.excerpt(node.id))' needs a 'kind'") }
        return node
    }

    static func decodePosition(_ reader: JSONReader) throws -> Position? {
        if try reader.readNullIfPresent() { return nil }
        _ = try reader.peekKind()
        let start = reader.location()
        var values: [String: Double] = [:]
        try reader.readObject { key in
            switch key {
            case "latitudeDegrees", "longitudeDegrees", "xMeters", "yMeters":
                values[key] = try reader.readDouble()
            default:
                throw reader.unknownKey(
                    key, in: "a position", allowed: ["latitudeDegrees", "longitudeDegrees", "xMeters", "yMeters"])
            }
        }
        if let latitude = values["latitudeDegrees"], let longitude = values["longitudeDegrees"], values.count == 2 {
            return .geographic(latitudeDegrees: latitude, longitudeDegrees: longitude)
        }
        if let x = values["xMeters"], let y = values["yMeters"], values.count == 2 {
            return .planar(xMeters: x, yMeters: y)
        }
        throw StreamingIOError.malformedJSON(
            start, message: "a position is either {latitudeDegrees, longitudeDegrees} or {xMeters, yMeters}")
    }

    static func decodeLink(_ reader: JSONReader, start: SourceLocation) throws -> Link {
        var link = Link(source: "", target: "", bandwidthMbps: 0, latencyMs: 0)
        var seen: Set<String> = []
        try reader.readObject { key in
            seen.insert(key)
            switch key {
            case "id": link.id = try reader.readOptionalString()
            case "source": link.source = try reader.readString()
            case "target": link.target = try reader.readString()
            case "directed": link.directed = try reader.readBool()
            case "bandwidthMbps": link.bandwidthMbps = try reader.readDouble()
            case "latencyMs": link.latencyMs = try reader.readDouble()
            case "latencyDistribution": link.latencyDistribution = try decodeLatencyDistribution(reader)
            case "sharedMedium": link.sharedMediumId = try reader.readOptionalString()
            case "labels": link.labels = try reader.readStringMap()
            case "wireless": link.wireless = try decodeWireless(reader)
            default: throw reader.unknownKey(key, in: "a link", allowed: linkKeys)
            }
        }
        for required in ["source", "target", "bandwidthMbps", "latencyMs"] where !seen.contains(required) {
            throw StreamingIOError.malformedJSON(start, message: "a link needs '\(required)'")
        }
        return link
    }

    static func decodeLatencyDistribution(_ reader: JSONReader) throws -> LatencyDistribution? {
        if try reader.readNullIfPresent() { return nil }
        _ = try reader.peekKind()
        let start = reader.location()
        var kind = ""
        var values: [String: Double] = [:]
        let allowed = ["kind", "shape", "locationMs", "scaleMs"]
        try reader.readObject { key in
            switch key {
            case "kind": kind = try reader.readString()
            case "shape", "locationMs", "scaleMs": values[key] = try reader.readDouble()
            default: throw reader.unknownKey(key, in: "a latency distribution", allowed: allowed)
            }
        }
        guard kind == "lognormal" else {
            throw StreamingIOError.malformedJSON(
                start, message: "unknown latency distribution kind '\(MessageText.excerpt(kind))' (expected 'lognormal')")
        }
        guard let shape = values["shape"], let location = values["locationMs"], let scale = values["scaleMs"] else {
            throw StreamingIOError.malformedJSON(
                start, message: "a lognormal latency distribution needs shape, locationMs and scaleMs")
        }
        return .lognormal(shape: shape, locationMs: location, scaleMs: scale)
    }

    static func decodeWireless(_ reader: JSONReader) throws -> WirelessChannel? {
        if try reader.readNullIfPresent() { return nil }
        _ = try reader.peekKind()
        let start = reader.location()
        var channel = WirelessChannel(channelBandwidthHz: 0)
        var sawBandwidth = false
        let allowed = [
            "channelBandwidthHz", "carrierFrequencyHz", "pathLossExponent", "referenceDistanceMeters", "noiseFigureDb",
        ]
        try reader.readObject { key in
            switch key {
            case "channelBandwidthHz":
                channel.channelBandwidthHz = try reader.readDouble()
                sawBandwidth = true
            case "carrierFrequencyHz": channel.carrierFrequencyHz = try reader.readDouble()
            case "pathLossExponent": channel.pathLossExponent = try reader.readDouble()
            case "referenceDistanceMeters": channel.referenceDistanceMeters = try reader.readDouble()
            case "noiseFigureDb": channel.noiseFigureDb = try reader.readDouble()
            default: throw reader.unknownKey(key, in: "a wireless channel", allowed: allowed)
            }
        }
        guard sawBandwidth else {
            throw StreamingIOError.malformedJSON(start, message: "a wireless channel needs 'channelBandwidthHz'")
        }
        return channel
    }

    static func decodeMedium(_ reader: JSONReader) throws -> SharedMedium {
        _ = try reader.peekKind()
        let start = reader.location()
        var medium = SharedMedium(id: "", bandwidthMbps: 0)
        var seen: Set<String> = []
        try reader.readObject { key in
            seen.insert(key)
            switch key {
            case "id": medium.id = try reader.readString()
            case "bandwidthMbps": medium.bandwidthMbps = try reader.readDouble()
            case "labels": medium.labels = try reader.readStringMap()
            default: throw reader.unknownKey(key, in: "a shared medium", allowed: ["id", "bandwidthMbps", "labels"])
            }
        }
        for required in ["id", "bandwidthMbps"] where !seen.contains(required) {
            throw StreamingIOError.malformedJSON(start, message: "a shared medium needs '\(required)'")
        }
        return medium
    }
}

extension TopologySourceMap.SourcePoint {
    init(_ location: SourceLocation) {
        line = Int32(clamping: location.line ?? 0)
        column = Int32(clamping: location.column ?? 0)
    }
}
