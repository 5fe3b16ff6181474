import StreamingIO

/// Validates a scenario with everything it refers to.
///
/// Checks, in order: the scenario's own syntax and settings; the topology
/// (file or embedded); the workload (file or embedded) with origins that must
/// be compute nodes of the topology; agents that exist and compute; and that
/// tasks without an origin have somewhere to arrive.
public struct ScenarioValidator {
    /// Stop collecting after this many issues per file.
    public var maximumIssues: Int

    /// Creates a validator.
    public init(maximumIssues: Int = 100) {
        self.maximumIssues = maximumIssues
    }

    /// Validates the scenario at `path`.
    public func validate(path: String) -> FileValidationReport {
        var report = FileValidationReport(path: path, kind: .scenario)
        let scenario: Scenario
        let sourceMap: ScenarioSourceMap
        do {
            (scenario, sourceMap) = try Scenario.decode(path: path)
        } catch {
            report.issues = error.issues
            return report
        }
        report.issues += scenario.settingsIssues(sourceMap: sourceMap)
        let folder = FilePaths.directory(of: path)

        // Topology.
        var topology: Topology?
        switch scenario.topology {
        case .file(let relative):
            let topologyPath = FilePaths.resolve(relative, from: folder)
            let topologyReport = CanonicalFileValidator.validateTopology(path: topologyPath)
            report.figures.append((key: "topology", value: .text(topologyPath)))
            if topologyReport.issues.isEmpty {
                topology = try? Topology.load(path: topologyPath)
            } else {
                report.issues.append(ValidationIssue(
                    sourceMap.location("$.topology.path"), "the topology '\(MessageText.excerpt(topologyPath, limit: 400))' is invalid"))
                report.issues += topologyReport.issues
            }
        case .embedded(let embedded):
            let issues = embedded.validationIssues(
                sourceMap: sourceMap.embeddedTopology ?? TopologySourceMap(path: path, jsonPathPrefix: "$.topology.embedded"))
            report.issues += issues
            if issues.isEmpty { topology = embedded }
        }
        guard let topology else { return report }
        report.figures += CanonicalFileValidator.topologyFigures(topology).map { (key: "topology_" + $0.0, value: $0.1) }

        let computeNodes = Set(topology.nodes.lazy.filter(\.kind.isCompute).map(\.id))
        let nodesById = Dictionary(topology.nodes.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })

        // Agents.
        for (index, id) in scenario.settings.agents.nodes.enumerated() {
            guard let node = nodesById[id] else {
                report.issues.append(ValidationIssue(
                    sourceMap.location("$.settings.agents.nodes"), "agent node '\(MessageText.excerpt(id))' (entry \(index)) is not in the topology"))
                continue
            }
            if !node.kind.isCompute {
                report.issues.append(ValidationIssue(
                    sourceMap.location("$.settings.agents.nodes"), "agent node '\(MessageText.excerpt(id))' is a \(node.kind.rawValue), not a compute node"))
            }
        }

        // Workload.
        var tasksWithoutOrigin = 0
        switch scenario.workload {
        case .file(let relative):
            let workloadPath = FilePaths.resolve(relative, from: folder)
            report.figures.append((key: "workload", value: .text(workloadPath)))
            let workloadReport = CanonicalFileValidator.validateWorkload(
                path: workloadPath, originNodes: computeNodes, maximumIssues: maximumIssues)
            if !workloadReport.issues.isEmpty {
                report.issues.append(ValidationIssue(
                    sourceMap.location("$.workload.path"), "the workload '\(MessageText.excerpt(workloadPath, limit: 400))' is invalid"))
                report.issues += workloadReport.issues
            }
            report.figures += workloadReport.figures.map { (key: "workload_" + $0.key, value: $0.value) }
            if case .integer(let tasks)? = workloadReport.figures.first(where: { $0.key == "tasks" })?.value,
                case .integer(let withOrigin)? = workloadReport.figures.first(where: { $0.key == "tasks_with_origin" })?.value
            {
                tasksWithoutOrigin = tasks - withOrigin
            }
        case .embedded:
            let (summary, issues) = scenario.embeddedWorkloadValidation(
                sourceMap: sourceMap, originNodes: computeNodes, maximumIssues: maximumIssues) ?? (WorkloadSummary(), [])
            report.issues += issues
            report.figures += CanonicalFileValidator.workloadFigures(summary).map { (key: "workload_" + $0.0, value: $0.1) }
            tasksWithoutOrigin = summary.tasks - summary.tasksWithOrigin
        case .synthetic:
            tasksWithoutOrigin = 1
        }

        // Origins for tasks that have none.
        if tasksWithoutOrigin > 0 {
            let origins = scenario.settings.origins
            let eligible = topology.nodes.filter { origins.kinds.contains($0.kind) && $0.kind.isCompute }
            if eligible.isEmpty {
                report.issues.append(ValidationIssue(
                    sourceMap.location("$.settings.origins.kinds"),
                    "tasks without an origin need a node of kind \(origins.kinds.map(\.rawValue).joined(separator: "/")), "
                        + "and the topology has none"))
            } else if origins.rule == .labelWeighted, let label = origins.weightLabel {
                let total = eligible.reduce(0.0) { sum, node in
                    guard let text = node.labels[label], let weight = Double(text), weight.isFinite, weight > 0 else { return sum }
                    return sum + weight
                }
                if !(total > 0) {
                    report.issues.append(ValidationIssue(
                        sourceMap.location("$.settings.origins.weightLabel"),
                        "no eligible origin node has a positive numeric '\(MessageText.excerpt(label))' label"))
                }
            }
        }
        if report.issues.count > maximumIssues { report.issues = Array(report.issues.prefix(maximumIssues)) }
        return report
    }
}
