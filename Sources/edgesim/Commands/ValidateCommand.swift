import ArgumentParser
import ScenarioModel

/// `edgesim validate FILE...`: checks canonical files of any kind.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check topology, workload and scenario files against format v1.",
        discussion: """
            The kind of each file is recognised by its content. A scenario is checked \
            with the topology and workload it refers to. Every problem is printed as \
            FILE:LINE: message (JSON files add the column and the JSON path); the exit \
            status is 1 when any file is invalid.

            Summary keys: files, valid, invalid, issues, results (per file: path, kind, \
            valid, issues, and figures such as nodes, links, tasks, jobs).
            """
    )

    @Argument(help: "Files to check (`-` for standard input).")
    var files: [String]

    @Option(name: .customLong("summary-json"), help: "Write a JSON summary to this path (`-` for standard output).")
    var summaryPath: String?

    @Option(help: "Report at most this many issues per file.")
    var maxIssues: Int = 100

    func validate() throws {
        guard maxIssues > 0 else { throw ValidationError("--max-issues must be positive") }
    }

    func run() throws {
        let printsToStandardOutput = summaryPath != "-"
        var results: [SummaryReport.Value] = []
        var invalidFiles = 0
        var totalIssues = 0
        for file in files {
            let report = CanonicalFileValidator.validate(path: file, maximumIssues: maxIssues)
            totalIssues += report.issues.count
            if report.isValid {
                let line = "\(file): valid \(report.kind?.rawValue ?? "file")" + describe(report)
                if printsToStandardOutput { StandardOutput.write(line) } else { StandardError.write(line) }
            } else {
                invalidFiles += 1
                for issue in report.issues { StandardError.diagnostic(issue.description) }
            }
            var entry = SummaryReport()
            entry["path"] = .text(file)
            entry["kind"] = report.kind.map { .text($0.rawValue) } ?? .null
            entry["valid"] = .bool(report.isValid)
            entry["issues"] = .array(report.issues.map { .text($0.description) })
            for figure in report.figures { entry[figure.key] = SummaryReport.Value(figure.value) }
            results.append(.object(entry))
        }
        var summary = SummaryReport()
        summary["files"] = .integer(files.count)
        summary["valid"] = .integer(files.count - invalidFiles)
        summary["invalid"] = .integer(invalidFiles)
        summary["issues"] = .integer(totalIssues)
        summary["results"] = .array(results)
        if let summaryPath {
            try CommandFailure.reporting { try summary.write(to: summaryPath) }
        }
        if invalidFiles > 0 {
            throw CommandFailure.fail(
                "\(invalidFiles) of \(files.count) file\(files.count == 1 ? "" : "s") invalid "
                    + "(\(totalIssues) issue\(totalIssues == 1 ? "" : "s"))")
        }
    }

    private func describe(_ report: FileValidationReport) -> String {
        let wanted = ["nodes", "links", "tasks", "jobs", "dependencies", "topology_nodes", "workload_tasks"]
        let parts = report.figures.filter { wanted.contains($0.key) }.map { figure -> String in
            switch figure.value {
            case .integer(let value): return "\(value) \(figure.key.replacingUnderscores)"
            case .number(let value): return "\(value) \(figure.key.replacingUnderscores)"
            case .text(let value): return value
            }
        }
        return parts.isEmpty ? "" : " (" + parts.joined(separator: ", ") + ")"
    }
}

extension String {
    fileprivate var replacingUnderscores: String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
