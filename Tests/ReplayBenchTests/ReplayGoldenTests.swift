import BenchReport
import EdgeSimTestSupport
import ReplayBench
import Testing

/// The report tables of real replays (the `pair` fixture through the simulator),
/// byte for byte: a change in the simulator's figures or the writers' layout shows here.
@Suite("Bench reports of real replays: golden layouts")
struct ReplayGoldenTests {
    static let files = ["results.csv", "summary.csv", "summary.md", "terminal.txt"]

    static func summary(_ fixture: String) throws -> BenchSummary {
        let plan = fixture == "plain"
            ? try BenchScenarios.plan(name: "pair study")
            : try BenchScenarios.plan(
                policies: ["local", "least-queue", "cloud"], seeds: [1, 2],
                sweep: ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1, 2], label: "Arrival-rate scale (×)"),
                name: "pair load study")
        return BenchSummary(results: try MatrixRunner(runner: ReplayRunner(), workerCount: 2).run(plan))
    }

    static func render(_ summary: BenchSummary, _ file: String) -> String {
        switch file {
        case "results.csv": return ResultsCSV.text(summary.results)
        case "summary.csv": return SummaryCSV.text(summary)
        case "summary.md": return SummaryMarkdown.text(summary)
        default: return TerminalTable.text(summary)
        }
    }

    @Test("the report tables match the golden files", arguments: ["plain", "sweep"])
    func golden(fixture: String) throws {
        let summary = try Self.summary(fixture)
        for file in Self.files {
            let actual = Self.render(summary, file)
            let name = "golden-\(fixture)-\(file)"
            let expected = try #require(GoldenFile(folder: "bench").expected(name, actual: actual), "missing Tests/Fixtures/bench/\(name)")
            #expect(actual == expected, "\(name) differs at \(GoldenFile.firstDifference(expected, actual))")
        }
    }

    @Test("the scenario is busy enough that the policies differ as expected")
    func policiesDiffer() throws {
        let summary = try Self.summary("plain")
        func mean(_ policy: String, _ metric: BenchMetric) throws -> Double {
            let group = try #require(summary.groups.first { $0.policy == policy })
            return try #require(group.statistics(for: metric)).mean
        }
        // Overloaded devices: running locally drops tasks and waits longest; load-aware policies do best.
        #expect(try mean("local", .dropRate) > 0.05)
        #expect(try mean("least-queue", .meanLatency) < (try mean("random", .meanLatency)))
        #expect(try mean("earliest-finish", .meanLatency) < (try mean("local", .meanLatency)))
        #expect(try mean("earliest-finish", .deadlineMissRate) <= (try mean("random", .deadlineMissRate)))
    }
}
