import ScenarioModel
import Simulator

/// One stepping environment behind an `es_env` handle: the replay, its
/// episode seeds, its bound buffers and its last error.
final class EnvironmentHandle {
    let scenario: ScenarioHandle
    let environment: ReplayEnvironment
    var seeds: EpisodeSeeds
    let error = ErrorMessage()
    private var isBound = false

    init(scenario: ScenarioHandle, options: EnvironmentOptions) throws(ABIError) {
        self.scenario = scenario
        environment = try options.makeEnvironment(scenario.compiled)
        seeds = EpisodeSeeds(defaultSeed: options.seed ?? scenario.compiled.settings.seed)
    }

    var shape: BoundBuffers.Shape {
        BoundBuffers.Shape(
            environments: 1, agents: environment.agentCount, slots: environment.slotCount,
            observationLength: environment.observationLength)
    }

    /// Binds caller buffers (see `ABIBuffer`).
    func bind(
        pointers: UnsafePointer<UnsafeMutableRawPointer?>?, counts: UnsafePointer<Int64>?, bufferCount: Int32
    ) throws(ABIError) {
        let buffers = try BoundBuffers.make(pointers: pointers, counts: counts, bufferCount: bufferCount, shape: shape)
        do {
            try environment.bind(buffers[0])
        } catch {
            throw ABIError(error)
        }
        isBound = true
    }

    /// Starts an episode (seeded, or continuing the seed sequence) and
    /// publishes its first observations.
    func reset(seed: UInt64?) throws(ABIError) -> StepOutcome.Status {
        guard isBound else { throw .state("bind buffers (es_env_bind) before es_env_reset") }
        do {
            return try environment.resetBound(seed: seeds.next(requested: seed)).status
        } catch {
            throw ABIError(error)
        }
    }

    /// Applies the bound actions and publishes the next step.
    func step() throws(ABIError) -> StepOutcome.Status {
        guard isBound else { throw .state("bind buffers (es_env_bind) before es_env_step") }
        do {
            return try environment.stepBound().status
        } catch {
            throw ABIError(error)
        }
    }
}
