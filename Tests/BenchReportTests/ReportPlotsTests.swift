import BenchReport
import Testing

@Suite("SVG charts")
struct ReportPlotsTests {
    static let policies = ["fast", "medium", "slow"]
    static let summary: BenchSummary = {
        let spec = BenchFixtures.spec(sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.6, 1, 1.3], label: "Load (×)"))
        // A failing fixture would make every test below fail with a clear message instead of trapping.
        let results = (try? BenchFixtures.results(spec, workers: 2))
            ?? (try? BenchResults(plan: BenchPlan(spec: BenchFixtures.spec(scenarios: ["a"])), records: []))
        return BenchSummary(results: results!)
    }()
    static let plots = ReportPlots.make(summary)

    @Test("every chart the report needs is there, with unique file names")
    func inventory() {
        // Per scenario: 2 sweep charts + 4 charts per sweep value.
        #expect(Self.plots.count == 2 * (2 + 3 * 4))
        #expect(Set(Self.plots.map(\.fileName)).count == Self.plots.count)
        for kind in ReportPlot.Kind.allCases {
            #expect(Self.plots.contains { $0.kind == kind }, "no \(kind) chart")
        }
        #expect(Self.plots.map(\.fileName).prefix(3) == [
            "edge-latency-vs-arrivalratescale.svg", "edge-drop-rate-vs-arrivalratescale.svg",
            "edge-arrivalratescale-0.6-latency-cdf.svg",
        ])
    }

    @Test("every chart is well-formed XML with a title, axes, ticks and one series per policy")
    func structure() throws {
        for plot in Self.plots {
            let svg = try #require(SVGInspector(plot.svg), "\(plot.fileName) is not well-formed XML")
            let root = try #require(svg.root)
            #expect(root.name == "svg" && root.attributes["viewBox"] == "0 0 720 420", "\(plot.fileName)")
            #expect(svg.elements("title").first?.text == plot.title)
            #expect(svg.elements("path", class: "axis").count == 1)
            for axis in ["y-axis", "x-axis"] {
                let group = try #require(svg.elements("g", class: axis).first)
                #expect(!group.text.isEmpty)
            }
            let yTicks = svg.elements("text", class: "tick").filter { _ in true }
            #expect(yTicks.count >= 4, "\(plot.fileName) has \(yTicks.count) tick labels")
            #expect(svg.series().map(\.name) == Self.policies, "\(plot.fileName): \(svg.series().map(\.name))")
        }
    }

    @Test("line charts: one line per policy with a legend entry; CDFs rise from 0 to 1")
    func lineCharts() throws {
        for plot in Self.plots where plot.kind != .dropRate && plot.kind != .energy {
            let svg = try #require(SVGInspector(plot.svg))
            #expect(svg.elements("g", class: "legend-entry").compactMap { $0.attributes["data-series"] } == Self.policies)
            for series in svg.series() {
                let line = try #require(series.children.first { $0.attributes["class"] == "line" }, "\(plot.fileName)")
                let points = Self.points(line.attributes["d"] ?? "")
                #expect(points.count >= 2)
                #expect(points.allSatisfy { $0.0 >= 0 && $0.0 <= 720 && $0.1 >= 0 && $0.1 <= 420 })
                if plot.kind == .latencyCDF {
                    #expect(points.count == 401)
                    // SVG rows grow downwards: a rising CDF has non-increasing y.
                    #expect(zip(points, points.dropFirst()).allSatisfy { $0.1 >= $1.1 && $0.0 < $1.0 })
                }
                if plot.kind == .latencyVersusSweep || plot.kind == .dropRateVersusSweep {
                    #expect(points.count == 3)
                    #expect(series.children.filter { $0.name == "circle" }.count == 3)
                    #expect(series.children.contains { $0.attributes["class"] == "band" })
                }
            }
        }
    }

    @Test("bar charts: a bar, a CI whisker and a value label per policy, labelled on the x axis")
    func barCharts() throws {
        for plot in Self.plots where plot.kind == .dropRate || plot.kind == .energy {
            let svg = try #require(SVGInspector(plot.svg))
            #expect(svg.elements("text", class: "category").map(\.text) == Self.policies)
            for series in svg.series() {
                #expect(series.children.filter { $0.attributes["class"] == "bar" && $0.name == "rect" }.count == 1)
                #expect(series.children.filter { $0.attributes["class"] == "whisker" }.count == 1)
                #expect(series.children.contains { $0.attributes["class"] == "value" && !$0.text.isEmpty })
            }
        }
    }

    @Test("axis titles carry units", arguments: [
        (ReportPlot.Kind.latencyCDF, ["Completion latency (s)", "Fraction of completed tasks"]),
        (.dropRate, ["Policy", "Drop rate (%)"]),
        (.energy, ["Policy", "Energy (J)"]),
        (.queueOccupancy, ["Simulated time (s)", "Mean queue length (tasks)"]),
        (.latencyVersusSweep, ["Load (×)", "Mean latency (s)"]),
        (.dropRateVersusSweep, ["Load (×)", "Drop rate (%)"]),
    ])
    func axisTitles(kind: ReportPlot.Kind, titles: [String]) throws {
        let plot = try #require(Self.plots.first { $0.kind == kind })
        let svg = try #require(SVGInspector(plot.svg))
        #expect(Set(svg.elements("text", class: "axis-title").map(\.text)) == Set(titles))
    }

    @Test("names are escaped and survive as text")
    func escaping() throws {
        let name = #"<b>&"quoted" 'x'"#
        let spec = BenchSpec(
            scenarios: [BenchScenario(name: "a&b <c>", path: "x.json")], policies: [name], seeds: [1, 2])
        let runner = QueueModelRunner(serviceRates: [name: 1.5])
        let plots = ReportPlots.make(BenchSummary(results: try BenchFixtures.results(spec, runner: runner)))
        #expect(plots.count == 4)
        for plot in plots {
            let svg = try #require(SVGInspector(plot.svg), "\(plot.fileName)")
            #expect(svg.series().map(\.name) == [name])
            #expect(svg.elements("title").first?.text.contains("a&b <c>") == true)
            #expect(plot.fileName.hasPrefix("a-b-c-"))
        }
    }

    @Test("runs without latencies or occupancy leave those charts out")
    func missingData() throws {
        let results = try ReportFixtures.plainResults()
        let plots = ReportPlots.make(BenchSummary(results: results))
        #expect(plots.map(\.kind) == [.latencyCDF, .dropRate, .energy, .latencyCDF, .dropRate, .energy])
    }

    @Test("the same results give byte-identical charts")
    func deterministic() throws {
        let again = ReportPlots.make(Self.summary)
        #expect(again == Self.plots)
    }

    /// The points of `M x y L x y ...` path data.
    static func points(_ data: String) -> [(Double, Double)] {
        let numbers = data.split(whereSeparator: { $0 == " " || $0 == "M" || $0 == "L" }).compactMap { Double($0) }
        return stride(from: 0, to: numbers.count - 1, by: 2).map { (numbers[$0], numbers[$0 + 1]) }
    }
}

@Suite("SVG charts: special cases")
struct ReportPlotsSpecialCaseTests {
    @Test("one seed: no whiskers, no bands, and tables show means alone")
    func oneSeed() throws {
        let spec = BenchFixtures.spec(scenarios: ["a"], seeds: [4], sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1]))
        let summary = BenchSummary(results: try BenchFixtures.results(spec))
        for plot in ReportPlots.make(summary) {
            let svg = try #require(SVGInspector(plot.svg))
            #expect(svg.elements("path", class: "whisker").isEmpty && svg.elements("path", class: "band").isEmpty)
        }
        #expect(!TerminalTable.text(summary).split(separator: "\n").dropFirst().contains { $0.contains("±") })
    }

    @Test("large energies are shown in kJ or MJ on the axis and the labels")
    func energyPrefix() throws {
        let spec = BenchFixtures.spec(scenarios: ["a"], policies: ["fast"], seeds: [1, 2])
        let runner = QueueModelRunner(busyWatts: 100_000)
        let plot = try #require(ReportPlots.make(BenchSummary(results: try BenchFixtures.results(spec, runner: runner)))
            .first { $0.kind == .energy })
        let svg = try #require(SVGInspector(plot.svg))
        let title = try #require(svg.elements("text", class: "axis-title").map(\.text).first { $0.hasPrefix("Energy") })
        #expect(title == "Energy (MJ)")
        let label = try #require(svg.elements("text", class: "value").first?.text)
        #expect((Double(label) ?? 0) > 1 && (Double(label) ?? 0) < 1000)
    }

    @Test("many policies with long names rotate their labels and keep distinct styles")
    func manyPolicies() throws {
        let policies = (1...10).map { "earliest-finish-variant-\($0)" }
        var rates: [String: Double] = [:]
        for (index, policy) in policies.enumerated() { rates[policy] = 1.2 + Double(index) * 0.1 }
        let spec = BenchFixtures.spec(scenarios: ["a"], policies: policies, seeds: [1, 2])
        let plots = ReportPlots.make(BenchSummary(results: try BenchFixtures.results(spec, runner: QueueModelRunner(serviceRates: rates))))
        let bars = try #require(plots.first { $0.kind == .dropRate })
        let svg = try #require(SVGInspector(bars.svg))
        let labels = svg.elements("text", class: "category")
        #expect(labels.count == 10 && labels.allSatisfy { ($0.attributes["transform"] ?? "").contains("rotate(-35)") })
        let cdfPlot = try #require(plots.first { $0.kind == .latencyCDF })
        let cdf = try #require(SVGInspector(cdfPlot.svg))
        let styles = cdf.series().map { series in
            let line = series.children.first { $0.attributes["class"] == "line" }
            return "\(line?.attributes["stroke"] ?? "") \(line?.attributes["stroke-dasharray"] ?? "")"
        }
        #expect(Set(styles).count == 10)
    }
}
