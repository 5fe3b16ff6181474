import BenchReport
import EdgeSimTestSupport
import StreamingIO
import Testing

/// Reference values computed independently with SciPy and NumPy by
/// tools/report/make_statistics_oracle.py (Tests/Fixtures/report/statistics-oracle.json).
struct StatisticsOracle {
    struct Sample {
        var values: [Double] = []
        var mean = 0.0
        var standardDeviation = 0.0
        var lower = 0.0
        var upper = 0.0
        var quantiles: [(p: Double, value: Double)] = []
        var distribution: [(x: Double, value: Double)] = []
    }

    var quantiles: [(degrees: Double, p: Double, value: Double)] = []
    var distribution: [(degrees: Double, t: Double, value: Double)] = []
    var samples: [Sample] = []

    static let shared: StatisticsOracle = {
        do {
            return try StatisticsOracle(path: Fixtures.fixture("report/statistics-oracle.json"))
        } catch {
            return StatisticsOracle()
        }
    }()

    init() {}

    init(path: String) throws {
        let reader = try JSONReader(path: path)
        try reader.readObject { key in
            switch key {
            case "t_quantiles":
                try reader.readArray { _ in
                    let entry = try Self.readNumbers(reader)
                    quantiles.append((entry["df"] ?? 0, entry["p"] ?? 0, entry["value"] ?? 0))
                }
            case "t_cdf":
                try reader.readArray { _ in
                    let entry = try Self.readNumbers(reader)
                    distribution.append((entry["df"] ?? 0, entry["t"] ?? 0, entry["value"] ?? 0))
                }
            case "samples":
                try reader.readArray { _ in
                    var sample = Sample()
                    try reader.readObject { key in
                        switch key {
                        case "values": try reader.readArray { _ in sample.values.append(try reader.readDouble()) }
                        case "mean": sample.mean = try reader.readDouble()
                        case "sd": sample.standardDeviation = try reader.readDouble()
                        case "ci95_low": sample.lower = try reader.readDouble()
                        case "ci95_high": sample.upper = try reader.readDouble()
                        case "quantiles":
                            try reader.readArray { _ in
                                let entry = try Self.readNumbers(reader)
                                sample.quantiles.append((entry["p"] ?? 0, entry["value"] ?? 0))
                            }
                        case "ecdf":
                            try reader.readArray { _ in
                                let entry = try Self.readNumbers(reader)
                                sample.distribution.append((entry["x"] ?? 0, entry["value"] ?? 0))
                            }
                        default: try reader.skipValue()
                        }
                    }
                    samples.append(sample)
                }
            default: try reader.skipValue()
            }
        }
    }

    private static func readNumbers(_ reader: JSONReader) throws -> [String: Double] {
        var numbers: [String: Double] = [:]
        try reader.readObject { key in numbers[key] = try reader.readDouble() }
        return numbers
    }
}

func isClose(_ left: Double, _ right: Double, relative: Double = 1e-10, absolute: Double = 1e-13) -> Bool {
    abs(left - right) <= max(absolute, relative * max(abs(left), abs(right)))
}

@Suite("Statistics against SciPy and NumPy")
struct StatisticsOracleTests {
    let oracle = StatisticsOracle.shared

    @Test("the oracle file is present and complete")
    func oraclePresent() {
        #expect(oracle.quantiles.count == 410)
        #expect(oracle.distribution.count == 410)
        #expect(oracle.samples.count == 6)
    }

    @Test("Student-t quantiles agree with scipy.stats.t.ppf to 1e-10")
    func quantiles() {
        for entry in oracle.quantiles {
            let value = StudentT.quantile(entry.p, degreesOfFreedom: entry.degrees)
            #expect(isClose(value, entry.value), "t.ppf(\(entry.p), \(entry.degrees)) = \(entry.value), got \(value)")
        }
    }

    @Test("the Student-t distribution function agrees with scipy.stats.t.cdf to 1e-11")
    func distributionFunction() {
        for entry in oracle.distribution {
            let value = StudentT.cumulativeProbability(entry.t, degreesOfFreedom: entry.degrees)
            #expect(isClose(value, entry.value, relative: 1e-11, absolute: 1e-15),
                    "t.cdf(\(entry.t), \(entry.degrees)) = \(entry.value), got \(value)")
        }
    }

    @Test("mean, standard deviation and 95 % interval agree with NumPy and scipy.stats.t.interval")
    func sampleStatistics() throws {
        for sample in oracle.samples {
            let statistics = try #require(SampleStatistics(sample.values))
            #expect(statistics.count == sample.values.count)
            #expect(isClose(statistics.mean, sample.mean, relative: 1e-14))
            #expect(isClose(statistics.standardDeviation ?? .nan, sample.standardDeviation, relative: 1e-9, absolute: 1e-15))
            let interval = try #require(statistics.confidenceInterval())
            #expect(isClose(interval.lower, sample.lower, relative: 1e-12), "\(sample.values)")
            #expect(isClose(interval.upper, sample.upper, relative: 1e-12), "\(sample.values)")
        }
    }

    @Test("quantiles and the empirical CDF agree with numpy.quantile and searchsorted")
    func empiricalDistribution() throws {
        for sample in oracle.samples {
            let distribution = EmpiricalCDF(sample.values.reversed())
            for (p, expected) in sample.quantiles {
                let value = try #require(distribution.quantile(p))
                #expect(isClose(value, expected, relative: 1e-14), "quantile(\(p)) of \(sample.values)")
            }
            for (x, expected) in sample.distribution {
                #expect(distribution.fraction(atOrBelow: x) == expected, "F(\(x)) of \(sample.values)")
            }
            let sketch = LatencySketch(latencies: sample.values)
            for (p, expected) in sample.quantiles {
                #expect(isClose(try #require(sketch.quantile(p)), expected, relative: 1e-14))
            }
        }
    }
}
