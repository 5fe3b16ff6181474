import ScenarioModel
import Testing

@Suite("SeededGenerator")
struct SeededGeneratorTests {
    @Test("the same seed gives the same sequence; streams and seeds differ")
    func reproducible() {
        var first = SeededGenerator(seed: 42)
        var second = SeededGenerator(seed: 42)
        var otherStream = SeededGenerator(seed: 42, stream: 1)
        var otherSeed = SeededGenerator(seed: 43)
        let a = (0..<100).map { _ in first.next() }
        #expect(a == (0..<100).map { _ in second.next() })
        #expect(a != (0..<100).map { _ in otherStream.next() })
        #expect(a != (0..<100).map { _ in otherSeed.next() })
    }

    @Test("the sequence is pinned, so results stay comparable across versions")
    func pinned() {
        var generator = SeededGenerator(seed: 1)
        let values = (0..<3).map { _ in generator.next() }
        var again = SeededGenerator(seed: 1)
        #expect(values == (0..<3).map { _ in again.next() })
        #expect(values == SeededGeneratorTests.pinnedSeedOne)
    }

    /// xoshiro256** after SplitMix64 expansion of seed 1, stream 0, computed
    /// with an independent Python reimplementation of the published algorithms.
    static let pinnedSeedOne: [UInt64] = [17_254_933_023_648_552_173, 10_273_995_337_764_303_472, 13_859_318_443_369_830_749]

    @Test("uniform, exponential and lognormal draws have the right moments")
    func moments() {
        var generator = SeededGenerator(seed: 7)
        let count = 200_000
        var uniformSum = 0.0
        var exponentialSum = 0.0
        var normalSum = 0.0
        var normalSquares = 0.0
        for _ in 0..<count {
            let u = generator.nextUnitInterval()
            #expect(u >= 0 && u < 1)
            uniformSum += u
            exponentialSum += generator.exponential(rate: 2)
            let z = generator.standardNormal()
            normalSum += z
            normalSquares += z * z
        }
        #expect(abs(uniformSum / Double(count) - 0.5) < 0.005)
        #expect(abs(exponentialSum / Double(count) - 0.5) < 0.01)
        #expect(abs(normalSum / Double(count)) < 0.01)
        #expect(abs(normalSquares / Double(count) - 1) < 0.02)
        // Ether's mobile_isp lognorm(0.49, 16.2, 8.02): mean 25.24 ms.
        let mean = (0..<count).reduce(0.0) { sum, _ in
            sum + generator.lognormal(shape: 0.49, location: 16.2, scale: 8.02)
        } / Double(count)
        #expect(abs(mean - 25.24) < 0.1)
    }

    @Test("weighted choices follow their weights")
    func weighted() {
        var generator = SeededGenerator(seed: 3)
        var counts = [0, 0, 0]
        for _ in 0..<60_000 { counts[generator.weightedIndex([1, 0, 2])] += 1 }
        #expect(counts[1] == 0)
        #expect(abs(Double(counts[2]) / Double(counts[0]) - 2) < 0.1)
    }

    @Test("bounded integers stay in range, reach both ends and are unbiased")
    func boundedIntegers() {
        var generator = SeededGenerator(seed: 11)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 {
            let value = generator.integer(in: 3...9)
            #expect((3...9).contains(value))
            counts[value - 3] += 1
        }
        // Each of 7 values expects 10,000 draws (standard deviation about 93).
        #expect(counts.allSatisfy { abs($0 - 10_000) < 500 })
        #expect(generator.integer(in: 5...5) == 5)
        let extremes = (0..<1000).map { _ in generator.integer(in: Int.min...Int.max) }
        #expect(extremes.contains { $0 < 0 } && extremes.contains { $0 > 0 })
        var again = SeededGenerator(seed: 11)
        #expect(again.integer(in: 3...9) == SeededGenerator(seed: 11).copyDrawingOne(in: 3...9))
    }
}

extension SeededGenerator {
    fileprivate func copyDrawingOne(in range: ClosedRange<Int>) -> Int {
        var copy = self
        return copy.integer(in: range)
    }
}
