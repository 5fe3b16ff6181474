import StreamingIO

extension Scenario {
    static let settingsKeys = [
        "seed", "horizonSeconds", "agents", "candidates", "routing", "origins", "decisions", "reward",
        "syntheticArrivals", "queueGraceSeconds", "network",
    ]

    static func decodeSettings(_ reader: JSONReader, _ sourceMap: inout ScenarioSourceMap) throws -> ModelSettings {
        var settings = ModelSettings()
        // Remember where each value is, so settings issues can name the line.
        func mark() throws {
            _ = try reader.peekKind()
            sourceMap.positions[reader.jsonPath] = .init(reader.location())
        }
        try reader.readObject { key in
            try mark()
            switch key {
            case "seed": settings.seed = try reader.readSeed()
            case "horizonSeconds": settings.horizonSeconds = try reader.readOptionalDouble()
            case "agents":
                try reader.readObject { key in
                    try mark()
                    switch key {
                    case "kinds": settings.agents.kinds = try readKinds(reader)
                    case "nodes": settings.agents.nodes = try reader.readStringArray()
                    default: throw reader.unknownKey(key, in: "agents", allowed: ["kinds", "nodes"])
                    }
                }
            case "candidates":
                try reader.readObject { key in
                    try mark()
                    switch key {
                    case "rule": settings.candidates.rule = try reader.readEnum(CandidateRule.Rule.self)
                    case "hops": settings.candidates.hops = try reader.readInt()
                    case "includeLocal": settings.candidates.includeLocal = try reader.readBool()
                    case "includeCloud": settings.candidates.includeCloud = try reader.readBool()
                    case "maxCandidates":
                        settings.candidates.maxCandidates = try reader.readNullIfPresent() ? nil : try reader.readInt()
                    default:
                        throw reader.unknownKey(
                            key, in: "candidates",
                            allowed: ["rule", "hops", "includeLocal", "includeCloud", "maxCandidates"])
                    }
                }
            case "routing": settings.routing = try reader.readEnum(RoutingMetric.self)
            case "origins":
                try reader.readObject { key in
                    try mark()
                    switch key {
                    case "rule": settings.origins.rule = try reader.readEnum(OriginRule.Rule.self)
                    case "kinds": settings.origins.kinds = try readKinds(reader)
                    case "weightLabel": settings.origins.weightLabel = try reader.readOptionalString()
                    default: throw reader.unknownKey(key, in: "origins", allowed: ["rule", "kinds", "weightLabel"])
                    }
                }
            case "decisions":
                try reader.readObject { key in
                    try mark()
                    switch key {
                    case "epoch": settings.decisions.mode = try reader.readEnum(DecisionEpoch.Mode.self)
                    case "intervalSeconds": settings.decisions.intervalSeconds = try reader.readDouble()
                    default: throw reader.unknownKey(key, in: "decisions", allowed: ["epoch", "intervalSeconds"])
                    }
                }
            case "reward": settings.reward = try decodeReward(reader, mark)
            case "syntheticArrivals": settings.syntheticArrivals = try decodeSynthetic(reader, mark)
            case "queueGraceSeconds": settings.queueGraceSeconds = try reader.readDouble()
            case "network":
                try reader.readObject { key in
                    try mark()
                    switch key {
                    case "sampleLinkLatencies": settings.network.sampleLinkLatencies = try reader.readBool()
                    default: throw reader.unknownKey(key, in: "network", allowed: ["sampleLinkLatencies"])
                    }
                }
            default: throw reader.unknownKey(key, in: "settings", allowed: settingsKeys)
            }
        }
        return settings
    }

    static func readKinds(_ reader: JSONReader) throws -> [NodeKind] {
        var kinds: [NodeKind] = []
        try reader.readArray { _ in kinds.append(try reader.readEnum(NodeKind.self)) }
        return kinds
    }

    static func decodeReward(_ reader: JSONReader, _ mark: () throws -> Void) throws -> RewardSettings {
        var reward = RewardSettings()
        let keys = ["kind", "utility", "waitWeight", "transferWeight", "executionWeight", "overloadWeight", "energyWeight"]
        try reader.readObject { key in
            try mark()
            switch key {
            case "kind": reward.kind = try reader.readEnum(RewardSettings.Kind.self)
            case "utility": reward.utility = try reader.readDouble()
            case "waitWeight": reward.waitWeight = try reader.readDouble()
            case "transferWeight": reward.transferWeight = try reader.readDouble()
            case "executionWeight": reward.executionWeight = try reader.readDouble()
            case "overloadWeight": reward.overloadWeight = try reader.readDouble()
            case "energyWeight": reward.energyWeight = try reader.readDouble()
            default: throw reader.unknownKey(key, in: "reward", allowed: keys)
            }
        }
        return reward
    }

    static func decodeSynthetic(_ reader: JSONReader, _ mark: () throws -> Void) throws -> SyntheticArrivals {
        var synthetic = SyntheticArrivals()
        try reader.readObject { key in
            try mark()
            switch key {
            case "ratePerSecondPerOrigin": synthetic.ratePerSecondPerOrigin = try reader.readDouble()
            case "durationSeconds": synthetic.durationSeconds = try reader.readDouble()
            case "taskTypes":
                synthetic.taskTypes = []
                try reader.readArray { _ in
                    try mark()
                    synthetic.taskTypes.append(try decodeTaskType(reader, mark))
                }
            default:
                throw reader.unknownKey(
                    key, in: "syntheticArrivals", allowed: ["ratePerSecondPerOrigin", "durationSeconds", "taskTypes"])
            }
        }
        return synthetic
    }

    static func decodeTaskType(_ reader: JSONReader, _ mark: () throws -> Void) throws -> SyntheticArrivals.TaskType {
        var type = SyntheticArrivals.TaskType()
        let keys = [
            "name", "weight", "instructions", "inputBytes", "outputBytes", "memoryBytes", "relativeDeadlineSeconds",
            "instructionsDistribution",
        ]
        try reader.readObject { key in
            try mark()
            switch key {
            case "name": type.name = try reader.readString()
            case "weight": type.weight = try reader.readDouble()
            case "instructions": type.instructions = try reader.readInt64()
            case "inputBytes": type.inputBytes = try reader.readInt64()
            case "outputBytes": type.outputBytes = try reader.readInt64()
            case "memoryBytes": type.memoryBytes = try reader.readInt64()
            case "relativeDeadlineSeconds": type.relativeDeadlineSeconds = try reader.readOptionalDouble()
            case "instructionsDistribution":
                type.instructionsDistribution = try reader.readEnum(SyntheticArrivals.InstructionsDistribution.self)
            default: throw reader.unknownKey(key, in: "a task type", allowed: keys)
            }
        }
        return type
    }
}
