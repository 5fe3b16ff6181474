import ClusterGenerator
import EdgeSimTestSupport
import ScenarioModel
import Testing

#if canImport(Glibc)
import Glibc
#endif

/// Ether draws each urban-sensing cell's neighbourhood size as
/// `int(2.02 + exp(0.82 Z))` (SciPy `lognorm(0.82, 2.02)` truncated): minimum 2,
/// mean about 2.92. The generator's sizes must follow that distribution.
@Suite("Urban-sensing neighbourhood sizes")
struct NeighbourhoodDensityTests {
    /// E[int(location + exp(shape Z))] = Σ_{k>=1} P(n >= k), with
    /// P(n >= k) = P(exp(shape Z) >= k - location) = ½ erfc(ln(k - location) / (shape √2)).
    static func expectedMean(shape: Double, location: Double) -> Double {
        var mean = 0.0
        for k in 1..<100_000 {
            let threshold = Double(k) - location
            mean += threshold <= 0 ? 1 : 0.5 * erfc(log(threshold) / (shape * 2.0.squareRoot()))
        }
        return mean
    }

    @Test("the analytic mean of Ether's density is 2.92")
    func analyticMean() {
        let mean = Self.expectedMean(shape: 0.82, location: 2.02)
        #expect(abs(mean - 2.92) < 0.01)
    }

    @Test("over 4000 cells the mean size matches Ether's distribution within sampling error; the minimum is 2")
    func sampledMean() throws {
        let topology = try ClusterGenerator.generate(UrbanSensingScenario(cells: 4000), seed: 2024)
        let sizes = NeighbourhoodSizes(topology).sizes
        #expect(sizes.count == 4000)
        let count = Double(sizes.count)
        let mean = Double(sizes.reduce(0, +)) / count
        let variance = sizes.map { (Double($0) - mean) * (Double($0) - mean) }.reduce(0, +) / (count - 1)
        let standardError = (variance / count).squareRoot()
        let expected = Self.expectedMean(shape: 0.82, location: 2.02)
        #expect(abs(mean - expected) < 4 * standardError, "mean \(mean), expected \(expected) ± \(standardError)")
        #expect(sizes.min() == 2)
        // The share of size-2 cells: P(exp(0.82 Z) < 0.98) = Φ(ln 0.98 / 0.82) ≈ 0.490.
        let twos = Double(sizes.filter { $0 == 2 }.count) / count
        let expectedTwos = 0.5 * erfc(-log(0.98) / (0.82 * 2.0.squareRoot()))
        #expect(abs(twos - expectedTwos) < 4 * (expectedTwos * (1 - expectedTwos) / count).squareRoot())
    }

    @Test(
        "Ether's own samples have neighbourhoods of at least 2",
        .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: Ether samples skipped"))
    func etherSamples() throws {
        for name in ["urban_sensing_c3_s42", "urban_sensing_c10_s7"] {
            let sample = try EtherSample(path: (Fixtures.sharedData ?? "") + "/topologies/ether/\(name).json")
            #expect(sample.neighbourhoodSizes.values.allSatisfy { $0 >= 2 })
            #expect(sample.computeModels["rpi3b+"] == 2 * sample.neighbourhoodSizes.values.reduce(0, +))
        }
    }
}
