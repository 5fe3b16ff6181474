@testable import BenchReport
import Testing

@Suite("AxisScale")
struct AxisScaleTests {
    @Test("nice bounds and ticks", arguments: [
        (0.0, 10.5, 0.0, 12.0, 2.0, ["0", "2", "4", "6", "8", "10", "12"]),
        (0, 1, 0, 1, 0.2, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (0, 0.0173, 0, 0.02, 0.005, ["0.000", "0.005", "0.010", "0.015", "0.020"]),
        (0.6, 1.3, 0.6, 1.3, 0.1, ["0.6", "0.7", "0.8", "0.9", "1.0", "1.1", "1.2", "1.3"]),
        (-3, 7, -4, 8, 2, ["-4", "-2", "0", "2", "4", "6", "8"]),
        (0, 0, 0, 1, 0.2, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"]),
        (5, 5, 4.4, 5.6, 0.2, ["4.4", "4.6", "4.8", "5.0", "5.2", "5.4", "5.6"]),
    ] as [(Double, Double, Double, Double, Double, [String])])
    func scales(minimum: Double, maximum: Double, lower: Double, upper: Double, step: Double, labels: [String]) {
        let scale = AxisScale(minimum: minimum, maximum: maximum)
        #expect(scale.lower == lower && scale.upper == upper && scale.step == step)
        #expect(scale.ticks.map(scale.label) == labels)
    }

    @Test("ticks are exact decimals, not accumulated sums")
    func exactTicks() {
        let scale = AxisScale(minimum: 0, maximum: 0.7)
        #expect(scale.ticks == [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7])
    }

    @Test("large values get a metric prefix when allowed", arguments: [
        (25_000.0, "k", ["0", "5", "10", "15", "20", "25"]),
        (3.2e7, "M", ["0", "5", "10", "15", "20", "25", "30", "35"]),
        (9_999, "k", ["0", "2", "4", "6", "8", "10"]),
        (5_000, "", ["0", "1000", "2000", "3000", "4000", "5000"]),
    ])
    func prefixes(maximum: Double, prefix: String, labels: [String]) {
        let scale = AxisScale(minimum: 0, maximum: maximum, includesZero: true, allowsPrefix: true)
        #expect(scale.prefix == prefix)
        #expect(scale.ticks.map(scale.label) == labels)
        #expect(ChartFrame.AxisTitle(name: "Energy", unit: "J").text(prefix: scale.prefix) == "Energy (\(prefix)J)")
    }

    @Test("degenerate input still gives a usable axis")
    func degenerate() {
        let infinite = AxisScale(minimum: -.infinity, maximum: .nan)
        #expect(infinite.lower == 0 && infinite.upper == 1)
        let huge = AxisScale(minimum: -1e308, maximum: 1e308)
        #expect(huge.ticks.count <= 100 && huge.lower <= -1e308 && huge.upper >= 1e308)
    }
}

@Suite("Chart helpers")
struct ChartHelperTests {
    @Test("coordinates have at most two decimals and no trailing zeros")
    func numbers() {
        #expect(SVGDocument.number(12.5) == "12.5")
        #expect(SVGDocument.number(40) == "40")
        #expect(SVGDocument.number(-0.001) == "0")
        #expect(SVGDocument.number(3.14159) == "3.14")
        #expect(SVGDocument.number(.nan) == "0")
        #expect(SVGDocument.number(-7.05) == "-7.05" && SVGDocument.number(0.1) == "0.1" && SVGDocument.number(2.999) == "3")
    }

    @Test("XML escaping covers markup characters and characters XML forbids")
    func escaping() {
        #expect(SVGDocument.escape(#"a<b>&"c"'d"#) == "a&lt;b&gt;&amp;&quot;c&quot;&apos;d")
        #expect(SVGDocument.escape("bell\u{07}") == "bell\u{FFFD}")
    }

    @Test("slugs are file-name safe and unique")
    func slugs() {
        #expect(ReportSlug.make("Zürich Edge #2", fallback: "x") == "z-rich-edge-2")
        #expect(ReportSlug.make("???", fallback: "scenario") == "scenario")
        #expect(ReportSlug.unique(["a b", "a-b", "A B"], fallback: "x") == ["a-b", "a-b-2", "a-b-3"])
        #expect(ReportSlug.sweepValue("arrivalRateScale", -0.5) != ReportSlug.sweepValue("arrivalRateScale", 0.5))
    }

    @Test("long labels lose their middle, keeping both ends")
    func truncation() {
        #expect(ChartStyle.truncated("earliest-finish-variant-10", maximumCharacters: 18) == "earliest…ariant-10")
        #expect(ChartStyle.truncated("earliest-finish-variant-10", maximumCharacters: 18).unicodeScalars.count == 18)
        #expect(ChartStyle.truncated("short", maximumCharacters: 18) == "short")
    }

    @Test("decimal text is correctly rounded and never prints -0")
    func decimals() {
        #expect(DecimalText.fixed(0.125, decimals: 2) == "0.12")
        #expect(DecimalText.fixed(2.675, decimals: 2) == "2.67")
        #expect(DecimalText.fixed(-0.0001, decimals: 2) == "0.00")
        #expect(DecimalText.fixed(1e20, decimals: 1) == "100000000000000000000.0")
        #expect(DecimalText.shortest(0.75) == "0.75" && DecimalText.shortest(1) == "1")
        #expect(DecimalText.roundedToSignificantDigits(0.30000000000000004, digits: 12) == 0.3)
    }
}
