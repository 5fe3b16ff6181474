import BenchReport

extension SummaryReport {
    /// The `--summary-json` object of `edgesim bench` (keys in `BenchCommand`'s help).
    ///
    /// Nothing in it depends on the number of workers, so it is byte-identical
    /// across `--jobs` like the report itself.
    init(bench summary: BenchSummary, reportFolder: String, files: [String]) {
        self.init()
        let spec = summary.spec
        let records = summary.results.records
        self["name"] = .text(spec.name)
        self["scenarios"] = .integer(spec.scenarios.count)
        self["policies"] = .integer(spec.policies.count)
        self["seeds"] = .integer(spec.seeds.count)
        self["sweep_parameter"] = spec.sweep.map { .text($0.parameter) } ?? .null
        self["sweep_values"] = .integer(spec.sweep?.values.count ?? 0)
        self["runs"] = .integer(records.count)
        self["tasks"] = .integer(records.reduce(0) { $0 &+ $1.summary.tasks })
        self["completed"] = .integer(records.reduce(0) { $0 &+ $1.summary.completed })
        self["dropped"] = .integer(records.reduce(0) { $0 &+ $1.summary.dropped })
        self["events"] = .integer(records.reduce(0) { $0 &+ $1.summary.events })
        self["report"] = .text(reportFolder)
        self["files"] = .array(files.map { .text($0) })
        self["cells"] = .array(summary.groups.map { .object(SummaryReport(cell: $0, sweep: spec.sweep)) })
    }

    /// One summary cell: its coordinates, then each metric's mean and 95 % half-width.
    private init(cell: BenchGroupSummary, sweep: ParameterSweep?) {
        self.init()
        self["scenario"] = .text(cell.scenario.name)
        if let sweep, let point = cell.sweepPoint { self[sweep.parameter] = .number(point.value) }
        self["policy"] = .text(cell.policy)
        self["runs"] = .integer(cell.runCount)
        for metric in BenchMetric.allCases {
            let statistics = cell.statistics(for: metric)
            self[metric.columnName] = statistics.map { .number($0.mean) } ?? .null
            self[metric.columnName + "_ci95"] = statistics?.confidenceInterval().map { .number($0.halfWidth) } ?? .null
        }
    }
}
