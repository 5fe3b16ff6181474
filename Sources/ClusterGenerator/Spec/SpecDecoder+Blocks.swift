import ScenarioModel
import StreamingIO

extension SpecDecoder {
    /// The keys each block type accepts besides `type`.
    static let blockKeys: [String: [String]] = [
        "hosts": ["archetype", "count", "kind", "uplink", "scatterMeters"],
        "lan": ["members", "uplink", "prefix"],
        "shared": ["members", "bandwidthMbps", "memberLatency", "uplink", "prefix"],
        "cloudlet": ["serversPerRack", "racks", "archetype", "kind", "uplink"],
        "repeat": ["count", "size", "gridSpacingMeters", "block"],
    ]
    static let blockTypes = ["hosts", "lan", "shared", "cloudlet", "repeat"]

    /// Every key any block may have, read before the type is known.
    private struct BlockFields {
        var type: String?
        var archetypes: [Block.WeightedArchetype]?
        var count: Count?
        var kind: NodeKind?
        var uplink: Attachment?
        var scatterMeters: Double?
        var members: [Block]?
        var prefix: String?
        var bandwidthMbps: Double?
        var memberLatency: LatencyClass?
        var serversPerRack: Count?
        var racks: Count?
        var size: Count?
        var gridSpacingMeters: Double?
        var block: Block?
        var keyLocations: [(key: String, location: SourceLocation)] = []
    }

    func decodeBlock() throws -> Block {
        guard try reader.peekKind() == .object else { throw fail("a block is an object with a \"type\"") }
        let start = reader.location()
        var fields = BlockFields()
        try reader.readObject { key in
            _ = try reader.peekKind()
            fields.keyLocations.append((key, reader.location()))
            switch key {
            case "type": fields.type = try reader.readString()
            case "archetype": fields.archetypes = try decodeArchetypeChoice()
            case "count": fields.count = try decodeCount()
            case "kind": fields.kind = try readKind()
            case "uplink": fields.uplink = try decodeAttachment()
            case "scatterMeters": fields.scatterMeters = try readNonNegative()
            case "members": fields.members = try decodeMembers()
            case "prefix":
                let prefix = try reader.readString()
                guard !prefix.isEmpty, prefix.utf8.count <= 64 else { throw fail("a prefix must have 1 to 64 bytes") }
                fields.prefix = prefix
            case "bandwidthMbps": fields.bandwidthMbps = try readPositive()
            case "memberLatency": fields.memberLatency = try decodeLatency()
            case "serversPerRack": fields.serversPerRack = try decodeCount()
            case "racks": fields.racks = try decodeCount()
            case "size": fields.size = try decodeCount()
            case "gridSpacingMeters": fields.gridSpacingMeters = try readPositive()
            case "block": fields.block = try decodeBlock()
            default:
                let all = Set(Self.blockKeys.values.joined()).union(["type"]).sorted()
                throw unknownKey(key, in: "a block", allowed: all)
            }
        }
        guard let type = fields.type else {
            throw GeneratorError.invalidSpec(
                start, "a block needs a \"type\" (\(Self.blockTypes.joined(separator: ", ")))")
        }
        guard let allowed = Self.blockKeys[type] else {
            throw GeneratorError.invalidSpec(
                start, "unknown block type '\(MessageText.excerpt(type))' (expected one of \(Self.blockTypes.joined(separator: ", ")))")
        }
        for (key, location) in fields.keyLocations where key != "type" && !allowed.contains(key) {
            throw GeneratorError.invalidSpec(
                location, "'\(MessageText.excerpt(key))' does not apply to a '\(MessageText.excerpt(type))' block (allowed: \(allowed.joined(separator: ", ")))")
        }
        func required<Value>(_ value: Value?, _ key: String) throws -> Value {
            guard let value else { throw GeneratorError.invalidSpec(start, "a '\(MessageText.excerpt(type))' block needs '\(MessageText.excerpt(key))'") }
            return value
        }
        switch type {
        case "hosts":
            return .hosts(
                Block.Hosts(
                    try required(fields.archetypes, "archetype"), count: fields.count ?? .fixed(1), kind: fields.kind,
                    uplink: fields.uplink, scatterMeters: fields.scatterMeters, location: start))
        case "lan":
            return .lan(
                Block.LANCell(
                    try required(fields.members, "members"), uplink: fields.uplink,
                    switchPrefix: fields.prefix ?? "switch_lan", location: start))
        case "shared":
            return .shared(
                Block.SharedCell(
                    try required(fields.members, "members"), bandwidthMbps: fields.bandwidthMbps ?? 300,
                    memberLatency: fields.memberLatency ?? .lan, uplink: fields.uplink,
                    prefix: fields.prefix ?? "shared",
                    location: start))
        case "cloudlet":
            var archetype = "server"
            if let choices = fields.archetypes {
                guard choices.count == 1, let only = choices.first else {
                    throw GeneratorError.invalidSpec(start, "a cloudlet's 'archetype' is one archetype name")
                }
                archetype = only.name
            }
            return .cloudlet(
                Block.Cloudlet(
                    serversPerRack: fields.serversPerRack ?? .fixed(5), racks: fields.racks ?? .fixed(1),
                    archetype: archetype, kind: fields.kind, uplink: fields.uplink, location: start))
        default:
            return .repeated(
                Block.Repeat(
                    try required(fields.block, "block"), count: try required(fields.count, "count"), size: fields.size,
                    gridSpacingMeters: fields.gridSpacingMeters, location: start))
        }
    }

    func decodeMembers() throws -> [Block] {
        var members: [Block] = []
        try reader.readArray { _ in members.append(try decodeBlock()) }
        return members
    }

    /// `"rpi3"` or `{"rpi4": 2, "nano": 1}` (weights, in file order).
    func decodeArchetypeChoice() throws -> [Block.WeightedArchetype] {
        switch try reader.peekKind() {
        case .string:
            return [Block.WeightedArchetype(try reader.readString())]
        case .object:
            var choices: [Block.WeightedArchetype] = []
            try reader.readObject { name in
                choices.append(Block.WeightedArchetype(name, weight: try readPositive()))
            }
            guard !choices.isEmpty else { throw fail("an archetype mix needs at least one archetype") }
            return choices
        default:
            throw fail("an archetype is a name or an object of names and weights")
        }
    }

    // MARK: - Counts

    /// `3`, `"n"`, `"2n+1"`, `{"lognormal": {"shape", "location", "scale"}}`, `{"uniform": {"min", "max"}}`.
    func decodeCount() throws -> Count {
        switch try reader.peekKind() {
        case .number:
            let value = try reader.readInt64()
            guard (0...Int64(Count.maximum)).contains(value) else {
                throw fail("a count must be within 0...\(Count.maximum), found \(value)")
            }
            return .fixed(Int(value))
        case .string:
            let text = try reader.readString()
            guard let count = Self.parseLinearCount(text) else {
                throw fail(
                    "'\(MessageText.excerpt(text))' is not a count: use an integer, or a linear form of n such as \"n\", \"2n\", \"2n+1\"")
            }
            return count
        case .object:
            var count: Count?
            try reader.readObject { key in
                guard count == nil else { throw fail("a count object has exactly one key") }
                switch key {
                case "lognormal":
                    var values: [String: Double] = [:]
                    try reader.readObject { parameter in
                        guard ["shape", "location", "scale"].contains(parameter) else {
                            throw unknownKey(
                                parameter, in: "a lognormal count", allowed: ["shape", "location", "scale"])
                        }
                        values[parameter] = try reader.readDouble()
                    }
                    guard let shape = values["shape"], let location = values["location"] else {
                        throw fail("a lognormal count needs 'shape' and 'location' ('scale' defaults to 1)")
                    }
                    count = .lognormal(shape: shape, location: location, scale: values["scale"] ?? 1)
                case "uniform":
                    var values: [String: Int64] = [:]
                    try reader.readObject { parameter in
                        guard ["min", "max"].contains(parameter) else {
                            throw unknownKey(parameter, in: "a uniform count", allowed: ["min", "max"])
                        }
                        values[parameter] = try reader.readInt64()
                    }
                    guard let minimum = values["min"], let maximum = values["max"],
                        let low = Int(exactly: minimum), let high = Int(exactly: maximum)
                    else { throw fail("a uniform count needs integer 'min' and 'max'") }
                    count = .uniform(min: low, max: high)
                default:
                    throw unknownKey(key, in: "a count", allowed: ["lognormal", "uniform"])
                }
            }
            guard let count else { throw fail("a count object needs 'lognormal' or 'uniform'") }
            return count
        default:
            throw fail("a count is an integer, a linear form of n (\"2n+1\"), or a lognormal or uniform object")
        }
    }

    /// Parses `"7"`, `"n"`, `"2n"`, `"-n+4"`, `"3n-1"` (spaces allowed).
    static func parseLinearCount(_ text: String) -> Count? {
        let compact = String(text.filter { $0 != " " })
        guard let nIndex = compact.firstIndex(of: "n") else {
            guard let value = Int(compact), (0...Count.maximum).contains(value) else { return nil }
            return .fixed(value)
        }
        let coefficientText = String(compact[..<nIndex])
        let offsetText = String(compact[compact.index(after: nIndex)...])
        let coefficient: Int?
        switch coefficientText {
        case "", "+": coefficient = 1
        case "-": coefficient = -1
        default: coefficient = Int(coefficientText)
        }
        let offset: Int? =
            offsetText.isEmpty ? 0 : (offsetText.first == "+" || offsetText.first == "-") ? Int(offsetText) : nil
        guard let coefficient, let offset, abs(coefficient) <= Count.maximum, abs(offset) <= Count.maximum else {
            return nil
        }
        return .linear(perSize: coefficient, offset: offset)
    }

    // MARK: - Links

    /// `"mobile"`, `{"downMbps", "upMbps", "latency", "technology"}` or `{"bandwidthMbps", "latency"}`.
    func decodeAttachment() throws -> Attachment {
        if try reader.peekKind() == .string {
            let name = try reader.readString()
            guard let preset = Attachment.presets[name] else {
                throw fail(
                    "unknown uplink '\(MessageText.excerpt(name))' (presets: \(Attachment.presets.keys.sorted().joined(separator: ", ")))")
            }
            return preset
        }
        guard try reader.peekKind() == .object else { throw fail("an uplink is a preset name or an object") }
        let start = reader.location()
        var down: Double?
        var up: Double?
        var bandwidth: Double?
        var latency = LatencyClass.direct
        var technology = "custom"
        let allowed = ["downMbps", "upMbps", "bandwidthMbps", "latency", "technology"]
        try reader.readObject { key in
            switch key {
            case "downMbps": down = try readPositive()
            case "upMbps": up = try readPositive()
            case "bandwidthMbps": bandwidth = try readPositive()
            case "latency": latency = try decodeLatency()
            case "technology": technology = try reader.readString()
            default: throw unknownKey(key, in: "an uplink", allowed: allowed)
            }
        }
        switch (down, up, bandwidth) {
        case (let down?, let up?, nil):
            return Attachment(shape: .upDown(downMbps: down, upMbps: up), latency: latency, technology: technology)
        case (nil, nil, let bandwidth?):
            return Attachment(shape: .undirected(bandwidthMbps: bandwidth), latency: latency, technology: technology)
        default:
            throw GeneratorError.invalidSpec(
                start,
                "an uplink has 'downMbps' and 'upMbps' (a directed pair) or 'bandwidthMbps' (one undirected link)")
        }
    }

    /// `"lan"`, `{"lognormal": {"shape", "locationMs", "scaleMs"}}` or `{"fixedMs": 10}`.
    func decodeLatency() throws -> LatencyClass {
        if try reader.peekKind() == .string {
            let name = try reader.readString()
            guard let named = LatencyClass.named(name) else {
                throw fail(
                    "unknown latency class '\(MessageText.excerpt(name))' (named: \(LatencyClass.named.map(\.name).joined(separator: ", ")))"
                )
            }
            return named
        }
        guard try reader.peekKind() == .object else { throw fail("a latency is a class name or an object") }
        var latency: LatencyClass?
        try reader.readObject { key in
            guard latency == nil else { throw fail("a latency object has exactly one key") }
            switch key {
            case "fixedMs":
                latency = .fixed(try readNonNegative())
            case "lognormal":
                var values: [String: Double] = [:]
                let allowed = ["shape", "locationMs", "scaleMs"]
                try reader.readObject { parameter in
                    guard allowed.contains(parameter) else {
                        throw unknownKey(parameter, in: "a lognormal latency", allowed: allowed)
                    }
                    values[parameter] = try reader.readDouble()
                }
                guard let shape = values["shape"], let location = values["locationMs"], let scale = values["scaleMs"]
                else {
                    throw fail("a lognormal latency needs 'shape', 'locationMs' and 'scaleMs'")
                }
                latency = .lognormal(shape: shape, locationMs: location, scaleMs: scale)
            default:
                throw unknownKey(key, in: "a latency", allowed: ["fixedMs", "lognormal"])
            }
        }
        guard let latency else { throw fail("a latency object needs 'fixedMs' or 'lognormal'") }
        return latency
    }

    // MARK: - Values

    func readKind() throws -> NodeKind {
        let text = try reader.readString()
        guard let kind = NodeKind(rawValue: text) else {
            let kinds = NodeKind.allCases.map(\.rawValue).joined(separator: ", ")
            throw fail("unknown node kind '\(MessageText.excerpt(text))' (expected one of \(kinds))")
        }
        return kind
    }

    func readStringMap() throws -> [String: String] {
        var map: [String: String] = [:]
        try reader.readObject { key in map[key] = try reader.readString() }
        return map
    }

    func readPositive() throws -> Double {
        let value = try reader.readDouble()
        guard value > 0, value.isFinite else { throw fail("expected a positive number, found \(value)") }
        return value
    }

    func readNonNegative() throws -> Double {
        let value = try reader.readDouble()
        guard value >= 0, value.isFinite else { throw fail("expected a non-negative number, found \(value)") }
        return value
    }
}
