import StreamingIO

/// `summary.md`: the summary as GitHub-flavoured Markdown, one table per scenario.
public enum SummaryMarkdown {
    /// The whole file as text.
    public static func text(_ summary: BenchSummary) -> String {
        let spec = summary.spec
        var text = "# \(escape(spec.name))\n\n"
        text += ReportWording.overview(spec) + "\n\n"
        text += ReportWording.cellExplanation(spec) + "\n"
        for (index, scenario) in spec.scenarios.enumerated() {
            text += "\n## Scenario \(escape(scenario.name))\n\n"
            let table = SummaryTable(summary: summary, scenarioIndex: index)
            text += "| " + table.headings.map(escape).joined(separator: " | ") + " |\n"
            text += "|" + table.alignments.map { $0 == .left ? " :--- |" : " ---: |" }.joined() + "\n"
            for row in table.rows {
                text += "| " + row.map(escape).joined(separator: " | ") + " |\n"
            }
        }
        return text
    }

    /// Writes the file atomically.
    ///
    /// - Throws: `StreamingIOError.writeFailed` when the file cannot be written.
    public static func write(_ summary: BenchSummary, to path: String) throws(StreamingIOError) {
        let output = try OutputFile(path: path)
        try output.write(text(summary))
        try output.commit()
    }

    /// Escapes Markdown's inline syntax (and table pipes) so names print literally.
    static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            switch character {
            case "\\", "`", "*", "_", "[", "]", "<", ">", "|", "#":
                escaped.append("\\")
                escaped.append(character)
            case "\n", "\r", "\t":
                escaped.append(" ")
            default:
                escaped.append(character)
            }
        }
        return escaped
    }
}

/// Sentences shared by the Markdown, terminal and HTML outputs.
enum ReportWording {
    /// `2 scenarios × 5 policies × 3 arrivalRateScale values × 10 seeds = 300 runs.`
    static func overview(_ spec: BenchSpec) -> String {
        var parts = [
            count(spec.scenarios.count, "scenario", "scenarios"), count(spec.policies.count, "policy", "policies"),
        ]
        if let sweep = spec.sweep { parts.append(count(sweep.values.count, "\(sweep.parameter) value", "\(sweep.parameter) values")) }
        parts.append(count(spec.seeds.count, "seed", "seeds"))
        let runs = spec.scenarios.count * (spec.sweep?.values.count ?? 1) * spec.policies.count * spec.seeds.count
        return parts.joined(separator: " × ") + " = " + count(runs, "run", "runs") + "."
    }

    /// What a table cell means, and how the rates are defined.
    static func cellExplanation(_ spec: BenchSpec) -> String {
        "Each cell is the mean over seeds ± the half-width of its 95 % confidence interval (Student's t). "
            + "Drop rate: tasks dropped (queue full or deadline) per arrived task; deadline misses: tasks "
            + "dropped at their deadline or completed late, per arrived task."
    }

    static func count(_ number: Int, _ singular: String, _ plural: String) -> String {
        "\(number) \(number == 1 ? singular : plural)"
    }
}
