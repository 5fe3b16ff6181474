/// Options of one replay that are not part of the scenario: seed and horizon
/// overrides, load scaling, what to collect.
///
/// The defaults reproduce the scenario as written and collect only what the
/// summary needs, so a replay's memory does not grow with the workload.
public struct ReplayOptions: Hashable, Sendable {
    /// Replaces the scenario's `settings.seed` when set.
    public var seed: UInt64?
    /// Replaces the scenario's `settings.horizonSeconds` when set.
    public var horizonSeconds: Double?
    /// Load scale (default 1, the scenario as given). Workload arrival times
    /// are divided by it (`arrival / scale`: 2 compresses the trace into half
    /// the time, doubling the arrival rate); synthetic arrival rates are
    /// multiplied by it (the synthetic duration is unchanged). Must be > 0.
    public var arrivalRateScale: Double
    /// Sample queue occupancy every this many simulated seconds (nil: no
    /// samples). Samples are taken at 0, Δ, 2Δ, ... up to the end.
    public var queueSampleIntervalSeconds: Double?
    /// Keep every completion latency in `ReplayResult.latencies` (default
    /// false: memory then stays flat however long the workload is).
    public var collectLatencies: Bool
    /// Percentiles are exact (linear interpolation, as numpy's default) while
    /// at most this many tasks completed; beyond, they come from a
    /// log-bucketed sketch with 0.05 % relative accuracy (default 1,000,000).
    public var exactQuantileLimit: Int
    /// The time scale of observation features, in seconds (default 1): a
    /// duration `d` is observed as `x / (1 + x)` with `x = d / timeScale`.
    public var observationTimeScaleSeconds: Double
    /// The size scale of observation features, in bytes (default 1 MB).
    public var observationByteScale: Double

    /// Creates options; every argument has its default.
    public init(
        seed: UInt64? = nil, horizonSeconds: Double? = nil, arrivalRateScale: Double = 1,
        queueSampleIntervalSeconds: Double? = nil, collectLatencies: Bool = false,
        exactQuantileLimit: Int = 1_000_000, observationTimeScaleSeconds: Double = 1,
        observationByteScale: Double = 1_000_000
    ) {
        self.seed = seed
        self.horizonSeconds = horizonSeconds
        self.arrivalRateScale = arrivalRateScale
        self.queueSampleIntervalSeconds = queueSampleIntervalSeconds
        self.collectLatencies = collectLatencies
        self.exactQuantileLimit = exactQuantileLimit
        self.observationTimeScaleSeconds = observationTimeScaleSeconds
        self.observationByteScale = observationByteScale
    }

    /// Checks the ranges of every option.
    ///
    /// - Throws: `ReplayError.invalidOption` naming the first bad option.
    public func validate() throws(ReplayError) {
        func positive(_ value: Double, _ name: String) throws(ReplayError) {
            guard value > 0, value.isFinite else {
                throw .invalidOption("\(name) must be a positive finite number, found \(value)")
            }
        }
        try positive(arrivalRateScale, "arrivalRateScale")
        if let horizonSeconds { try positive(horizonSeconds, "horizonSeconds") }
        if let queueSampleIntervalSeconds { try positive(queueSampleIntervalSeconds, "queueSampleIntervalSeconds") }
        try positive(observationTimeScaleSeconds, "observationTimeScaleSeconds")
        try positive(observationByteScale, "observationByteScale")
        guard exactQuantileLimit >= 0 else {
            throw .invalidOption("exactQuantileLimit must be >= 0, found \(exactQuantileLimit)")
        }
    }
}
