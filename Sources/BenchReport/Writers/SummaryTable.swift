#if canImport(Glibc)
import Glibc
#endif

/// The summary of one scenario as a table of display strings, shared by the
/// Markdown, terminal and HTML writers so all three show the same figures.
///
/// Each metric cell reads `mean ± half-width` of the 95 % confidence interval
/// (just `mean` for a single run, `n/a` when undefined), with `(n=K)` added
/// when the metric is defined for fewer runs than the cell has. Each column
/// has one number of decimals, chosen so its largest mean shows four
/// significant digits (0 to 6 decimals).
struct SummaryTable {
    /// How a column aligns.
    enum Alignment { case left, right }

    let headings: [String]
    let alignments: [Alignment]
    let rows: [[String]]

    init(summary: BenchSummary, scenarioIndex: Int) {
        let spec = summary.spec
        let groups = Array(summary.groups(scenarioIndex: scenarioIndex))
        var headings: [String] = []
        var alignments: [Alignment] = []
        if let sweep = spec.sweep {
            headings.append(sweep.axisTitle)
            alignments.append(.right)
        }
        headings += ["Policy", "Runs"]
        alignments += [.left, .right]
        for metric in BenchMetric.allCases {
            headings.append(metric.heading)
            alignments.append(.right)
        }
        let decimals = BenchMetric.allCases.map { metric in
            Self.decimals(forLargest: groups.compactMap { $0.statistics(for: metric).map { abs($0.mean) * metric.displayScale } }.max())
        }
        rows = groups.map { group in
            var row: [String] = []
            if let point = group.sweepPoint { row.append(DecimalText.shortest(point.value)) }
            row += [group.policy, String(group.runCount)]
            for metric in BenchMetric.allCases {
                row.append(Self.cell(group.statistics(for: metric), runs: group.runCount, scale: metric.displayScale,
                                     decimals: decimals[metric.rawValue]))
            }
            return row
        }
        self.headings = headings
        self.alignments = alignments
    }

    /// `mean ± half-width`, `mean` alone for one run, `n/a` when undefined.
    static func cell(_ statistics: SampleStatistics?, runs: Int, scale: Double, decimals: Int) -> String {
        guard let statistics else { return "n/a" }
        var text = DecimalText.fixed(statistics.mean * scale, decimals: decimals)
        if let interval = statistics.confidenceInterval() {
            text += " ± " + DecimalText.fixed(interval.halfWidth * scale, decimals: decimals)
        }
        if statistics.count < runs { text += " (n=\(statistics.count))" }
        return text
    }

    /// Decimals that show the largest value with four significant digits, within 0...6 (2 for zero).
    static func decimals(forLargest largest: Double?) -> Int {
        guard let largest, largest > 0, largest.isFinite else { return 2 }
        let magnitude = Int(log10(largest).rounded(.down))
        return min(max(3 - magnitude, 0), 6)
    }

    /// The number of characters a terminal shows for `text` (Unicode scalars; the tables hold no wide characters).
    static func width(_ text: String) -> Int {
        text.unicodeScalars.count
    }
}
