import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing
@testable import Simulator

/// The engine's building blocks: event queue, fingerprint table, latency
/// statistics, number formatting.
@Suite("Building blocks")
struct BuildingBlockTests {
    @Test("events pop in time order, ties in insertion order")
    func eventOrder() {
        let queue = EventQueue(initialCapacity: 4)
        defer { queue.deallocate() }
        var generator = SeededGenerator(seed: 3)
        var expected: [(Double, Int32)] = []
        for index in 0..<5000 {
            // Coarse times make many ties.
            let time = Double(Int.random(in: 0..<50, using: &generator))
            queue.push(time: time, kind: .arrival, task: Int32(index))
            expected.append((time, Int32(index)))
        }
        expected.sort { $0.0 < $1.0 || ($0.0 == $1.0 && $0.1 < $1.1) }
        var popped: [(Double, Int32)] = []
        while !queue.isEmpty {
            let event = queue.pop()
            popped.append((event.time, event.task))
            #expect(event.kind == .arrival)
        }
        #expect(popped.map(\.0) == expected.map(\.0))
        #expect(popped.map(\.1) == expected.map(\.1))
        #expect(queue.peekTime == .infinity)
    }

    @Test("the fingerprint table agrees with a dictionary through inserts and removals")
    func fingerprintTable() {
        var table = FingerprintTable(minimumCapacity: 4)
        var reference: [UInt64: Int32] = [:]
        var generator = SeededGenerator(seed: 8)
        for step in 0..<20_000 {
            // A small key space forces collisions, updates and removals of present keys.
            let key = UInt64.random(in: 1...3000, using: &generator) &* 0x9E37_79B9_7F4A_7C15 | 1
            if Bool.random(using: &generator) {
                table.set(Int32(step), for: key)
                reference[key] = Int32(step)
            } else {
                table.remove(key)
                reference[key] = nil
            }
        }
        #expect(table.count == reference.count)
        for (key, value) in reference { #expect(table.value(for: key) == value) }
        #expect(Fingerprint.of("j_1/M1") == Fingerprint.of("j_1/M1"))
        #expect(Fingerprint.of("j_1/M1") != Fingerprint.of("j_1/M2"))
    }

    @Test("exact quantiles interpolate like numpy's default")
    func exactQuantiles() {
        var statistics = LatencyStatistics(exactLimit: 100)
        for value in [5.0, 1, 4, 2, 3] { statistics.add(value) }
        // numpy.quantile([1, 2, 3, 4, 5], [0.5, 0.95, 0.99, 0.1]) = [3.0, 4.8, 4.96, 1.4]
        let levels = statistics.quantiles([0.5, 0.95, 0.99, 0.1])
        for (value, expected) in zip(levels, [3.0, 4.8, 4.96, 1.4]) { #expect(abs((value ?? 0) - expected) < 1e-12) }
        #expect(statistics.mean == 3)
        #expect(LatencyStatistics(exactLimit: 10).quantiles([0.5]) == [nil])
    }

    @Test("beyond the exact limit, sketch percentiles stay within 0.05 % of exact nearest ranks")
    func sketchAccuracy() {
        var sketch = LatencyStatistics(exactLimit: 1000)
        var values: [Double] = []
        var generator = SeededGenerator(seed: 12)
        for _ in 0..<50_000 {
            let value = generator.lognormal(shape: 1.2, location: 0, scale: 0.3)
            values.append(value)
            sketch.add(value)
        }
        #expect(!sketch.isExact)
        values.sort()
        let levels = [0.5, 0.95, 0.99]
        for (level, estimate) in zip(levels, sketch.quantiles(levels)) {
            let exact = values[Int((Double(values.count - 1) * level).rounded())]
            #expect(abs((estimate ?? 0) / exact - 1) <= LatencyStatistics.relativeAccuracy + 1e-12)
        }
        #expect(abs((sketch.mean ?? 0) - values.reduce(0, +) / Double(values.count)) < 1e-9)
    }

    @Test("CSV numbers: fixed point, up to 9 decimals, trailing zeros trimmed", arguments: [
        (0.25, "0.25"), (12.0, "12.0"), (0.000001234, "0.000001234"), (1.5e-10, "0.0"), (-2.5, "-2.5"),
        (123456.000000001, "123456.000000001"), (2e9, "2000000000.0"), (Double.nan, ""),
    ])
    func decimals(value: Double, text: String) throws {
        let directory = TemporaryDirectory()
        let output = try OutputFile(path: directory.file("n.txt"))
        try DecimalFormatting.write(value, to: output)
        try output.commit()
        #expect(String(decoding: Shell.contents(directory.file("n.txt")) ?? [], as: UTF8.self) == text)
    }
}
