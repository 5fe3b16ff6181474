import ScenarioModel
import StreamingIO

/// `results.csv`: one row per run (scenario x sweep value x policy x seed, in
/// plan order) with every summary figure.
///
/// Columns: `scenario`, the sweep parameter (when the bench sweeps), `policy`,
/// `seed`, then `ReplaySummary.keys` in order. Counts are integers; seconds and
/// joules have six decimals; a latency is empty when no task completed.
public enum ResultsCSV {
    /// The header fields for `spec`.
    public static func header(for spec: BenchSpec) -> [String] {
        var header = ["scenario"]
        if let sweep = spec.sweep { header.append(sweepColumnName(sweep)) }
        header += ["policy", "seed"]
        return header + ReplaySummary.keys
    }

    /// The whole file as text.
    public static func text(_ results: BenchResults) -> String {
        var text = ""
        emit(results) { text += $0 }
        return text
    }

    /// Writes the file atomically.
    ///
    /// - Throws: `StreamingIOError.writeFailed` when the file cannot be written.
    public static func write(_ results: BenchResults, to path: String) throws(StreamingIOError) {
        let output = try OutputFile(path: path)
        var failure: StreamingIOError?
        emit(results) { line in
            guard failure == nil else { return }
            do throws(StreamingIOError) { try output.write(line) } catch { failure = error }
        }
        if let failure { throw failure }
        try output.commit()
    }

    private static func emit(_ results: BenchResults, _ line: (String) -> Void) {
        line(CSVText.line(header(for: results.plan.spec)))
        for record in results.records {
            var fields = [record.job.scenario.name]
            if let point = record.job.sweepPoint { fields.append(DecimalText.shortest(point.value)) }
            fields += [record.job.policy, String(record.job.seed)]
            for figure in record.summary.orderedFigures {
                switch figure.value {
                case .integer(let value): fields.append(String(value))
                case .number(let value): fields.append(CSVText.real(value))
                case .absent: fields.append("")
                }
            }
            line(CSVText.line(fields))
        }
    }

    /// The sweep's column: the parameter's name, prefixed with `sweep_` if it would clash with another column.
    static func sweepColumnName(_ sweep: ParameterSweep) -> String {
        let taken = ["scenario", "policy", "seed", "runs"] + ReplaySummary.keys
        return taken.contains(sweep.parameter) ? "sweep_\(sweep.parameter)" : sweep.parameter
    }
}
