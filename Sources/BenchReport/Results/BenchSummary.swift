/// The statistics of one summary cell: a scenario, a sweep value (if any) and
/// a policy, over all seeds.
public struct BenchGroupSummary: Sendable {
    /// Which cell.
    public let key: BenchGroupKey
    /// The cell's scenario.
    public let scenario: BenchScenario
    /// The cell's policy.
    public let policy: String
    /// The cell's sweep value, when the bench sweeps.
    public let sweepPoint: SweepPoint?
    /// The number of runs (seeds) in the cell.
    public let runCount: Int
    private let statisticsByMetric: [SampleStatistics?]

    init(key: BenchGroupKey, records: ArraySlice<BenchRunRecord>) {
        self.key = key
        let first = records.first
        scenario = first?.job.scenario ?? BenchScenario(name: "", path: "")
        policy = first?.job.policy ?? ""
        sweepPoint = first?.job.sweepPoint
        runCount = records.count
        statisticsByMetric = BenchMetric.allCases.map { metric in
            SampleStatistics(records.compactMap { metric.value(of: $0.summary) })
        }
    }

    /// The statistics of `metric` over the cell's runs where it is defined (nil when it is defined for none).
    public func statistics(for metric: BenchMetric) -> SampleStatistics? {
        statisticsByMetric[metric.rawValue]
    }
}

/// A bench's results aggregated per cell, in plan order: the numbers of
/// `summary.csv`, `summary.md`, the terminal table and the plots.
public struct BenchSummary: Sendable {
    /// The results summarised.
    public let results: BenchResults
    /// One entry per cell, in plan order (scenario, sweep value, policy).
    public let groups: [BenchGroupSummary]

    /// Aggregates `results`.
    ///
    /// - Complexity: O(jobs).
    public init(results: BenchResults) {
        self.results = results
        groups = results.plan.groupKeys.map { BenchGroupSummary(key: $0, records: results.records(in: $0)) }
    }

    /// The plan's spec.
    public var spec: BenchSpec { results.plan.spec }

    /// The cells of one scenario, in plan order.
    public func groups(scenarioIndex: Int) -> ArraySlice<BenchGroupSummary> {
        let perScenario = groups.count / max(spec.scenarios.count, 1)
        let start = scenarioIndex * perScenario
        return groups[start..<(start + perScenario)]
    }

    /// The cells of one scenario at one sweep position, in policy order.
    public func groups(scenarioIndex: Int, sweepIndex: Int?) -> ArraySlice<BenchGroupSummary> {
        let policies = spec.policies.count
        let start = scenarioIndex * (spec.sweep?.values.count ?? 1) * policies + (sweepIndex ?? 0) * policies
        return groups[start..<(start + policies)]
    }
}
