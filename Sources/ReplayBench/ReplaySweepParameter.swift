import ScenarioModel
import Simulator

/// A parameter a bench can sweep (`"sweep": {"parameter": NAME, ...}` or
/// `--sweep NAME=...`): a replay option, or a scenario setting that the runner
/// overrides (the scenario is then compiled once per value).
///
/// | name | what | values |
/// |---|---|---|
/// | `arrivalRateScale` | load: workload arrival times divided by it, synthetic rates multiplied | > 0 |
/// | `horizonSeconds` | stop time of each replay | > 0 |
/// | `queueGraceSeconds` | how long a queued task may wait past its deadline | >= 0 |
/// | `candidates.hops` | hop radius of `within-hops` candidates | whole, >= 0 |
/// | `candidates.maxCandidates` | the most candidates per agent | whole, >= 1 |
/// | `decisions.intervalSeconds` | time between decision epochs (`interval` mode) | > 0 |
/// | `syntheticArrivals.ratePerSecondPerOrigin` | Poisson rate per origin | > 0 |
/// | `syntheticArrivals.durationSeconds` | how long synthetic arrivals continue | > 0 |
public enum ReplaySweepParameter: String, CaseIterable, Sendable {
    case arrivalRateScale
    case horizonSeconds
    case queueGraceSeconds
    case candidateHops = "candidates.hops"
    case maximumCandidates = "candidates.maxCandidates"
    case decisionIntervalSeconds = "decisions.intervalSeconds"
    case syntheticRatePerSecondPerOrigin = "syntheticArrivals.ratePerSecondPerOrigin"
    case syntheticDurationSeconds = "syntheticArrivals.durationSeconds"

    /// The parameter named `name` (as written in a spec or `--sweep`).
    ///
    /// - Throws: `ReplayBenchError.unknownSweepParameter` listing the sweepable names.
    public init(named name: String) throws(ReplayBenchError) {
        guard let parameter = Self(rawValue: name) else {
            throw .unknownSweepParameter(name, known: Self.allCases.map(\.rawValue))
        }
        self = parameter
    }

    /// The axis title for plots and tables, with the unit.
    public var label: String {
        switch self {
        case .arrivalRateScale: return "Arrival-rate scale (×)"
        case .horizonSeconds: return "Horizon (s)"
        case .queueGraceSeconds: return "Queue grace (s)"
        case .candidateHops: return "Candidate hops"
        case .maximumCandidates: return "Candidates per agent (max)"
        case .decisionIntervalSeconds: return "Decision interval (s)"
        case .syntheticRatePerSecondPerOrigin: return "Arrival rate (tasks/s per origin)"
        case .syntheticDurationSeconds: return "Arrival duration (s)"
        }
    }

    /// Whether the parameter is a scenario setting (so each value needs its own compiled scenario).
    var changesSettings: Bool {
        switch self {
        case .arrivalRateScale, .horizonSeconds: return false
        default: return true
        }
    }

    /// Checks that `value` is in the parameter's range.
    ///
    /// - Throws: `ReplayBenchError.invalidSweepValue` saying what is expected.
    public func check(_ value: Double) throws(ReplayBenchError) {
        let isValid: Bool
        let expected: String
        switch self {
        case .queueGraceSeconds:
            isValid = value.isFinite && value >= 0
            expected = "a number >= 0"
        case .candidateHops:
            isValid = Int32(exactly: value).map { $0 >= 0 } ?? false
            expected = "a whole number >= 0"
        case .maximumCandidates:
            isValid = Int32(exactly: value).map { $0 >= 1 } ?? false
            expected = "a whole number >= 1"
        default:
            isValid = value.isFinite && value > 0
            expected = "a positive number"
        }
        if !isValid { throw .invalidSweepValue(parameter: rawValue, value: value, expected: expected) }
    }

    /// Sets the parameter in replay options (replay options only; settings are left alone).
    func apply(_ value: Double, to options: inout ReplayOptions) {
        switch self {
        case .arrivalRateScale: options.arrivalRateScale = value
        case .horizonSeconds: options.horizonSeconds = value
        default: break
        }
    }

    /// Sets the parameter in scenario settings (settings only; `value` was checked).
    func apply(_ value: Double, to settings: inout ModelSettings) {
        switch self {
        case .arrivalRateScale, .horizonSeconds: break
        case .queueGraceSeconds: settings.queueGraceSeconds = value
        case .candidateHops: settings.candidates.hops = Int(value)
        case .maximumCandidates: settings.candidates.maxCandidates = Int(value)
        case .decisionIntervalSeconds: settings.decisions.intervalSeconds = value
        case .syntheticRatePerSecondPerOrigin: settings.syntheticArrivals.ratePerSecondPerOrigin = value
        case .syntheticDurationSeconds: settings.syntheticArrivals.durationSeconds = value
        }
    }
}
