import EdgeSimTestSupport
import Testing

/// Broken scenarios (issue 9) through `replay`: wrong types, unknown versions,
/// dangling references and DAG cycles end with exit 1 and the scenario's
/// file, line, column and JSON path; no results are written.
@Suite("Hostile scenarios")
struct HostileScenarioTests {
    @Test("replay refuses the scenario with its location", arguments: [
        ("wrong-type.scenario.json", "7:55: $.workload.tasks[0].arrivalSeconds: expected a number, found a string"),
        ("unknown-version.scenario.json", "3:14: $.version: unsupported format version 7 (this edgesim reads version 1)"),
        ("dangling-topology.scenario.json",
         "5:16: $.topology.path: cannot open the topology '\(HostileFixtures.path("no-such.topology.json"))': "
            + "No such file or directory"),
        ("dangling-origin.scenario.json", "7:5: $.workload.tasks[0]: origin 'ghost' is not a compute node of the topology"),
        ("dangling-dependency.scenario.json", "7:5: $.workload.tasks[0]: dependency on unknown task 't0'"),
        ("dag-cycle.scenario.json", "7:5: $.workload.tasks[0]: dependency cycle: t1 -> t3 -> t2 -> t1"),
        ("negative-horizon.scenario.json", "9:34: $.settings.horizonSeconds: must be a positive finite number, found -5.0"),
    ])
    func replayRefuses(fixture: String, message: String) {
        let folder = TemporaryDirectory()
        let scenario = HostileFixtures.path(fixture)
        CleanFailure.expect(
            BoundedProcess.edgesim(["replay", scenario, "--policy", "least-queue", "-o", folder.file("results")]),
            message: "\(scenario):\(message)", folder: folder)
    }

    @Test("validate reports the same problems (and the summary line)", arguments: [
        ("dangling-origin.scenario.json", "7:5: $.workload.tasks[0]: origin 'ghost' is not a compute node of the topology"),
        ("dag-cycle.scenario.json", "7:5: $.workload.tasks[0]: dependency cycle: t1 -> t3 -> t2 -> t1"),
    ])
    func validateAgrees(fixture: String, message: String) {
        let scenario = HostileFixtures.path(fixture)
        let outcome = BoundedProcess.edgesim(["validate", scenario])
        #expect(outcome.exitStatus == 1)
        #expect(outcome.errorLines == ["\(scenario):\(message)", "edgesim: error: 1 of 1 file invalid (1 issue)"])
    }

    @Test("a valid workload whose times overflow under --arrival-rate-scale is an error, not a trap")
    func arrivalScaleOverflow() {
        let folder = TemporaryDirectory()
        let (workload, scenario) = Self.oneTaskScenario(in: folder, workload: "late.workload.csv",
                                                        row: "t1,j1,1e300,rpi3_0,1000,0,0,0,,")
        let outcome = BoundedProcess.edgesim([
            "replay", scenario, "--policy", "local", "-o", folder.file("results"), "--arrival-rate-scale", "1e-300",
        ])
        CleanFailure.expect(
            outcome,
            message: "\(workload):3: the arrival time divided by the arrival-rate scale 1e-300 is beyond the range of "
                + "simulated time",
            folder: folder, expectedListing: ["late.workload.csv", "results", "s.scenario.json"])
    }

    @Test("a task of 2^63 instructions with interval epochs finishes (idle epochs are skipped, not fired one by one)")
    func hugeTaskWithIntervalEpochs() {
        let folder = TemporaryDirectory()
        let (_, scenario) = Self.oneTaskScenario(
            in: folder, workload: "huge.workload.csv", row: Self.hugeTaskRow,
            settings: #"{"decisions": {"epoch": "interval", "intervalSeconds": 1.0}}"#)
        let outcome = BoundedProcess.edgesim(["replay", scenario, "--policy", "local", "-o", folder.file("results")])
        CleanFailure.expectSuccess(outcome)
        #expect(String(decoding: outcome.standardOutput, as: UTF8.self).contains("1 tasks, 1 completed"))
    }

    @Test("queue sampling that would need millions of samples stops with a clear error")
    func queueSamplingBound() {
        let folder = TemporaryDirectory()
        let (_, scenario) = Self.oneTaskScenario(in: folder, workload: "huge.workload.csv", row: Self.hugeTaskRow)
        let outcome = BoundedProcess.edgesim([
            "replay", scenario, "--policy", "local", "-o", folder.file("results"), "--queue-sample-seconds", "1",
        ])
        CleanFailure.expect(
            outcome,
            message: "queue sampling every 1.0 s needs more than 2000000 samples (simulated time reached 2000000.0 s); "
                + "use a larger --queue-sample-seconds or a --horizon-seconds",
            folder: folder, expectedListing: ["huge.workload.csv", "results", "s.scenario.json"])
        #expect(Shell.listing(folder.file("results")).isEmpty)
    }

    // MARK: - Scenarios of one task

    /// A task of 2^63 - 1 instructions arriving at 0.5 s on the sample's rpi3_0.
    static let hugeTaskRow = "t1,j1,0.5,rpi3_0,9223372036854775807,0,0,0,,"

    /// A workload file of one `row` and a scenario `s.scenario.json` on the sample topology
    /// referring to it, with `settings` (JSON object text) when given.
    static func oneTaskScenario(
        in folder: TemporaryDirectory, workload name: String, row: String, settings: String? = nil
    ) -> (workload: String, scenario: String) {
        let workload = folder.file(name)
        Shell.write(HostileFixtures.workloadPreamble + row + "\n", to: workload)
        let scenario = folder.file("s.scenario.json")
        let settingsField = settings.map { ", \"settings\": \($0)" } ?? ""
        Shell.write("""
            {"format": "edgesim-scenario", "version": 1, "name": "s",
             "topology": {"path": "\(HostileFixtures.sampleTopology)"}, "workload": {"path": "\(name)"}\(settingsField)}
            """, to: scenario)
        return (workload, scenario)
    }
}
