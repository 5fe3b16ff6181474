import EdgeSimTestSupport
import FuzzTargets
import Testing

/// Every input the fuzzers found a problem with, kept in
/// `Tests/Fixtures/fuzz/<harness>/`, replayed through the same `FuzzTarget`
/// the harness runs: each must now be accepted or refused with a clean error,
/// with every checked property holding (a crash here stops the test run).
@Suite("Fuzz reproducers")
struct FuzzRegressionTests {
    /// Each kept reproducer with its target.
    static let reproducers: [Reproducer] = FuzzTarget.allCases.flatMap { target in
        Shell.listing(Fixtures.fixture("fuzz/" + target.rawValue))
            .filter { $0 != "README.md" }
            .map { Reproducer(target: target, name: $0) }
    }

    struct Reproducer: CustomTestStringConvertible, Sendable {
        var target: FuzzTarget
        var name: String
        var path: String { Fixtures.fixture("fuzz/\(target.rawValue)/\(name)") }
        var testDescription: String { "\(target.rawValue)/\(name)" }
    }

    @Test("each reproducer is handled cleanly", arguments: reproducers)
    func reproducer(_ reproducer: Reproducer) throws {
        let bytes = try #require(Shell.contents(reproducer.path))
        let folder = TemporaryDirectory()
        let finding = reproducer.target.run(bytes, scratch: FuzzScratch(folder: folder.path))
        #expect(finding == nil, "\(reproducer.testDescription): \(finding ?? "")")
    }

    @Test("every harness has a folder of reproducers or none yet, and no stray folder", arguments: [()])
    func foldersNameHarnesses(_: Void) {
        let known = Set(FuzzTarget.allCases.map(\.rawValue))
        for folder in Shell.listing(Fixtures.fixture("fuzz")) where folder != "README.md" {
            #expect(known.contains(folder), "Tests/Fixtures/fuzz/\(folder) names no harness")
        }
    }

    @Test("the fixtures and samples (the fuzzers' seeds) pass every target that reads their kind", arguments: [
        (FuzzTarget.graphML, "graphml/zoo-mini.graphml", true),
        (FuzzTarget.graphML, "graphml/yed.graphml", true),
        (FuzzTarget.nodeLink, "graphml/ether-mini.json", true),
        (FuzzTarget.peersimGym, "graphml/peersimgym-mini.json", true),
        (FuzzTarget.topology, "valid/tiny.topology.json", false),
        (FuzzTarget.scenario, "valid/tiny.scenario.json", false),
        (FuzzTarget.workload, "hostile/bom.workload.csv", true),
        (FuzzTarget.json, "report/sample.bench.json", false),
        (FuzzTarget.benchSpec, "report/sample.bench.json", false),
        (FuzzTarget.replay, "valid/embedded-dag.scenario.json", false),
        (FuzzTarget.replay, "valid/embedded-synthetic.scenario.json", false),
    ])
    func seeds(target: FuzzTarget, fixture: String, takesOptionByte: Bool) throws {
        let bytes = try #require(Shell.contents(Fixtures.fixture(fixture)))
        let folder = TemporaryDirectory()
        let finding = target.run((takesOptionByte ? [0] : []) + bytes, scratch: FuzzScratch(folder: folder.path))
        #expect(finding == nil, "\(finding ?? "")")
    }
}
