@testable import EdgeSimABI
import Simulator
import Testing

/// `es_batch_*`: many environments in one call, autoreset, threads.
@Suite("C ABI: batches")
struct BatchABITests {
    private func makeBatch(
        _ scenario: UnsafeMutableRawPointer, count: Int, options: String
    ) throws -> (UnsafeMutableRawPointer, CallerBuffers) {
        var error = [CChar](repeating: 0, count: 512)
        guard let batch = esBatchCreate(scenario, Int32(count), options, &error, 512) else {
            throw FixtureError(message: cText(error))
        }
        let buffers = CallerBuffers(
            environments: count, agents: Int(esScenarioAgentCount(scenario)), slots: Int(esScenarioSlotCount(scenario)),
            observationLength: Int(esScenarioObservationLength(scenario)))
        #expect(esBatchBind(batch, buffers.pointers, buffers.counts, 8) == 0)
        return (batch, buffers)
    }

    /// Every environment of a batch follows the episode a single environment
    /// with the same seeds follows, across autoresets (NEXT_STEP: the step
    /// after an episode's end is a reset with rewards and flags 0).
    @Test("environments step like single environments and autoreset at the next step", arguments: [1, 2])
    func autoreset(threads: Int) throws {
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        let count = 3
        let options = #"{"maxSteps": \#(7 + 0), "threads": \#(threads)}"#
        let (batch, buffers) = try makeBatch(scenario, count: count, options: options)
        defer { withExtendedLifetime(buffers) { esBatchDestroy(batch) } }
        #expect(esBatchSize(batch) == 3)
        #expect(esBatchStep(batch) == ABIResultCode.invalidState.rawValue)
        let seeds: [UInt64] = [10, 11, 12]
        #expect(esBatchReset(batch, seeds, nil, 2) == ABIResultCode.invalidArgument.rawValue)
        #expect(esBatchReset(batch, seeds, nil, 3) == 0)
        let compiled = try CompiledScenario.load(path: fixture.scenarioPath)
        var references: [ReplayEnvironment] = []
        var sequences: [EpisodeSeeds] = []
        for seed in seeds {
            let reference = try ReplayEnvironment(scenario: compiled)
            reference.stepLimit = 7
            var sequence = EpisodeSeeds(defaultSeed: 1)
            try reference.reset(seed: sequence.next(requested: seed))
            references.append(reference)
            sequences.append(sequence)
        }
        var endings = 0
        for step in 0..<20 {
            for row in 0..<(count * 3) { buffers.actions[row] = Int32((row + step) % 4) }
            let ended = esBatchStep(batch)
            #expect(ended >= 0, "\(String(cString: esBatchLastError(batch)!))")
            var expectedEnded = 0
            for index in 0..<count {
                let reference = references[index]
                let wasOver = reference.lastOutcome.isOver
                if wasOver {
                    try reference.reset(seed: sequences[index].next(requested: nil))
                } else {
                    let base = index * 3
                    try reference.step(actions: (0..<3).map { buffers.actions[base + $0] })
                    if reference.lastOutcome.isOver { expectedEnded += 1 }
                }
                for agent in 0..<3 {
                    let row = index * 3 + agent
                    #expect(buffers.observationRow(row) == reference.observation(agent: agent))
                    #expect(buffers.rewards[row] == (wasOver ? 0 : Float(reference.rewards[agent])))
                    #expect(buffers.truncations[row] == (reference.lastOutcome.status == .truncated ? 1 : 0))
                }
            }
            #expect(Int(ended) == expectedEnded)
            endings += Int(ended)
        }
        #expect(endings == 6, "each of 3 environments ends twice in 20 steps (7 steps, then a reset step)")
    }

    @Test("batch arguments are checked")
    func errors() throws {
        let fixture = try ABIFixture()
        let scenario = try fixture.loadScenario()
        defer { esScenarioRelease(scenario) }
        var error = [CChar](repeating: 0, count: 512)
        #expect(esBatchCreate(scenario, 0, nil, &error, 512) == nil)
        #expect(cText(error).contains("environment count must be in 1...65536, found 0"))
        #expect(esBatchCreate(scenario, 2, #"{"threads": 0}"#, &error, 512) == nil)
        #expect(cText(error).contains("threads must be in 1...256"))
        #expect(esBatchStep(nil) == ABIResultCode.invalidArgument.rawValue)
        #expect(esBatchSize(nil) == -1)
        guard let batch = esBatchCreate(scenario, 2, nil, &error, 512) else { throw FixtureError(message: "batch") }
        defer { esBatchDestroy(batch) }
        let single = CallerBuffers(agents: 3, slots: 4, observationLength: 42)
        #expect(esBatchBind(batch, single.pointers, single.counts, 8) == ABIResultCode.invalidArgument.rawValue)
        #expect(String(cString: esBatchLastError(batch)!) == "the actions buffer holds 3 values, expected 6")
        #expect(esBatchReset(batch, nil, nil, 0) == ABIResultCode.invalidState.rawValue)
    }
}
