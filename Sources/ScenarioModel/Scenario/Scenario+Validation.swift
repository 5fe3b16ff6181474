import StreamingIO

extension Scenario {
    /// Every rule the settings break: positive finite horizon, interval, rate
    /// and duration; non-negative hops, grace, weights and task sizes; a
    /// candidate limit of at least 1; at least one
    /// task type with a positive total weight; a weight label for
    /// `label-weighted` origins; non-empty kind lists.
    public func settingsIssues(sourceMap: ScenarioSourceMap) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func report(_ path: String, _ message: String) {
            issues.append(ValidationIssue(sourceMap.location("$.settings." + path), message))
        }
        func positive(_ value: Double, _ path: String) {
            if !(value > 0) || !value.isFinite { report(path, "must be a positive finite number, found \(value)") }
        }
        func nonNegative(_ value: Double, _ path: String) {
            if !(value >= 0) || !value.isFinite { report(path, "must be a finite number >= 0, found \(value)") }
        }
        if name.isEmpty {
            issues.append(ValidationIssue(sourceMap.location("$.name"), "the scenario name is empty"))
        }
        let settings = self.settings
        if let horizon = settings.horizonSeconds { positive(horizon, "horizonSeconds") }
        if settings.candidates.hops < 0 { report("candidates.hops", "must be >= 0, found \(settings.candidates.hops)") }
        if let limit = settings.candidates.maxCandidates, limit < 1 {
            report("candidates.maxCandidates", "must be >= 1 or null (no limit), found \(limit)")
        }
        nonNegative(settings.queueGraceSeconds, "queueGraceSeconds")
        if settings.origins.kinds.isEmpty { report("origins.kinds", "needs at least one node kind") }
        if !settings.origins.kinds.allSatisfy(\.isCompute) || !settings.agents.kinds.allSatisfy(\.isCompute) {
            report("origins.kinds", "origins and agents must be compute kinds (device, edge, cloud)")
        }
        if settings.origins.rule == .labelWeighted && (settings.origins.weightLabel ?? "").isEmpty {
            report("origins.weightLabel", "label-weighted origins need a weightLabel")
        }
        positive(settings.decisions.intervalSeconds, "decisions.intervalSeconds")
        let reward = settings.reward
        for (path, value) in [
            ("reward.utility", reward.utility), ("reward.waitWeight", reward.waitWeight),
            ("reward.transferWeight", reward.transferWeight), ("reward.executionWeight", reward.executionWeight),
            ("reward.overloadWeight", reward.overloadWeight), ("reward.energyWeight", reward.energyWeight),
        ] {
            nonNegative(value, path)
        }
        let synthetic = settings.syntheticArrivals
        positive(synthetic.ratePerSecondPerOrigin, "syntheticArrivals.ratePerSecondPerOrigin")
        positive(synthetic.durationSeconds, "syntheticArrivals.durationSeconds")
        if synthetic.taskTypes.isEmpty {
            report("syntheticArrivals.taskTypes", "needs at least one task type")
        } else if !(synthetic.taskTypes.reduce(0) { $0 + max($1.weight, 0) } > 0) {
            report("syntheticArrivals.taskTypes", "the task type weights must add up to more than 0")
        }
        for (index, type) in synthetic.taskTypes.enumerated() {
            let path = "syntheticArrivals.taskTypes[\(index)]"
            nonNegative(type.weight, path + ".weight")
            if type.instructions <= 0 { report(path + ".instructions", "must be > 0, found \(type.instructions)") }
            for (field, value) in [
                ("inputBytes", type.inputBytes), ("outputBytes", type.outputBytes), ("memoryBytes", type.memoryBytes),
            ] where value < 0 {
                report(path + "." + field, "must be >= 0, found \(value)")
            }
            if let deadline = type.relativeDeadlineSeconds { positive(deadline, path + ".relativeDeadlineSeconds") }
        }
        return issues
    }
}

extension Scenario {
    /// Every workload rule (FORMAT.md) an embedded workload breaks, located in
    /// the scenario file: unique ids, sorted arrivals, dependencies on earlier
    /// tasks of the same job (so no cycles), and origins among `originNodes`
    /// when given. Empty for file and synthetic workloads, whose checks need
    /// the file (`ScenarioValidator`).
    ///
    /// - Parameters:
    ///   - sourceMap: The map `Scenario.decode` returned with the scenario.
    ///   - originNodes: The topology's compute nodes, or nil to skip the origin check.
    ///   - maximumIssues: Stop collecting after this many.
    /// - Complexity: O(n log n) in the number of tasks.
    public func embeddedWorkloadIssues(
        sourceMap: ScenarioSourceMap, originNodes: Set<String>?, maximumIssues: Int = 100
    ) -> [ValidationIssue] {
        embeddedWorkloadValidation(sourceMap: sourceMap, originNodes: originNodes, maximumIssues: maximumIssues)?.issues ?? []
    }

    /// The embedded workload's summary and issues, or nil when the workload is not embedded.
    func embeddedWorkloadValidation(
        sourceMap: ScenarioSourceMap, originNodes: Set<String>?, maximumIssues: Int
    ) -> (summary: WorkloadSummary, issues: [ValidationIssue])? {
        guard case .embedded(let tasks) = workload else { return nil }
        let locations = tasks.indices.map { index -> SourceLocation in
            index < sourceMap.embeddedTaskLocations.count
                ? sourceMap.embeddedTaskLocations[index]
                : SourceLocation(path: sourceMap.path, jsonPath: "$.workload.tasks[\(index)]")
        }
        let (summary, issues) = WorkloadValidator(originNodes: originNodes, maximumIssues: maximumIssues)
            .validate(tasks: tasks, locations: locations)
        return (summary, issues)
    }
}

