/// One rendered chart of a report.
public struct ReportPlot: Hashable, Sendable {
    /// What the chart shows.
    public enum Kind: String, Hashable, Sendable, CaseIterable {
        /// Completion-latency distribution per policy (lines).
        case latencyCDF = "latency-cdf"
        /// Drop rate per policy (bars with 95 % CI whiskers).
        case dropRate = "drop-rate"
        /// Energy per policy (bars with 95 % CI whiskers).
        case energy = "energy"
        /// Mean queue length over time in one run per policy (lines).
        case queueOccupancy = "queue-occupancy"
        /// Mean latency against the swept parameter per policy (lines with CI bands).
        case latencyVersusSweep = "latency-vs-sweep"
        /// Drop rate against the swept parameter per policy (lines with CI bands).
        case dropRateVersusSweep = "drop-rate-vs-sweep"
    }

    /// What the chart shows.
    public let kind: Kind
    /// The scenario's position in the spec.
    public let scenarioIndex: Int
    /// The sweep position, for per-sweep-value charts.
    public let sweepIndex: Int?
    /// The file name under `plots/` (`edge-latency-cdf.svg`); unique within a report.
    public let fileName: String
    /// The chart's title.
    public let title: String
    /// A sentence saying what is drawn, for figure captions.
    public let caption: String
    /// The SVG document (UTF-8 text, no XML declaration, so it also inlines into HTML).
    public let svg: String
}
