import ArgumentParser
import BenchReport
import EdgeSimTestSupport
@testable import edgesim
import Testing

@Suite("edgesim bench options")
struct BenchArgumentsTests {
    @Test("options become a spec")
    func spec() throws {
        let arguments = try BenchArguments.parse([
            Fixtures.fixture("valid/tiny.scenario.json"), "--policies", "local,cloud", "--seeds", "1..3",
            "--sweep", "arrivalRateScale=0.5..1.5:3", "--sweep-label", "Load (×)", "--jobs", "2", "-o", "report",
        ])
        let spec = try arguments.makeSpec(defaultPolicies: ["local"])
        #expect(spec.scenarios.map(\.name) == ["tiny"])
        #expect(spec.policies == ["local", "cloud"])
        #expect(spec.seeds == [1, 2, 3])
        #expect(spec.sweep == ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1, 1.5], label: "Load (×)"))
        #expect(try arguments.workerCount() == 2)
        #expect(arguments.output == "report")
    }

    @Test("a spec file alone is enough")
    func specFile() throws {
        let arguments = try BenchArguments.parse(["--spec", Fixtures.fixture("report/sample.bench.json"), "-o", "out"])
        let spec = try arguments.makeSpec(defaultPolicies: ["unused"])
        #expect(spec.name == "load study" && spec.seeds == [1, 2, 3, 4, 5, 9])
    }

    @Test("bad options are usage errors naming the option", arguments: [
        (["x.scenario.json", "--jobs", "0", "-o", "r"], "--jobs: expected 1 to 256 workers, found 0"),
        (["-o", "r"], "name at least one scenario file, or a bench spec with --spec"),
    ])
    func usage(arguments: [String], message: String) {
        #expect(throws: (any Error).self) { try BenchArguments.parse(arguments) }
        do {
            _ = try BenchArguments.parse(arguments)
        } catch {
            #expect(BenchArguments.message(for: error) == message)
        }
    }

    @Test("a malformed list is a ValidationError (exit 64)")
    func malformedList() throws {
        let arguments = try BenchArguments.parse([Fixtures.fixture("valid/tiny.scenario.json"), "--seeds", "5..1", "-o", "r"])
        #expect(throws: ValidationError.self) { try arguments.makeSpec(defaultPolicies: ["local"]) }
        do {
            _ = try arguments.makeSpec(defaultPolicies: ["local"])
        } catch {
            #expect("\(error)" == "--seeds: empty seed range '5..1'")
        }
    }
}
