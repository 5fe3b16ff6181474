/// The summary as aligned plain-text tables for a terminal (standard output).
public enum TerminalTable {
    /// The tables of every scenario, each under a one-line title.
    public static func text(_ summary: BenchSummary) -> String {
        let spec = summary.spec
        var text = "\(spec.name): \(ReportWording.overview(spec)) Cells: mean ± 95 % CI over seeds.\n"
        for (index, scenario) in spec.scenarios.enumerated() {
            text += "\nScenario \(scenario.name)\n"
            text += render(SummaryTable(summary: summary, scenarioIndex: index))
        }
        return text
    }

    static func render(_ table: SummaryTable) -> String {
        var widths = table.headings.map(SummaryTable.width)
        for row in table.rows {
            for (column, cell) in row.enumerated() { widths[column] = max(widths[column], SummaryTable.width(cell)) }
        }
        func line(_ cells: [String]) -> String {
            var parts: [String] = []
            for (column, cell) in cells.enumerated() {
                let padding = String(repeating: " ", count: widths[column] - SummaryTable.width(cell))
                parts.append(table.alignments[column] == .left ? cell + padding : padding + cell)
            }
            var text = parts.joined(separator: "  ")
            while text.hasSuffix(" ") { text.removeLast() }
            return text + "\n"
        }
        var text = line(table.headings)
        text += widths.map { String(repeating: "-", count: $0) }.joined(separator: "  ") + "\n"
        for row in table.rows { text += line(row) }
        return text
    }
}
