import ScenarioModel

extension ReplaySummary {
    /// Creates a summary from `(key, value)` pairs such as the simulator's
    /// ordered summary; every key of `ReplaySummary.keys` must be present once
    /// (in any order; other keys are ignored), counts must be whole numbers,
    /// and only the latency figures may be nil.
    ///
    /// - Throws: `BenchError.invalidResult` naming the missing or malformed key.
    public init(keyedValues: [(key: String, value: Double?)]) throws(BenchError) {
        var values: [String: Double?] = [:]
        for (key, value) in keyedValues where Self.keys.contains(key) {
            guard values.updateValue(value, forKey: key) == nil else {
                throw .invalidResult(job: "summary", message: "key '\(key)' appears twice")
            }
        }
        func count(_ key: String) throws(BenchError) -> Int {
            guard let entry = values[key] else { throw .invalidResult(job: "summary", message: "missing key '\(key)'") }
            guard let value = entry, let whole = Int(exactly: value) else {
                throw .invalidResult(job: "summary", message: "'\(key)' is not a whole number")
            }
            return whole
        }
        func real(_ key: String) throws(BenchError) -> Double? {
            guard let entry = values[key] else { throw .invalidResult(job: "summary", message: "missing key '\(key)'") }
            return entry
        }
        func requiredReal(_ key: String) throws(BenchError) -> Double {
            guard let value = try real(key) else { throw .invalidResult(job: "summary", message: "'\(key)' is missing a value") }
            return value
        }
        self.init(
            tasks: try count("tasks"), completed: try count("completed"),
            droppedQueueFull: try count("dropped_queue_full"), droppedDeadline: try count("dropped_deadline"),
            late: try count("late"), unfinished: try count("unfinished"),
            meanLatencySeconds: try real("mean_latency_s"), p50LatencySeconds: try real("p50_latency_s"),
            p95LatencySeconds: try real("p95_latency_s"), p99LatencySeconds: try real("p99_latency_s"),
            energyJoules: try requiredReal("energy_j"), events: try count("events"),
            simulatedTimeSeconds: try requiredReal("sim_time_s"))
    }
}
