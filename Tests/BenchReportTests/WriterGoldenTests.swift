import BenchReport
import EdgeSimTestSupport
import Testing

@Suite("Report writers: golden layouts")
struct WriterGoldenTests {
    static let cases: [(String, String)] = [
        ("plain", "results.csv"), ("plain", "summary.csv"), ("plain", "summary.md"), ("plain", "terminal.txt"),
        ("sweep", "results.csv"), ("sweep", "summary.csv"), ("sweep", "summary.md"), ("sweep", "terminal.txt"),
    ]

    static func render(_ fixture: String, _ file: String) throws -> String {
        let results = fixture == "plain" ? try ReportFixtures.plainResults() : try ReportFixtures.sweepResults()
        let summary = BenchSummary(results: results)
        switch file {
        case "results.csv": return ResultsCSV.text(results)
        case "summary.csv": return SummaryCSV.text(summary)
        case "summary.md": return SummaryMarkdown.text(summary)
        default: return TerminalTable.text(summary)
        }
    }

    @Test("output matches the golden file", arguments: cases)
    func golden(fixture: String, file: String) throws {
        let actual = try Self.render(fixture, file)
        let name = "golden-\(fixture)-\(file)"
        let expected = try #require(GoldenFile(folder: "report").expected(name, actual: actual), "missing Tests/Fixtures/report/\(name)")
        #expect(actual == expected, "\(name) differs at \(GoldenFile.firstDifference(expected, actual))")
    }

    @Test("the golden figures are the hand-computed ones")
    func handChecked() throws {
        let summary = BenchSummary(results: try ReportFixtures.plainResults())
        // tiny × local: mean latencies 0.11, 0.12, 0.13 → mean 0.12, s = 0.01,
        // half-width t(0.975, 2) · 0.01 / √3 = 4.302652729911275 · 0.01 / 1.7320508075688772 ≈ 0.0248414.
        let local = try #require(summary.groups[0].statistics(for: .meanLatency))
        #expect(isClose(local.mean, 0.12, relative: 1e-12))
        #expect(isClose(local.standardDeviation ?? 0, 0.01, relative: 1e-9))
        #expect(isClose(try #require(local.confidenceInterval()).halfWidth, 0.02484137711843753, relative: 1e-9))
        let summaryText = SummaryCSV.text(summary)
        #expect(summaryText.contains("tiny,local,3,0.120000,0.010000,0.095159,0.144841,3,"))
        // Drop rate of tiny × cloud: (k + 2) / 100 for k = 1, 2, 3 → 0.04 mean; shown as 4.00 ± 2.48 %.
        #expect(SummaryMarkdown.text(summary).contains("| cloud | 3 | 0.2200 ± 0.0248 | 0.4400 ± 0.0497 | 4.000 ± 2.484 |"))
        // The run without completions leaves two latencies in its cell.
        #expect(SummaryMarkdown.text(summary).contains("| cloud | 3 | 0.2150 ± 0.0635 (n=2) |"))
    }

    @Test("CSV fields with commas and quotes are quoted; Markdown escapes its syntax")
    func escaping() throws {
        let results = try ReportFixtures.plainResults()
        #expect(ResultsCSV.text(results).contains("\n\"pipe|and,comma\",local,1,"))
        #expect(SummaryMarkdown.text(BenchSummary(results: results)).contains("## Scenario pipe\\|and,comma"))
    }
}
