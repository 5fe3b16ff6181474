import EdgeSimTestSupport
import Testing

/// Absurd option values: a usage error (exit 64) or a clean data error, in
/// bounded time and memory, never a trap or a hang. (A probe over every
/// numeric option of every verb with NaN, infinities, 1e308, 1e-320, -0 and
/// integers beyond 64 bits found only the first case below.)
@Suite("Hostile option values")
struct HostileOptionTests {
    @Test("usage errors", arguments: [
        ["import", "topology", Fixtures.path("topologies/sample-metro.graphml"), "-o", "-", "--edge-servers-per-pop",
         "9223372036854775807"],
        ["import", "topology", Fixtures.path("topologies/sample-metro.graphml"), "-o", "-", "--default-bandwidth-mbps", "nan"],
        ["replay", Fixtures.fixture("valid/tiny.scenario.json"), "--policy", "local", "-o", "/tmp/never", "--arrival-rate-scale",
         "inf"],
        ["generate", "urban-sensing", "--cells", "-1", "-o", "-"],
        ["import", "trace", "--format", "swf", Fixtures.path("traces/swf-sample.swf.gz"), "-o", "-", "--time-scale", "-0"],
    ])
    func usageErrors(arguments: [String]) {
        let outcome = BoundedProcess.edgesim(arguments)
        #expect(outcome.exitStatus == 64, "\(outcome)")
        #expect(outcome.peakMemoryBytes < BoundedProcess.memoryLimitBytes)
    }

    @Test("a generator asked for more nodes than the cap fails before allocating them")
    func generatorCap() {
        let folder = TemporaryDirectory()
        let outcome = BoundedProcess.edgesim([
            "generate", "urban-sensing", "--cells", "9223372036854775807", "-o", folder.file("t.json"),
        ])
        #expect(outcome.exitStatus == 1 || outcome.exitStatus == 64, "\(outcome)")
        #expect(outcome.errorLines.count >= 1)
        #expect(outcome.peakMemoryBytes < BoundedProcess.memoryLimitBytes)
        #expect(Shell.listing(folder.path).isEmpty)
    }
}
