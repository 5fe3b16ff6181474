import StreamingIO

/// Positions of the values of a decoded scenario, for messages with lines.
public struct ScenarioSourceMap: Sendable {
    /// The scenario file.
    public var path: String
    var positions: [String: TopologySourceMap.SourcePoint] = [:]
    var embeddedTopology: TopologySourceMap?
    var embeddedTaskLocations: [SourceLocation] = []

    /// A map for a scenario that did not come from a file.
    public init(path: String = "<memory>") {
        self.path = path
    }

    /// The location of the value at `jsonPath` (`$.topology.path`), with its
    /// line and column when the decoder saw it.
    public func location(_ jsonPath: String) -> SourceLocation {
        var location = SourceLocation(path: path, jsonPath: jsonPath)
        if let point = positions[jsonPath] {
            location.line = Int(point.line)
            location.column = Int(point.column)
        }
        return location
    }
}

extension Scenario {
    static let topLevelKeys = ["format", "version", "name", "topology", "workload", "settings"]

    /// Reads a scenario file and checks its settings (not its topology or
    /// workload: `ScenarioValidator` does the deep check).
    ///
    /// - Throws: `ScenarioError` with the file, line and JSON path of the first
    ///   syntax error, or every settings issue.
    public static func load(path: String) throws(ScenarioError) -> Scenario {
        let (scenario, sourceMap) = try decode(path: path)
        let issues = scenario.settingsIssues(sourceMap: sourceMap)
        if !issues.isEmpty { throw .invalid(issues) }
        return scenario
    }

    /// Decodes a scenario file without validating it.
    public static func decode(path: String) throws(ScenarioError) -> (Scenario, ScenarioSourceMap) {
        let reader = try ScenarioError.catching { try JSONReader(path: path) }
        let result = try decode(from: reader)
        try ScenarioError.catching { try reader.expectEnd() }
        return result
    }

    /// Decodes a scenario object from `reader` without validating it.
    public static func decode(from reader: JSONReader) throws(ScenarioError) -> (Scenario, ScenarioSourceMap) {
        var sourceMap = ScenarioSourceMap(path: reader.path)
        var scenario = Scenario(name: "", topology: .file(path: ""))
        var seen: Set<String> = []
        try ScenarioError.catching {
            _ = try reader.peekKind()
            let start = reader.location()
            try reader.readObject { key in
                seen.insert(key)
                switch key {
                case "format":
                    try reader.checkFormat(try reader.readString(), expected: formatName)
                case "version":
                    let version = try reader.readInt64()
                    if version != Int64(formatVersion) {
                        throw ScenarioError.unsupportedVersion(reader.location(), found: version, supported: formatVersion)
                    }
                case "name": scenario.name = try reader.readString()
                case "topology": scenario.topology = try decodeTopologySource(reader, &sourceMap)
                case "workload": scenario.workload = try decodeWorkloadSource(reader, &sourceMap)
                case "settings": scenario.settings = try decodeSettings(reader, &sourceMap)
                default: throw reader.unknownKey(key, in: "a scenario", allowed: topLevelKeys)
                }
            }
            for required in ["format", "version", "topology"] where !seen.contains(required) {
                throw StreamingIOError.malformedJSON(start, message: "a scenario needs '\(required)'")
            }
        }
        return (scenario, sourceMap)
    }

    // MARK: - Sources

    static func decodeTopologySource(
        _ reader: JSONReader, _ sourceMap: inout ScenarioSourceMap
    ) throws -> TopologySource {
        var source: TopologySource?
        try reader.readObject { key in
            switch key {
            case "path":
                sourceMap.positions[reader.jsonPath] = .init(reader.location())
                source = .file(path: try reader.readString())
            case "embedded":
                let (topology, topologyMap) = try Topology.decode(from: reader)
                sourceMap.embeddedTopology = topologyMap
                source = .embedded(topology)
            default:
                throw reader.unknownKey(key, in: "the topology reference", allowed: ["path", "embedded"])
            }
        }
        guard let source else { throw reader.error("the topology needs 'path' or 'embedded'") }
        return source
    }

    static func decodeWorkloadSource(
        _ reader: JSONReader, _ sourceMap: inout ScenarioSourceMap
    ) throws -> WorkloadSource {
        if try reader.readNullIfPresent() { return .synthetic }
        var source: WorkloadSource?
        try reader.readObject { key in
            switch key {
            case "path":
                sourceMap.positions[reader.jsonPath] = .init(reader.location())
                source = .file(path: try reader.readString())
            case "tasks":
                var tasks: [WorkloadTask] = []
                try reader.readArray { _ in
                    _ = try reader.peekKind()
                    sourceMap.embeddedTaskLocations.append(reader.location())
                    tasks.append(try decodeTask(reader))
                }
                source = .embedded(tasks)
            default:
                throw reader.unknownKey(key, in: "the workload reference (null means synthetic)", allowed: ["path", "tasks"])
            }
        }
        guard let source else { throw reader.error("the workload needs 'path' or 'tasks' (or null for synthetic)") }
        return source
    }

    static func decodeTask(_ reader: JSONReader) throws -> WorkloadTask {
        _ = try reader.peekKind()
        let start = reader.location()
        var task = WorkloadTask(taskId: "", jobId: "", arrivalSeconds: 0, instructions: 0)
        var seen: Set<String> = []
        try reader.readObject { key in
            seen.insert(key)
            switch key {
            case "taskId": task.taskId = try reader.readString()
            case "jobId": task.jobId = try reader.readString()
            case "arrivalSeconds": task.arrivalSeconds = try reader.readDouble()
            case "origin": task.origin = try reader.readOptionalString()
            case "instructions": task.instructions = try reader.readInt64()
            case "inputBytes": task.inputBytes = try reader.readInt64()
            case "outputBytes": task.outputBytes = try reader.readInt64()
            case "memoryBytes": task.memoryBytes = try reader.readInt64()
            case "relativeDeadlineSeconds": task.relativeDeadlineSeconds = try reader.readOptionalDouble()
            case "dependencies": task.dependencies = try reader.readStringArray()
            default: throw reader.unknownKey(key, in: "a task", allowed: WorkloadFormat.columns)
            }
        }
        for required in ["taskId", "jobId", "arrivalSeconds", "instructions"] where !seen.contains(required) {
            throw StreamingIOError.malformedJSON(start, message: "a task needs '\(required)'")
        }
        return task
    }
}
