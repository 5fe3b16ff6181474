import BenchReport
import ScenarioModel
import Testing

@Suite("StudentT")
struct StudentTTests {
    /// Two-sided 95 % critical values t(0.975, ν) from the NIST/SEMATECH e-Handbook of
    /// Statistical Methods, §1.3.6.7.2 "Critical Values of the Student's t Distribution" (3 decimals).
    static let nistTable: [(Double, Double)] = [
        (1, 12.706), (2, 4.303), (3, 3.182), (4, 2.776), (5, 2.571), (6, 2.447), (7, 2.365), (8, 2.306),
        (9, 2.262), (10, 2.228), (15, 2.131), (20, 2.086), (30, 2.042), (60, 2.000), (100, 1.984),
    ]

    @Test("95 % critical values match the NIST table to its three decimals", arguments: nistTable)
    func nist(degrees: Double, expected: Double) {
        let value = StudentT.criticalValue(level: 0.95, degreesOfFreedom: degrees)
        #expect(abs(value - expected) < 0.0005, "ν = \(degrees): \(value)")
    }

    @Test("closed forms: Cauchy for ν = 1, and ν = 2")
    func closedForms() {
        #expect(isClose(StudentT.quantile(0.75, degreesOfFreedom: 1), 1, relative: 1e-15))
        // ν = 2: t = (2p - 1) / sqrt(2 p (1 - p)); at p = 0.9, 0.8 / sqrt(0.18).
        #expect(isClose(StudentT.quantile(0.9, degreesOfFreedom: 2), 0.8 / 0.18.squareRoot(), relative: 1e-14))
        #expect(isClose(StudentT.cumulativeProbability(1, degreesOfFreedom: 1), 0.75, relative: 1e-14))
    }

    @Test("the quantile inverts the distribution function and is symmetric")
    func inverse() {
        for degrees in [1.0, 2, 3, 4.5, 9, 29, 250] {
            for p in [0.001, 0.2, 0.5, 0.7, 0.975, 0.9999] {
                let t = StudentT.quantile(p, degreesOfFreedom: degrees)
                #expect(isClose(StudentT.cumulativeProbability(t, degreesOfFreedom: degrees), p, relative: 1e-12))
                #expect(StudentT.quantile(1 - p, degreesOfFreedom: degrees) == -t || isClose(StudentT.quantile(1 - p, degreesOfFreedom: degrees), -t, relative: 1e-12))
            }
        }
    }

    @Test("edges: p = 0 and 1, invalid arguments")
    func edges() {
        #expect(StudentT.quantile(0, degreesOfFreedom: 5) == -.infinity)
        #expect(StudentT.quantile(1, degreesOfFreedom: 5) == .infinity)
        #expect(StudentT.quantile(0.5, degreesOfFreedom: 5) == 0)
        #expect(StudentT.quantile(1.5, degreesOfFreedom: 5).isNaN)
        #expect(StudentT.quantile(0.9, degreesOfFreedom: 0).isNaN)
        #expect(StudentT.cumulativeProbability(.infinity, degreesOfFreedom: 3) == 1)
    }
}

@Suite("SampleStatistics")
struct SampleStatisticsTests {
    @Test("hand-checked: 2, 4, 4, 4, 5, 5, 7, 9")
    func handChecked() throws {
        // Mean 5; squared deviations sum to 32; s = sqrt(32 / 7); t(0.975, 7) = 2.364624251592785.
        let statistics = try #require(SampleStatistics([2, 4, 4, 4, 5, 5, 7, 9]))
        #expect(statistics.mean == 5)
        #expect(isClose(statistics.standardDeviation ?? 0, (32.0 / 7).squareRoot(), relative: 1e-15))
        let halfWidth = 2.364624251592785 * (32.0 / 7).squareRoot() / 8.0.squareRoot()
        let interval = try #require(statistics.confidenceInterval())
        #expect(isClose(interval.halfWidth, halfWidth, relative: 1e-12))
        #expect(statistics.minimum == 2 && statistics.maximum == 9)
    }

    @Test("one value has a mean but no spread or interval; none has nothing")
    func small() throws {
        let one = try #require(SampleStatistics([3.5]))
        #expect(one.mean == 3.5 && one.standardDeviation == nil && one.confidenceInterval() == nil)
        #expect(SampleStatistics([]) == nil)
    }

    @Test("compensated sums keep digits a naive sum loses")
    func compensated() throws {
        let values = [1e16, 1, -1e16, 1] + Array(repeating: 0.1, count: 10)
        let statistics = try #require(SampleStatistics(values))
        #expect(isClose(statistics.mean * Double(values.count), 3, relative: 1e-12))
    }

    @Test("a wider level gives a wider interval")
    func levels() throws {
        let statistics = try #require(SampleStatistics([1, 2, 3, 4, 6]))
        let narrow = try #require(statistics.confidenceInterval(level: 0.9))
        let wide = try #require(statistics.confidenceInterval(level: 0.99))
        #expect(narrow.halfWidth < wide.halfWidth)
        #expect(statistics.confidenceInterval(level: 1) == nil)
    }
}

@Suite("EmpiricalCDF and LatencySketch")
struct DistributionTests {
    @Test("steps of a sample with ties")
    func steps() {
        let distribution = EmpiricalCDF([3, 1, 2, 2, .nan, 3, 3])
        #expect(distribution.count == 6)
        #expect(distribution.steps().map(\.value) == [1, 2, 3])
        #expect(distribution.steps().map(\.fraction) == [1.0 / 6, 3.0 / 6, 1])
        #expect(distribution.fraction(atOrBelow: 0.5) == 0)
        #expect(distribution.fraction(atOrBelow: 2) == 0.5)
        #expect(EmpiricalCDF([]).quantile(0.5) == nil)
        #expect(EmpiricalCDF([1]).quantile(2) == nil)
    }

    @Test("a small sample is kept exactly")
    func exact() throws {
        let values = (0..<1001).map { Double(($0 * 7919) % 1001) / 10 }
        let sketch = LatencySketch(latencies: values)
        let exact = EmpiricalCDF(values)
        #expect(sketch.isExact)
        for x in stride(from: -1.0, through: 101, by: 0.37) {
            #expect(sketch.fraction(atOrBelow: x) == exact.fraction(atOrBelow: x))
        }
        #expect(sketch.quantile(0.95) == exact.quantile(0.95))
    }

    @Test("a large sample keeps its distribution within 1/1000")
    func approximate() throws {
        var generator = SeededGenerator(seed: 11)
        let values = (0..<50_000).map { _ in generator.lognormal(shape: 0.8, location: 0, scale: 0.2) }
        let sketch = LatencySketch(latencies: values)
        let exact = EmpiricalCDF(values)
        #expect(!sketch.isExact && sketch.count == 50_000)
        for p in [0.01, 0.1, 0.5, 0.9, 0.99] {
            let x = try #require(exact.quantile(p))
            #expect(abs(sketch.fraction(atOrBelow: x) - exact.fraction(atOrBelow: x)) <= 0.001)
            #expect(isClose(try #require(sketch.quantile(p)), x, relative: 1e-12))
        }
        #expect(sketch.fraction(atOrBelow: -1) == 0 && sketch.fraction(atOrBelow: 1e9) == 1)
    }

    @Test("pooling weights runs by their number of latencies")
    func pooled() {
        let small = LatencySketch(latencies: [1, 2])  // F(1.5) = 0.5
        let large = LatencySketch(latencies: [3, 4, 5, 6, 7, 8])  // F(1.5) = 0
        #expect(LatencySketch.pooledFraction([small, large, .empty], atOrBelow: 1.5) == 1.0 / 8)
        #expect(LatencySketch.pooledFraction([], atOrBelow: 1) == 0)
    }
}
