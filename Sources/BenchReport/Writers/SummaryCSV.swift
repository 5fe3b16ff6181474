import StreamingIO

/// `summary.csv`: one row per scenario x sweep value x policy, in plan order,
/// with the mean, standard deviation, 95 % confidence interval (Student's t)
/// and number of runs of each `BenchMetric`.
///
/// Columns: `scenario`, the sweep parameter (with a sweep), `policy`, `runs`,
/// then per metric `<name>_mean`, `<name>_sd`, `<name>_ci95_low`,
/// `<name>_ci95_high`, `<name>_n`. Rates are fractions (not percent); six
/// decimals; empty where undefined (sd and CI need two runs).
public enum SummaryCSV {
    /// The header fields for `spec`.
    public static func header(for spec: BenchSpec) -> [String] {
        var header = ["scenario"]
        if let sweep = spec.sweep { header.append(ResultsCSV.sweepColumnName(sweep)) }
        header += ["policy", "runs"]
        for metric in BenchMetric.allCases {
            let name = metric.columnName
            header += ["\(name)_mean", "\(name)_sd", "\(name)_ci95_low", "\(name)_ci95_high", "\(name)_n"]
        }
        return header
    }

    /// The whole file as text.
    public static func text(_ summary: BenchSummary) -> String {
        var text = CSVText.line(header(for: summary.spec))
        for group in summary.groups {
            var fields = [group.scenario.name]
            if let point = group.sweepPoint { fields.append(DecimalText.shortest(point.value)) }
            fields += [group.policy, String(group.runCount)]
            for metric in BenchMetric.allCases {
                let statistics = group.statistics(for: metric)
                let interval = statistics?.confidenceInterval()
                fields += [
                    CSVText.real(statistics?.mean), CSVText.real(statistics?.standardDeviation),
                    CSVText.real(interval?.lower), CSVText.real(interval?.upper), String(statistics?.count ?? 0),
                ]
            }
            text += CSVText.line(fields)
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
}
