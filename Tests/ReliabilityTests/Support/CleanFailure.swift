import EdgeSimTestSupport
import Testing

/// The CLI contract for bad input, checked on one run: exit status 1, exactly
/// one line on standard error (`edgesim: error: FILE:LOCATION: message`), no
/// crash or trap, bounded time and memory, and no output file left behind.
enum CleanFailure {
    /// Expects `outcome` to be the clean failure whose one line is `edgesim: error: <message>`.
    ///
    /// - Parameters:
    ///   - outcome: The finished run.
    ///   - message: The exact text after `edgesim: error: `.
    ///   - folder: A folder that must hold exactly `expectedListing` afterwards (no output, no temporary file).
    static func expect(
        _ outcome: BoundedProcess.Outcome, message: String, folder: TemporaryDirectory? = nil,
        expectedListing: [String] = [], sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) {
        #expect(!outcome.timedOut, "the run did not finish: \(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.exitStatus == 1, "\(outcome)", sourceLocation: sourceLocation)
        #expect(outcome.errorLines == ["edgesim: error: \(message)"], sourceLocation: sourceLocation)
        #expect(
            outcome.peakMemoryBytes < BoundedProcess.memoryLimitBytes, "peak memory \(outcome.peakMemoryBytes >> 20) MiB",
            sourceLocation: sourceLocation)
        if let folder {
            #expect(Shell.listing(folder.path) == expectedListing, "files left behind", sourceLocation: sourceLocation)
        }
    }

    /// Expects `outcome` to be a success within the time and memory bounds.
    static func expectSuccess(_ outcome: BoundedProcess.Outcome, sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        #expect(!outcome.timedOut && outcome.exitStatus == 0, "\(outcome)", sourceLocation: sourceLocation)
        #expect(
            outcome.peakMemoryBytes < BoundedProcess.memoryLimitBytes, "peak memory \(outcome.peakMemoryBytes >> 20) MiB",
            sourceLocation: sourceLocation)
    }
}

/// Paths of the hostile fixtures and samples the tests combine.
enum HostileFixtures {
    /// A file of `Tests/Fixtures/hostile/` (made by tools/samples/make_hostile_fixtures.py).
    static func path(_ name: String) -> String { Fixtures.fixture("hostile/" + name) }

    /// The bundled topology whose node ids the hostile workloads use (`rpi3_0`).
    static let sampleTopology = Fixtures.path("topologies/sample-edge.topology.json")

    /// The bundled workload.
    static let sampleWorkload = Fixtures.path("traces/sample.workload.csv.gz")

    /// The canonical workload's first two lines.
    static let workloadPreamble = """
        # edgesim-workload version 1
        taskId,jobId,arrivalSeconds,origin,instructions,inputBytes,outputBytes,memoryBytes,relativeDeadlineSeconds,dependencies

        """
}
