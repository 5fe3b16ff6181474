import ScenarioModel

/// A figure the summary aggregates over seeds (mean and 95 % confidence interval).
public enum BenchMetric: Int, CaseIterable, Hashable, Sendable {
    /// Mean completion latency, seconds.
    case meanLatency
    /// 95th-percentile completion latency, seconds.
    case p95Latency
    /// Dropped tasks (queue full or deadline) per arrived task.
    case dropRate
    /// Deadline misses (dropped at the deadline or completed late) per arrived task.
    case deadlineMissRate
    /// Energy, joules.
    case energy

    /// The column stem in `summary.csv` (`mean_latency_s` gives `mean_latency_s_mean`, ...).
    public var columnName: String {
        switch self {
        case .meanLatency: return "mean_latency_s"
        case .p95Latency: return "p95_latency_s"
        case .dropRate: return "drop_rate"
        case .deadlineMissRate: return "deadline_miss_rate"
        case .energy: return "energy_j"
        }
    }

    /// The name in table headings and plot titles.
    public var title: String {
        switch self {
        case .meanLatency: return "Mean latency"
        case .p95Latency: return "p95 latency"
        case .dropRate: return "Drop rate"
        case .deadlineMissRate: return "Deadline misses"
        case .energy: return "Energy"
        }
    }

    /// The unit as shown in tables and on axes (rates are shown in percent).
    public var displayUnit: String {
        switch self {
        case .meanLatency, .p95Latency: return "s"
        case .dropRate, .deadlineMissRate: return "%"
        case .energy: return "J"
        }
    }

    /// The heading with its unit: `Mean latency (s)`, `Drop rate (%)`.
    public var heading: String { "\(title) (\(displayUnit))" }

    /// The factor from stored to displayed values (100 for rates shown in percent).
    public var displayScale: Double {
        switch self {
        case .dropRate, .deadlineMissRate: return 100
        default: return 1
        }
    }

    /// The metric's value for one run (nil when undefined, such as a latency without completions).
    public func value(of summary: ReplaySummary) -> Double? {
        switch self {
        case .meanLatency: return summary.meanLatencySeconds
        case .p95Latency: return summary.p95LatencySeconds
        case .dropRate: return summary.dropRate
        case .deadlineMissRate: return summary.deadlineMissRate
        case .energy: return summary.energyJoules
        }
    }
}
