import ScenarioModel
import Simulator

/// How long a scenario's arrivals last, which sets the default queue-sampling
/// interval of a bench run.
enum ArrivalSpan {
    /// The last arrival time at arrival-rate scale 1: the workload's last
    /// `arrivalSeconds` (streamed, row by row), or the synthetic arrivals'
    /// `durationSeconds`.
    ///
    /// - Throws: `ReplayError.scenario` when the workload cannot be read or breaks a rule (with its line).
    /// - Complexity: O(tasks) for a workload file, reading it once in constant memory.
    static func seconds(of compiled: CompiledScenario) throws(ReplayError) -> Double {
        switch compiled.scenario.workload {
        case .synthetic:
            return compiled.settings.syntheticArrivals.durationSeconds
        case .embedded(let tasks):
            return tasks.last?.arrivalSeconds ?? 0
        case .file:
            guard let path = compiled.workloadPath else { return 0 }
            do {
                let reader = try WorkloadReader(path: path)
                var last = 0.0
                while let row = try reader.nextRow() { last = row.arrivalSeconds }
                return last
            } catch {
                throw .scenario(error)
            }
        }
    }
}
