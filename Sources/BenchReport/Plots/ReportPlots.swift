/// Builds the charts of a report from its summary: per scenario (and sweep
/// value) the latency CDF, drop rate, energy and queue occupancy; per scenario
/// with a sweep, mean latency and drop rate against the swept parameter.
public enum ReportPlots {
    /// Every chart, in report order. Charts without data (no latencies or no
    /// occupancy series collected) are left out.
    public static func make(_ summary: BenchSummary) -> [ReportPlot] {
        let spec = summary.spec
        let scenarioSlugs = ReportSlug.unique(spec.scenarios.map(\.name), fallback: "scenario")
        var plots: [ReportPlot] = []
        for scenarioIndex in spec.scenarios.indices {
            let builder = ScenarioPlotBuilder(summary: summary, scenarioIndex: scenarioIndex, slug: scenarioSlugs[scenarioIndex])
            if spec.sweep != nil {
                plots.append(builder.sweepPlot(.meanLatency, kind: .latencyVersusSweep))
                plots.append(builder.sweepPlot(.dropRate, kind: .dropRateVersusSweep))
            }
            for sweepIndex in summary.results.plan.sweepIndices {
                plots += [
                    builder.latencyCDF(sweepIndex: sweepIndex),
                    builder.bars(.dropRate, kind: .dropRate, sweepIndex: sweepIndex),
                    builder.bars(.energy, kind: .energy, sweepIndex: sweepIndex),
                    builder.queueOccupancy(sweepIndex: sweepIndex),
                ].compactMap { $0 }
            }
        }
        return plots
    }
}

/// The charts of one scenario.
struct ScenarioPlotBuilder {
    let summary: BenchSummary
    let scenarioIndex: Int
    let slug: String

    private var spec: BenchSpec { summary.spec }
    private var scenarioName: String { spec.scenarios[scenarioIndex].name }
    private var seedCount: Int { spec.seeds.count }

    // MARK: - Per sweep value

    func latencyCDF(sweepIndex: Int?) -> ReportPlot? {
        var sketchesByPolicy: [(Int, [LatencySketch])] = []
        for group in summary.groups(scenarioIndex: scenarioIndex, sweepIndex: sweepIndex) {
            let sketches = summary.results.records(in: group.key).map(\.latencySketch).filter { $0.count > 0 }
            if !sketches.isEmpty { sketchesByPolicy.append((group.key.policyIndex, sketches)) }
        }
        guard !sketchesByPolicy.isEmpty else { return nil }
        let largest = sketchesByPolicy.flatMap { $0.1.compactMap(\.maximum) }.max() ?? 0
        let highest99 = sketchesByPolicy.map { Self.pooledQuantile(0.99, of: $0.1, upTo: largest) }.max() ?? largest
        // A long tail would squeeze every curve into the left edge: cut the axis at the 99th percentile.
        let isCut = largest > 1.5 * highest99 && highest99 > 0
        let xScale = AxisScale(minimum: 0, maximum: isCut ? highest99 : largest, includesZero: true)
        let yScale = AxisScale(lower: 0, upper: 1, ticks: [0, 0.2, 0.4, 0.6, 0.8, 1], decimals: 1)
        let samples = 400
        let series = sketchesByPolicy.map { policyIndex, sketches in
            LineSeries(
                name: spec.policies[policyIndex], styleIndex: policyIndex,
                points: (0...samples).map { step in
                    let x = xScale.upper * Double(step) / Double(samples)
                    return (x, LatencySketch.pooledFraction(sketches, atOrBelow: x))
                })
        }
        var subtitle = "Completion latencies pooled over \(ReportWording.count(seedCount, "seed", "seeds"))"
        if isCut { subtitle += "; x axis cut at the highest 99th percentile" }
        let frame = ChartFrame(
            identifier: identifier(.latencyCDF, sweepIndex), title: title("Latency CDF", sweepIndex), subtitle: subtitle,
            xTitle: .init(name: "Completion latency", unit: "s"), yTitle: .init(name: "Fraction of completed tasks", unit: ""),
            xScale: xScale, yScale: yScale, legend: legend(series.map(\.styleIndex)))
        let caption = "Distribution of task completion latencies per policy (\(subtitle.lowercasedFirst()))."
        return plot(.latencyCDF, sweepIndex, frame, LineChart.render(frame: frame, series: series, description: caption), caption)
    }

    func bars(_ metric: BenchMetric, kind: ReportPlot.Kind, sweepIndex: Int?) -> ReportPlot {
        let groups = Array(summary.groups(scenarioIndex: scenarioIndex, sweepIndex: sweepIndex))
        let scale = metric.displayScale
        let statistics = groups.map { $0.statistics(for: metric) }
        let intervals = statistics.map { $0?.confidenceInterval() }
        let highest = zip(statistics, intervals).compactMap { statistics, interval in
            statistics.map { max($0.mean, interval?.upper ?? $0.mean) * scale }
        }.max() ?? 0
        let yScale = AxisScale(minimum: 0, maximum: highest, includesZero: true, allowsPrefix: metric == .energy)
        // Three significant digits on the largest bar: enough to read, few enough to fit over a bar.
        let largest = statistics.compactMap { $0.map { abs($0.mean) * scale / yScale.prefixFactor } }.max()
        let decimals = max(SummaryTable.decimals(forLargest: largest) - 1, 0)
        let bars = groups.enumerated().map { index, group in
            BarDatum(
                name: group.policy, styleIndex: group.key.policyIndex, value: statistics[index].map { $0.mean * scale },
                interval: intervals[index].map { ($0.lower * scale, $0.upper * scale) },
                valueLabel: statistics[index].map { DecimalText.fixed($0.mean * scale / yScale.prefixFactor, decimals: decimals) } ?? "n/a")
        }
        let subtitle = seedCount > 1
            ? "Mean over \(seedCount) seeds; whiskers: 95 % confidence interval (Student's t)"
            : "One seed: no confidence interval"
        let frame = ChartFrame(
            identifier: identifier(kind, sweepIndex), title: title("\(metric.title) per policy", sweepIndex),
            subtitle: subtitle, xTitle: .init(name: "Policy", unit: ""),
            yTitle: .init(name: metric.title, unit: metric.displayUnit), xScale: nil, yScale: yScale,
            categories: groups.map(\.policy))
        let caption = "\(metric.title) per policy (\(subtitle.lowercasedFirst()))."
        return plot(kind, sweepIndex, frame, BarChart.render(frame: frame, bars: bars, description: caption), caption)
    }

    func queueOccupancy(sweepIndex: Int?) -> ReportPlot? {
        var series: [LineSeries] = []
        var seed: UInt64?
        for group in summary.groups(scenarioIndex: scenarioIndex, sweepIndex: sweepIndex) {
            guard let record = summary.results.records(in: group.key).first, let occupancy = record.queueOccupancy,
                !occupancy.queueLengths.isEmpty
            else { continue }
            seed = record.job.seed
            series.append(LineSeries(name: group.policy, styleIndex: group.key.policyIndex, points: occupancy.plotPoints()))
        }
        guard let seed, !series.isEmpty else { return nil }
        let times = series.flatMap { $0.points.map(\.0) }, lengths = series.flatMap { $0.points.map(\.1) }
        let xScale = AxisScale(minimum: times.min() ?? 0, maximum: times.max() ?? 1, includesZero: true)
        let yScale = AxisScale(minimum: 0, maximum: lengths.max() ?? 1, includesZero: true)
        let subtitle = "One run per policy (seed \(seed)); mean tasks queued per node"
        let frame = ChartFrame(
            identifier: identifier(.queueOccupancy, sweepIndex), title: title("Queue occupancy", sweepIndex),
            subtitle: subtitle, xTitle: .init(name: "Simulated time", unit: "s"),
            yTitle: .init(name: "Mean queue length", unit: "tasks"), xScale: xScale, yScale: yScale,
            legend: legend(series.map(\.styleIndex)))
        let caption = "Queue occupancy over simulated time (\(subtitle.lowercasedFirst()))."
        return plot(.queueOccupancy, sweepIndex, frame, LineChart.render(frame: frame, series: series, description: caption), caption)
    }

    // MARK: - Across a sweep

    func sweepPlot(_ metric: BenchMetric, kind: ReportPlot.Kind) -> ReportPlot {
        let sweep = spec.sweep ?? ParameterSweep(parameter: "sweep", values: [0])
        let scale = metric.displayScale
        var series: [LineSeries] = []
        var highest = 0.0
        for policyIndex in spec.policies.indices {
            var line = LineSeries(name: spec.policies[policyIndex], styleIndex: policyIndex, points: [], showsMarkers: true)
            for sweepIndex in sweep.values.indices {
                let key = BenchGroupKey(scenarioIndex: scenarioIndex, sweepIndex: sweepIndex, policyIndex: policyIndex)
                guard let statistics = summary.groups.first(where: { $0.key == key })?.statistics(for: metric) else { continue }
                let x = sweep.values[sweepIndex]
                line.points.append((x, statistics.mean * scale))
                highest = max(highest, statistics.mean * scale)
                if let interval = statistics.confidenceInterval() {
                    line.band.append((x, interval.lower * scale, interval.upper * scale))
                    highest = max(highest, interval.upper * scale)
                }
            }
            if line.band.count != line.points.count { line.band = [] }
            if !line.points.isEmpty { series.append(line) }
        }
        let xScale = AxisScale(minimum: sweep.values.first ?? 0, maximum: sweep.values.last ?? 1)
        let yScale = AxisScale(minimum: 0, maximum: highest, includesZero: true)
        let subtitle = seedCount > 1
            ? "Mean over \(seedCount) seeds; band: 95 % confidence interval (Student's t)"
            : "One seed per point: no confidence band"
        let frame = ChartFrame(
            identifier: identifier(kind, nil), title: "\(metric.title) vs \(sweep.parameter) — \(scenarioName)",
            subtitle: subtitle, xTitle: .init(name: sweep.axisTitle, unit: ""),
            yTitle: .init(name: metric.title, unit: metric.displayUnit), xScale: xScale, yScale: yScale,
            legend: legend(series.map(\.styleIndex)))
        let caption = "\(metric.title) per policy against \(sweep.parameter) (\(subtitle.lowercasedFirst()))."
        return plot(kind, nil, frame, LineChart.render(frame: frame, series: series, description: caption), caption)
    }

    // MARK: - Helpers

    private func legend(_ policyIndices: [Int]) -> [ChartFrame.LegendEntry] {
        policyIndices.map { ChartFrame.LegendEntry(name: spec.policies[$0], styleIndex: $0) }
    }

    private func title(_ what: String, _ sweepIndex: Int?) -> String {
        var text = "\(what) — \(scenarioName)"
        if let sweepIndex, let sweep = spec.sweep {
            text += ", \(sweep.parameter) = \(DecimalText.shortest(sweep.values[sweepIndex]))"
        }
        return text
    }

    private func fileStem(_ kind: ReportPlot.Kind, _ sweepIndex: Int?) -> String {
        var stem = slug
        if let sweepIndex, let sweep = spec.sweep {
            stem += "-" + ReportSlug.sweepValue(sweep.parameter, sweep.values[sweepIndex])
        }
        if let sweep = spec.sweep, kind == .latencyVersusSweep || kind == .dropRateVersusSweep {
            let what = kind == .latencyVersusSweep ? "latency" : "drop-rate"
            return stem + "-\(what)-vs-" + ReportSlug.make(sweep.parameter, fallback: "sweep")
        }
        return stem + "-" + kind.rawValue
    }

    private func identifier(_ kind: ReportPlot.Kind, _ sweepIndex: Int?) -> String {
        "chart-" + fileStem(kind, sweepIndex)
    }

    private func plot(_ kind: ReportPlot.Kind, _ sweepIndex: Int?, _ frame: ChartFrame, _ svg: String, _ caption: String) -> ReportPlot {
        ReportPlot(
            kind: kind, scenarioIndex: scenarioIndex, sweepIndex: sweepIndex, fileName: fileStem(kind, sweepIndex) + ".svg",
            title: frame.title, caption: caption, svg: svg)
    }

    /// The pooled `p`-quantile of several runs, by bisection on the pooled distribution function.
    static func pooledQuantile(_ p: Double, of sketches: [LatencySketch], upTo largest: Double) -> Double {
        var low = 0.0, high = largest
        for _ in 0..<64 where high - low > 1e-12 * max(high, 1e-300) {
            let middle = (low + high) / 2
            if LatencySketch.pooledFraction(sketches, atOrBelow: middle) >= p { high = middle } else { low = middle }
        }
        return high
    }
}

extension String {
    /// The text with its first letter in lower case (for subtitles reused inside sentences).
    func lowercasedFirst() -> String {
        guard let first else { return self }
        return first.lowercased() + dropFirst()
    }
}
