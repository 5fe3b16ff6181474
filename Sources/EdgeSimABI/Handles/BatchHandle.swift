#if canImport(Dispatch)
import Dispatch
#endif
import ScenarioModel
import Simulator

/// `E` environments of one scenario behind an `es_batch` handle, stepped in
/// one call with per-environment autoreset.
///
/// Autoreset follows Gymnasium's `NEXT_STEP` mode: an environment whose
/// episode ended at one step is reset at the next one (its actions are
/// ignored, its rewards and flags are 0, its observations are the new
/// episode's first), with the next seed of its own seed sequence.
final class BatchHandle {
    let scenario: ScenarioHandle
    let environments: [ReplayEnvironment]
    // Per-environment state in fixed buffers: with `threads > 1`, different
    // threads write different elements, which Swift arrays (a shared buffer
    // behind copy-on-write checks) do not allow.
    private let seeds: UnsafeMutableBufferPointer<EpisodeSeeds>
    private let needsReset: UnsafeMutableBufferPointer<Bool>
    private var hasReset = false
    private var isBound = false
    let threads: Int
    let error = ErrorMessage()

    init(scenario: ScenarioHandle, count: Int, options: EnvironmentOptions) throws(ABIError) {
        guard count >= 1 && count <= 65_536 else {
            throw .argument("the environment count must be in 1...65536, found \(count)")
        }
        self.scenario = scenario
        var environments: [ReplayEnvironment] = []
        environments.reserveCapacity(count)
        for _ in 0..<count { environments.append(try options.makeEnvironment(scenario.compiled)) }
        self.environments = environments
        seeds = .allocate(capacity: count)
        seeds.initialize(repeating: EpisodeSeeds(defaultSeed: options.seed ?? scenario.compiled.settings.seed))
        needsReset = .allocate(capacity: count)
        needsReset.initialize(repeating: false)
        threads = min(options.threads, count)
    }

    deinit {
        seeds.deinitialize()
        seeds.deallocate()
        needsReset.deallocate()
    }

    var count: Int { environments.count }

    var shape: BoundBuffers.Shape {
        let compiled = scenario.compiled
        return BoundBuffers.Shape(
            environments: count, agents: compiled.agentCount, slots: compiled.slotCount,
            observationLength: ObservationLayout(slotCount: compiled.slotCount).length)
    }

    func bind(
        pointers: UnsafePointer<UnsafeMutableRawPointer?>?, counts: UnsafePointer<Int64>?, bufferCount: Int32
    ) throws(ABIError) {
        let buffers = try BoundBuffers.make(pointers: pointers, counts: counts, bufferCount: bufferCount, shape: shape)
        for (environment, slice) in zip(environments, buffers) {
            do {
                try environment.bind(slice)
            } catch {
                throw ABIError(error)
            }
        }
        isBound = true
    }

    /// Resets every environment: environment `i` with `seeds[i]` when
    /// `hasSeed` is NULL or `hasSeed[i] != 0`, else with the next seed of its
    /// sequence; NULL `seeds` resets all unseeded. Every environment's seed
    /// sequence is independent: seed the batch with distinct seeds (e.g.
    /// `base + i`) to get distinct episodes.
    func reset(seeds requested: UnsafePointer<UInt64>?, hasSeed: UnsafePointer<UInt8>?) throws(ABIError) {
        guard isBound else { throw .state("bind buffers (es_batch_bind) before es_batch_reset") }
        for index in 0..<count {
            var seed: UInt64?
            if let requested, hasSeed.map({ $0[index] != 0 }) ?? true { seed = requested[index] }
            try run(index) { environment throws(ReplayError) in
                try environment.resetBound(seed: seeds[index].next(requested: seed))
            }
        }
        hasReset = true
    }

    /// Steps every environment once (autoresetting those that ended at the
    /// previous step) and returns how many episodes ended at this step.
    func step() throws(ABIError) -> Int {
        guard isBound else { throw .state("bind buffers (es_batch_bind) before es_batch_step") }
        guard hasReset else { throw .state("call es_batch_reset before es_batch_step") }
        if threads > 1 { return try stepConcurrently() }
        var ended = 0
        for index in 0..<count where try stepOne(index) { ended += 1 }
        return ended
    }

    /// Steps or autoresets environment `index`; true when its episode ended.
    private func stepOne(_ index: Int) throws(ABIError) -> Bool {
        let environment = environments[index]
        if needsReset[index] {
            let seed = seeds[index].next(requested: nil)
            try run(index) { environment throws(ReplayError) in try environment.resetBound(seed: seed) }
        } else {
            try run(index) { environment throws(ReplayError) in try environment.stepBound() }
        }
        let isOver = environment.lastOutcome.isOver
        needsReset[index] = isOver
        return isOver
    }

    private func stepConcurrently() throws(ABIError) -> Int {
        let chunks = threads
        let total = count
        nonisolated(unsafe) let handle = self
        nonisolated(unsafe) var results = [Result<Int, ABIError>](repeating: .success(0), count: chunks)
        results.withUnsafeMutableBufferPointer { buffer in
            nonisolated(unsafe) let output = buffer
            DispatchQueue.concurrentPerform(iterations: chunks) { chunk in
                var ended = 0
                do throws(ABIError) {
                    for index in stride(from: chunk * total / chunks, to: (chunk + 1) * total / chunks, by: 1)
                    where try handle.stepOne(index) {
                        ended += 1
                    }
                    output[chunk] = .success(ended)
                } catch {
                    output[chunk] = .failure(error)
                }
            }
        }
        var ended = 0
        for result in results { ended += try result.get() }
        return ended
    }

    private func run(_ index: Int, _ body: (ReplayEnvironment) throws(ReplayError) -> StepOutcome) throws(ABIError) {
        do {
            _ = try body(environments[index])
        } catch {
            let wrapped = ABIError(error)
            throw ABIError(wrapped.code, "environment \(index): \(wrapped.message)")
        }
    }
}
