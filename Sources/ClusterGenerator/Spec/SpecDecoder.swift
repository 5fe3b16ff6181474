import ScenarioModel
import StreamingIO

/// The pull decoder behind `ClusterSpecFile`: walks the JSON once, building
/// spec values and failing on the first unknown key, wrong type or bad value
/// with its location.
struct SpecDecoder {
    let reader: JSONReader

    static let topLevelKeys = ["format", "version", "name", "archetypes", "backbone", "sites"]

    func fail(_ message: String) -> GeneratorError {
        .invalidSpec(reader.location(), message)
    }

    func unknownKey(_ key: String, in context: String, allowed: [String]) -> GeneratorError {
        fail("unknown key '\(MessageText.excerpt(key))' in \(context) (allowed: \(allowed.joined(separator: ", ")))")
    }

    // MARK: - Top level

    func decodeSpec() throws -> ClusterSpec {
        _ = try reader.peekKind()
        let start = reader.location()
        var spec = ClusterSpec(name: "", sites: [])
        var sawFormat = false
        var sawVersion = false
        var sawSites = false
        try reader.readObject { key in
            switch key {
            case "format":
                let format = try reader.readString()
                guard format == ClusterSpec.formatName else {
                    throw fail("expected format '\(ClusterSpec.formatName)', found '\(MessageText.excerpt(format))'")
                }
                sawFormat = true
            case "version":
                let version = try reader.readInt64()
                guard version == Int64(ClusterSpec.formatVersion) else {
                    throw fail(
                        "unsupported spec version \(version) (this edgesim reads version \(ClusterSpec.formatVersion))")
                }
                sawVersion = true
            case "name": spec.name = try reader.readString()
            case "archetypes":
                try reader.readArray { _ in spec.archetypes.append(try decodeArchetype(existing: spec.archetypes)) }
            case "backbone": spec.backbone = try decodeBackbone()
            case "sites":
                sawSites = true
                try reader.readArray { _ in spec.sites.append(try decodeSite()) }
            default: throw unknownKey(key, in: "a cluster spec", allowed: Self.topLevelKeys)
            }
        }
        guard sawFormat, sawVersion else {
            throw GeneratorError.invalidSpec(
                start,
                "missing '\(sawFormat ? "version" : "format")': a spec starts with "
                    + "\"format\": \"\(ClusterSpec.formatName)\", \"version\": \(ClusterSpec.formatVersion)")
        }
        guard sawSites else { throw GeneratorError.invalidSpec(start, "a cluster spec needs 'sites'") }
        return spec
    }

    func decodeSite() throws -> ClusterSpec.Site {
        _ = try reader.peekKind()
        let start = reader.location()
        var router: String?
        var block: Block?
        try reader.readObject { key in
            switch key {
            case "at": router = try reader.readString()
            case "block": block = try decodeBlock()
            default: throw unknownKey(key, in: "a site", allowed: ["at", "block"])
            }
        }
        guard let block else { throw GeneratorError.invalidSpec(start, "a site needs a 'block'") }
        return ClusterSpec.Site(at: router ?? "internet", block, location: start)
    }

    // MARK: - Archetypes

    static let archetypeKeys = [
        "name", "like", "namePrefix", "kind", "cores", "architecture", "memoryBytes", "type", "model", "labels",
        "coreSpeedMips", "idlePowerWatts", "busyPowerWatts", "transmitPowerWatts", "queueCapacity",
    ]

    /// The keys of an archetype object as read, before defaults apply.
    private struct ArchetypeFields {
        var name: String?
        var like: String?
        var namePrefix: String?
        var kind: NodeKind?
        var cores: Int64?
        var architecture: String?
        var memoryBytes: Int64?
        var type: String?
        var model: String?
        var labels: [String: String]?
        var coreSpeedMips: Double?
        var idlePowerWatts: Double?
        var busyPowerWatts: Double?
        var transmitPowerWatts: Double?
        /// Absent (nil), null (`.some(nil)`: unbounded) or a number.
        var queueCapacity: Int64??
    }

    func decodeArchetype(existing: [DeviceArchetype]) throws -> DeviceArchetype {
        _ = try reader.peekKind()
        let start = reader.location()
        var fields = ArchetypeFields()
        try reader.readObject { key in
            switch key {
            case "name": fields.name = try reader.readString()
            case "like": fields.like = try reader.readString()
            case "namePrefix": fields.namePrefix = try reader.readString()
            case "kind": fields.kind = try readKind()
            case "cores": fields.cores = try reader.readInt64()
            case "architecture": fields.architecture = try reader.readString()
            case "memoryBytes": fields.memoryBytes = try reader.readInt64()
            case "type": fields.type = try reader.readString()
            case "model": fields.model = try reader.readString()
            case "labels": fields.labels = try readStringMap()
            case "coreSpeedMips": fields.coreSpeedMips = try reader.readDouble()
            case "idlePowerWatts": fields.idlePowerWatts = try reader.readDouble()
            case "busyPowerWatts": fields.busyPowerWatts = try reader.readDouble()
            case "transmitPowerWatts": fields.transmitPowerWatts = try reader.readDouble()
            case "queueCapacity":
                fields.queueCapacity = .some(try reader.readNullIfPresent() ? nil : reader.readInt64())
            default: throw unknownKey(key, in: "an archetype", allowed: Self.archetypeKeys)
            }
        }
        func invalid(_ message: String) -> GeneratorError { .invalidSpec(start, message) }
        guard let name = fields.name, !name.isEmpty else { throw invalid("an archetype needs a non-empty 'name'") }
        var archetype: DeviceArchetype
        if let like = fields.like {
            guard let base = existing.last(where: { $0.name == like }) ?? DeviceArchetype.builtIn(named: like) else {
                throw invalid("archetype '\(MessageText.excerpt(name))': unknown archetype '\(MessageText.excerpt(like))' in 'like'")
            }
            archetype = base
            archetype.name = name
            archetype.namePrefix = name
        } else {
            guard fields.cores != nil, fields.coreSpeedMips != nil, fields.memoryBytes != nil else {
                throw invalid(
                    "archetype '\(MessageText.excerpt(name))' needs 'cores', 'coreSpeedMips' and 'memoryBytes' (or 'like' an archetype)")
            }
            let kind = fields.kind ?? .device
            archetype = DeviceArchetype(
                name: name, namePrefix: name, kind: kind, cores: 1, architecture: "", memoryBytes: 0,
                etherType: name, etherModel: name, coreSpeedMips: 1, idlePowerWatts: 0, busyPowerWatts: 0,
                transmitPowerWatts: 0,
                queueCapacity: kind == .device
                    ? DeviceArchetype.deviceQueue : kind == .edge ? DeviceArchetype.edgeQueue : nil)
        }
        if let value = fields.namePrefix { archetype.namePrefix = value }
        if let value = fields.kind { archetype.kind = value }
        guard archetype.kind.isCompute else { throw invalid("archetype '\(MessageText.excerpt(name))': kind must be device, edge or cloud") }
        if let value = fields.architecture { archetype.architecture = value }
        if let value = fields.type { archetype.etherType = value }
        if let value = fields.model { archetype.etherModel = value }
        if let value = fields.labels { archetype.extraLabels = value }
        if let value = fields.cores {
            guard (1...1_000_000).contains(value) else {
                throw invalid("archetype '\(MessageText.excerpt(name))': cores must be in 1...1000000")
            }
            archetype.cores = Int(value)
        }
        if let value = fields.memoryBytes {
            guard value >= 0 else { throw invalid("archetype '\(MessageText.excerpt(name))': memoryBytes must be >= 0") }
            archetype.memoryBytes = value
        }
        if let value = fields.coreSpeedMips {
            guard value > 0, value.isFinite else {
                throw invalid("archetype '\(MessageText.excerpt(name))': coreSpeedMips must be positive")
            }
            archetype.coreSpeedMips = value
        }
        let powers: [(String, Double?, WritableKeyPath<DeviceArchetype, Double>)] = [
            ("idlePowerWatts", fields.idlePowerWatts, \.idlePowerWatts),
            ("busyPowerWatts", fields.busyPowerWatts, \.busyPowerWatts),
            ("transmitPowerWatts", fields.transmitPowerWatts, \.transmitPowerWatts),
        ]
        for (key, value, path) in powers {
            guard let value else { continue }
            guard value >= 0, value.isFinite else { throw invalid("archetype '\(MessageText.excerpt(name))': \(key) must be >= 0") }
            archetype[keyPath: path] = value
        }
        if let queue = fields.queueCapacity {
            if let value = queue {
                guard (0...Int64(Int32.max)).contains(value) else {
                    throw invalid("archetype '\(MessageText.excerpt(name))': queueCapacity must be >= 0 or null")
                }
                archetype.queueCapacity = Int(value)
            } else {
                archetype.queueCapacity = nil
            }
        }
        return archetype
    }

    // MARK: - Backbone

    static let backboneKeys = ["routers", "links", "mesh", "bandwidthMbps", "latencyModel"]

    func decodeBackbone() throws -> Backbone {
        var backbone = Backbone(routers: [])
        try reader.readObject { key in
            switch key {
            case "routers": try reader.readArray { _ in backbone.routers.append(try decodeRouter()) }
            case "links": try reader.readArray { _ in backbone.links.append(try decodeBackboneLink()) }
            case "mesh": backbone.meshByGeography = try reader.readBool()
            case "bandwidthMbps": backbone.bandwidthMbps = try readPositive()
            case "latencyModel": backbone.latencyModel = try decodeLatencyModel()
            default: throw unknownKey(key, in: "the backbone", allowed: Self.backboneKeys)
            }
        }
        return backbone
    }

    func decodeRouter() throws -> Backbone.Router {
        _ = try reader.peekKind()
        let start = reader.location()
        var id: String?
        var region: CloudRegion?
        var latitude: Double?
        var longitude: Double?
        var labels: [String: String] = [:]
        let allowed = ["id", "region", "latitudeDegrees", "longitudeDegrees", "labels"]
        try reader.readObject { key in
            switch key {
            case "id": id = try reader.readString()
            case "region":
                let name = try reader.readString()
                guard let found = CloudRegion.named(name) else {
                    let regions = CloudRegion.awsRegions.map(\.id).joined(separator: ", ")
                    throw fail("unknown region '\(MessageText.excerpt(name))' (built in: \(regions))")
                }
                region = found
            case "latitudeDegrees": latitude = try reader.readDouble()
            case "longitudeDegrees": longitude = try reader.readDouble()
            case "labels": labels = try readStringMap()
            default: throw unknownKey(key, in: "a router", allowed: allowed)
            }
        }
        guard let id else { throw GeneratorError.invalidSpec(start, "a router needs an 'id'") }
        var router = region.map { Backbone.Router(id: id, region: $0) } ?? Backbone.Router(id: id)
        if let latitude { router.latitudeDegrees = latitude }
        if let longitude { router.longitudeDegrees = longitude }
        for (key, value) in labels { router.labels[key] = value }
        router.location = start
        return router
    }

    func decodeBackboneLink() throws -> Backbone.Link {
        _ = try reader.peekKind()
        let start = reader.location()
        var source: String?
        var target: String?
        var latencies: [Backbone.Latency] = []
        let allowed = ["source", "target", "latencyMs", "rttMs", "latency"]
        try reader.readObject { key in
            switch key {
            case "source": source = try reader.readString()
            case "target": target = try reader.readString()
            case "latencyMs": latencies.append(.oneWayMs(try readNonNegative()))
            case "rttMs": latencies.append(.roundTripMs(try readNonNegative()))
            case "latency":
                let text = try reader.readString()
                guard text == "geographic" else { throw fail("a backbone link's 'latency' can only be \"geographic\"") }
                latencies.append(.geographic)
            default: throw unknownKey(key, in: "a backbone link", allowed: allowed)
            }
        }
        guard let source, let target else {
            throw GeneratorError.invalidSpec(start, "a backbone link needs 'source' and 'target'")
        }
        guard latencies.count == 1, let latency = latencies.first else {
            throw GeneratorError.invalidSpec(
                start,
                "a backbone link needs exactly one of 'latencyMs' (one way), 'rttMs' (round trip, halved) "
                    + "or \"latency\": \"geographic\"")
        }
        return Backbone.Link(source: source, target: target, latency: latency, location: start)
    }

    func decodeLatencyModel() throws -> GeographicLatencyModel {
        var model = GeographicLatencyModel()
        try reader.readObject { key in
            switch key {
            case "overheadMs": model.overheadMs = try readNonNegative()
            case "fibreMsPerKm": model.fibreMsPerKm = try readNonNegative()
            case "routeInflation": model.routeInflation = try readPositive()
            default:
                throw unknownKey(key, in: "a latency model", allowed: ["overheadMs", "fibreMsPerKm", "routeInflation"])
            }
        }
        return model
    }
}
