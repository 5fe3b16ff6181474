import Simulator

/// A Swift baseline policy behind an `es_policy` handle, so bindings can
/// compare their agents with the baselines on the same episodes.
///
/// The policy resets itself (with the episode's seed, as `edgesim replay`
/// does) whenever it is asked about a different environment or a new
/// episode, so driving an environment with it reproduces `edgesim replay
/// --policy NAME --seed S` exactly.
final class PolicyHandle {
    private var policy: BaselinePolicy
    private var lastEnvironment: ObjectIdentifier?
    private var lastEpisode = 0
    let error = ErrorMessage()

    init(name: String) throws(ABIError) {
        do {
            policy = try BaselinePolicy(named: name)
        } catch {
            throw ABIError(error)
        }
    }

    var name: String { policy.name }

    /// Writes the policy's action for each agent of `environment` (0 for
    /// agents without a decision).
    func actions(for environment: ReplayEnvironment, into buffer: UnsafeMutableBufferPointer<Int32>) throws(ABIError) {
        let identity = ObjectIdentifier(environment)
        if identity != lastEnvironment || environment.episodeNumber != lastEpisode {
            policy.reset(seed: environment.episodeSeed, agentCount: environment.agentCount)
            lastEnvironment = identity
            lastEpisode = environment.episodeNumber
        }
        do {
            try environment.actions(from: &policy, into: buffer)
        } catch {
            throw ABIError(error)
        }
    }
}
