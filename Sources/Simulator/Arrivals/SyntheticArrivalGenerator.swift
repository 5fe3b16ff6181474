import ScenarioModel

#if canImport(Glibc)
import Glibc
#endif

/// Synthetic arrivals as PeersimGym's clients draw them, without its tick
/// rounding: a Poisson process of rate λ at each of the N eligible origins.
///
/// The N processes are generated as their superposition, one Poisson process
/// of rate `N · λ · arrivalRateScale`; each arrival then gets its origin from
/// the origin rule (uniform gives exactly N independent processes of rate λ).
/// Task types are drawn by weight; `exponential` types draw their instruction
/// count with mean `instructions`. Arrivals stop at `durationSeconds`.
///
/// Streams: inter-arrival times use stream 1 of the replay seed, task types
/// and sizes stream 2, so changing the policy never changes the arrivals.
struct SyntheticArrivalGenerator {
    private var timing: SeededGenerator
    private var sizing: SeededGenerator
    private let totalRate: Double
    private let durationSeconds: Double
    private let types: [SyntheticArrivals.TaskType]
    private let cumulativeWeights: [Double]
    private var time = 0.0

    init(settings: SyntheticArrivals, origins: Int, seed: UInt64, rateScale: Double) {
        timing = SeededGenerator(seed: seed, stream: 1)
        sizing = SeededGenerator(seed: seed, stream: 2)
        totalRate = settings.ratePerSecondPerOrigin * rateScale * Double(origins)
        durationSeconds = settings.durationSeconds
        types = settings.taskTypes
        var total = 0.0
        cumulativeWeights = settings.taskTypes.map { type in
            total += max(type.weight, 0)
            return total
        }
    }

    /// Draws the next arrival; false once arrivals pass the duration.
    mutating func next(into staged: inout StagedTask) -> Bool {
        guard totalRate > 0, !types.isEmpty else { return false }
        time += timing.exponential(rate: totalRate)
        guard time <= durationSeconds else { return false }
        let type = types[pickType()]
        staged.arrival = time
        staged.origin = -1
        switch type.instructionsDistribution {
        case .fixed:
            staged.instructions = Double(type.instructions)
        case .exponential:
            staged.instructions = sizing.exponential(rate: 1 / Double(type.instructions)).rounded()
        }
        staged.inputBytes = Double(type.inputBytes)
        staged.outputBytes = Double(type.outputBytes)
        staged.relativeDeadline = type.relativeDeadlineSeconds ?? .infinity
        staged.taskId = nil
        staged.jobId = nil
        staged.fingerprint = 0
        staged.jobFingerprint = 0
        staged.dependencies.removeAll(keepingCapacity: true)
        return true
    }

    private mutating func pickType() -> Int {
        guard types.count > 1, let total = cumulativeWeights.last, total > 0 else { return 0 }
        let target = sizing.nextUnitInterval() * total
        // Binary search for the first cumulative weight above the target.
        var low = 0
        var high = cumulativeWeights.count - 1
        while low < high {
            let middle = (low + high) / 2
            if cumulativeWeights[middle] > target { high = middle } else { low = middle + 1 }
        }
        return low
    }
}
