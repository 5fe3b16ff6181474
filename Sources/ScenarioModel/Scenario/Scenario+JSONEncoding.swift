import StreamingIO

extension Scenario: CanonicalJSONDocument {
    /// Writes the scenario atomically to `path` (`-` for standard output), in
    /// the documented key order with every setting spelled out.
    ///
    /// - Throws: `ScenarioError.invalid` if a setting breaks a rule (nothing is
    ///   written), `.io` when writing fails.
    public func write(to path: String) throws(ScenarioError) {
        try writeDocument(to: path)
    }

    /// The canonical JSON text of the scenario.
    public var jsonText: String { documentText }

    func issuesBeforeWriting(to path: String) -> [ValidationIssue] {
        settingsIssues(sourceMap: ScenarioSourceMap(path: path))
    }

    /// Writes the scenario object into `writer`.
    public func encode(into writer: JSONWriter) throws(StreamingIOError) {
        writer.beginObject()
        writer.key("format")
        writer.string(Self.formatName)
        writer.key("version")
        writer.integer(Self.formatVersion)
        writer.key("name")
        writer.string(name)
        writer.key("topology")
        switch topology {
        case .file(let path):
            writer.beginObject(.inline)
            writer.key("path")
            writer.string(path)
            writer.endObject()
        case .embedded(let embedded):
            writer.beginObject()
            writer.key("embedded")
            try embedded.encode(into: writer)
            writer.endObject()
        }
        writer.key("workload")
        switch workload {
        case .file(let path):
            writer.beginObject(.inline)
            writer.key("path")
            writer.string(path)
            writer.endObject()
        case .embedded(let tasks):
            writer.beginObject()
            writer.key("tasks")
            writer.beginArray()
            for task in tasks { encode(task, into: writer) }
            writer.endArray()
            writer.endObject()
        case .synthetic:
            writer.null()
        }
        writer.key("settings")
        encode(settings, into: writer)
        writer.endObject()
    }

    private func encode(_ task: WorkloadTask, into writer: JSONWriter) {
        writer.beginObject(.inline)
        writer.key("taskId")
        writer.string(task.taskId)
        writer.key("jobId")
        writer.string(task.jobId)
        writer.key("arrivalSeconds")
        writer.number(task.arrivalSeconds)
        writer.key("origin")
        writer.optionalString(task.origin)
        writer.key("instructions")
        writer.integer(task.instructions)
        writer.key("inputBytes")
        writer.integer(task.inputBytes)
        writer.key("outputBytes")
        writer.integer(task.outputBytes)
        writer.key("memoryBytes")
        writer.integer(task.memoryBytes)
        writer.key("relativeDeadlineSeconds")
        writer.optionalNumber(task.relativeDeadlineSeconds)
        writer.key("dependencies")
        writer.beginArray(.inline)
        for dependency in task.dependencies { writer.string(dependency) }
        writer.endArray()
        writer.endObject()
    }

    private func encode(_ settings: ModelSettings, into writer: JSONWriter) {
        writer.beginObject()
        writer.key("seed")
        writer.integer(Int64(bitPattern: settings.seed))
        writer.key("horizonSeconds")
        writer.optionalNumber(settings.horizonSeconds)

        writer.key("agents")
        writer.beginObject(.inline)
        writer.key("kinds")
        writeKinds(settings.agents.kinds, into: writer)
        writer.key("nodes")
        writer.beginArray(.inline)
        for node in settings.agents.nodes { writer.string(node) }
        writer.endArray()
        writer.endObject()

        writer.key("candidates")
        writer.beginObject(.inline)
        writer.key("rule")
        writer.string(settings.candidates.rule.rawValue)
        writer.key("hops")
        writer.integer(settings.candidates.hops)
        writer.key("includeLocal")
        writer.bool(settings.candidates.includeLocal)
        writer.key("includeCloud")
        writer.bool(settings.candidates.includeCloud)
        writer.key("maxCandidates")
        if let limit = settings.candidates.maxCandidates { writer.integer(limit) } else { writer.null() }
        writer.endObject()

        writer.key("routing")
        writer.string(settings.routing.rawValue)

        writer.key("origins")
        writer.beginObject(.inline)
        writer.key("rule")
        writer.string(settings.origins.rule.rawValue)
        writer.key("kinds")
        writeKinds(settings.origins.kinds, into: writer)
        writer.key("weightLabel")
        writer.optionalString(settings.origins.weightLabel)
        writer.endObject()

        writer.key("decisions")
        writer.beginObject(.inline)
        writer.key("epoch")
        writer.string(settings.decisions.mode.rawValue)
        writer.key("intervalSeconds")
        writer.number(settings.decisions.intervalSeconds)
        writer.endObject()

        let reward = settings.reward
        writer.key("reward")
        writer.beginObject(.inline)
        writer.key("kind")
        writer.string(reward.kind.rawValue)
        for (key, value) in [
            ("utility", reward.utility), ("waitWeight", reward.waitWeight),
            ("transferWeight", reward.transferWeight), ("executionWeight", reward.executionWeight),
            ("overloadWeight", reward.overloadWeight), ("energyWeight", reward.energyWeight),
        ] {
            writer.key(key)
            writer.number(value)
        }
        writer.endObject()

        let synthetic = settings.syntheticArrivals
        writer.key("syntheticArrivals")
        writer.beginObject()
        writer.key("ratePerSecondPerOrigin")
        writer.number(synthetic.ratePerSecondPerOrigin)
        writer.key("durationSeconds")
        writer.number(synthetic.durationSeconds)
        writer.key("taskTypes")
        writer.beginArray()
        for type in synthetic.taskTypes {
            writer.beginObject(.inline)
            writer.key("name")
            writer.string(type.name)
            writer.key("weight")
            writer.number(type.weight)
            writer.key("instructions")
            writer.integer(type.instructions)
            writer.key("inputBytes")
            writer.integer(type.inputBytes)
            writer.key("outputBytes")
            writer.integer(type.outputBytes)
            writer.key("memoryBytes")
            writer.integer(type.memoryBytes)
            writer.key("relativeDeadlineSeconds")
            writer.optionalNumber(type.relativeDeadlineSeconds)
            writer.key("instructionsDistribution")
            writer.string(type.instructionsDistribution.rawValue)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()

        writer.key("queueGraceSeconds")
        writer.number(settings.queueGraceSeconds)
        writer.key("network")
        writer.beginObject(.inline)
        writer.key("sampleLinkLatencies")
        writer.bool(settings.network.sampleLinkLatencies)
        writer.endObject()
        writer.endObject()
    }

    private func writeKinds(_ kinds: [NodeKind], into writer: JSONWriter) {
        writer.beginArray(.inline)
        for kind in kinds { writer.string(kind.rawValue) }
        writer.endArray()
    }
}
