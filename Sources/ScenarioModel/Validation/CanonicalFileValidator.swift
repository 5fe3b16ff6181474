import StreamingIO

/// Validates any canonical file, recognising its kind by content. A scenario is
/// validated deeply: its settings, the topology and workload it refers to, and
/// how they fit together (agents and origins that exist and compute).
public enum CanonicalFileValidator {
    /// Validates the file at `path`; never throws: unreadable or unrecognised
    /// files are reported as issues.
    ///
    /// - Parameters:
    ///   - path: The file, or `-` for standard input.
    ///   - maximumIssues: Stop collecting issues after this many per file.
    public static func validate(path: String, maximumIssues: Int = 100) -> FileValidationReport {
        if path == "-" { return validateStandardInput(maximumIssues: maximumIssues) }
        let kind: CanonicalFileKind
        do {
            kind = try CanonicalFileKind.detect(path: path)
        } catch {
            return FileValidationReport(path: path, issues: error.issues)
        }
        switch kind {
        case .topology: return validateTopology(path: path)
        case .workload: return validateWorkload(path: path, originNodes: nil, maximumIssues: maximumIssues)
        case .scenario: return ScenarioValidator(maximumIssues: maximumIssues).validate(path: path)
        }
    }

    /// Standard input can be read only once, but recognising the kind and
    /// resolving forward dependencies read twice: spool it to a temporary file.
    static func validateStandardInput(maximumIssues: Int) -> FileValidationReport {
        let spool: TemporaryCopy
        do {
            spool = try TemporaryCopy(ofStandardInput: ())
        } catch {
            return FileValidationReport(path: "-", issues: ScenarioError.io(error).issues)
        }
        var report = validate(path: spool.path, maximumIssues: maximumIssues)
        report.path = "-"
        report.issues = report.issues.map { issue in
            var renamed = issue
            if renamed.location.path == spool.path { renamed.location.path = "<stdin>" }
            renamed.message = renamed.message.replacing(spool.path, with: "<stdin>")
            return renamed
        }
        return report
    }

    static func validateTopology(path: String) -> FileValidationReport {
        do {
            let reader = try ScenarioError.catching { try JSONReader(path: path) }
            let (topology, sourceMap) = try Topology.decode(from: reader)
            try ScenarioError.catching { try reader.expectEnd() }
            return FileValidationReport(
                path: path, kind: .topology, issues: topology.validationIssues(sourceMap: sourceMap),
                figures: topologyFigures(topology))
        } catch {
            return FileValidationReport(path: path, kind: .topology, issues: error.issues)
        }
    }

    static func topologyFigures(_ topology: Topology) -> [(String, FileValidationReport.Figure)] {
        var figures: [(String, FileValidationReport.Figure)] = [
            ("nodes", .integer(topology.nodes.count)), ("links", .integer(topology.links.count)),
            ("media", .integer(topology.media.count)),
        ]
        let counts = topology.nodeCountsByKind
        for kind in NodeKind.allCases {
            figures.append(("nodes_\(kind.rawValue)", .integer(counts[kind] ?? 0)))
        }
        return figures
    }

    static func validateWorkload(path: String, originNodes: Set<String>?, maximumIssues: Int) -> FileValidationReport {
        do {
            let validator = WorkloadValidator(originNodes: originNodes, maximumIssues: maximumIssues)
            let (summary, issues) = try validator.validate(path: path)
            return FileValidationReport(
                path: path, kind: .workload, issues: issues, figures: workloadFigures(summary))
        } catch {
            return FileValidationReport(path: path, kind: .workload, issues: error.issues)
        }
    }

    static func workloadFigures(_ summary: WorkloadSummary) -> [(String, FileValidationReport.Figure)] {
        [
            ("tasks", .integer(summary.tasks)), ("jobs", .integer(summary.jobs)),
            ("dependencies", .integer(summary.dependencies)),
            ("tasks_with_origin", .integer(summary.tasksWithOrigin)),
            ("tasks_with_deadline", .integer(summary.tasksWithDeadline)),
            ("first_arrival_s", .number(summary.firstArrivalSeconds)),
            ("last_arrival_s", .number(summary.lastArrivalSeconds)),
            ("total_instructions", .number(summary.totalInstructions)),
        ]
    }
}
