import ScenarioModel
import Simulator
import StreamingIO
import Synchronization

/// Compiled scenarios shared by the bench's worker threads: each scenario file
/// is read once, and compiled once per settings override (a sweep over a
/// scenario setting needs one compiled scenario per value).
///
/// Thread safety: every access goes through one lock; compiling happens under
/// it, so no scenario is ever compiled twice. `ReplayRunner.validate(_:)` fills
/// the cache before the workers start, so they only look entries up.
final class ScenarioCache: Sendable {
    /// What a compiled scenario is cached under.
    struct Key: Hashable, Sendable {
        /// The scenario file, as the bench names it.
        var path: String
        /// The settings sweep value compiled in, if any.
        var override: SettingsOverride?
    }

    /// A scenario setting replaced by a sweep value.
    struct SettingsOverride: Hashable, Sendable {
        var parameter: ReplaySweepParameter
        var value: Double
    }

    /// A compiled scenario and what the runner derives from it once.
    struct Entry: Sendable {
        let compiled: CompiledScenario
        /// The time of the last workload arrival (synthetic: the arrival
        /// duration), at arrival-rate scale 1; nil when not asked for.
        let arrivalSpanSeconds: Double?
    }

    private struct State: ~Copyable {
        var scenarios: [String: Scenario] = [:]
        var entries: [Key: Entry] = [:]
        /// Last arrival per workload file, so a settings sweep streams each workload once.
        var workloadSpans: [String: Double] = [:]
    }

    private let state = Mutex(State())

    /// The entry for `key`, compiling the scenario (and measuring its arrival span) on first use.
    ///
    /// - Parameters:
    ///   - key: Which scenario and override.
    ///   - needsArrivalSpan: Whether to measure the arrival span (streams the workload once) when the
    ///     scenario has no horizon.
    /// - Throws: `ReplayError` when the scenario, its topology or its workload cannot be read or replayed.
    func entry(for key: Key, needsArrivalSpan: Bool) throws(ReplayError) -> Entry {
        try state.withLock { (state: inout State) throws(ReplayError) -> Entry in
            if let entry = state.entries[key],
                !needsArrivalSpan || entry.arrivalSpanSeconds != nil || entry.compiled.settings.horizonSeconds != nil
            {
                return entry
            }
            let scenario: Scenario
            if let loaded = state.scenarios[key.path] {
                scenario = loaded
            } else {
                do throws(ScenarioError) {
                    scenario = try Scenario.load(path: key.path)
                } catch {
                    throw .scenario(error)
                }
                state.scenarios[key.path] = scenario
            }
            let compiled: CompiledScenario
            if let cached = state.entries[key]?.compiled {
                compiled = cached
            } else {
                var variant = scenario
                if let override = key.override { override.parameter.apply(override.value, to: &variant.settings) }
                compiled = try CompiledScenario(scenario: variant, relativeTo: FilePaths.directory(of: key.path))
            }
            // A horizon fixes the sampled span: no need to stream the workload then.
            let measures = needsArrivalSpan && compiled.settings.horizonSeconds == nil
            var span: Double?
            if measures, let workload = compiled.workloadPath, let known = state.workloadSpans[workload] {
                span = known
            } else if measures {
                span = try ArrivalSpan.seconds(of: compiled)
                if let workload = compiled.workloadPath { state.workloadSpans[workload] = span }
            }
            let entry = Entry(compiled: compiled, arrivalSpanSeconds: span)
            state.entries[key] = entry
            return entry
        }
    }
}
