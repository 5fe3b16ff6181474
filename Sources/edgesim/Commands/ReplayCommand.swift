import ArgumentParser
import ScenarioModel
import Simulator
import StreamingIO

/// `edgesim replay`: one discrete-event replay of a scenario with a baseline policy.
struct ReplayCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "replay",
        abstract: "Replay a scenario with a baseline policy and write per-task, per-node and summary results.",
        discussion: """
            Writes into RESULTS_DIR (created when missing), each file atomically: \
            tasks.csv (one row per task: task, job, origin, target, arrival_s, start_s, \
            finish_s, wait_s, transfer_s, execution_s, status), nodes.csv (per-node \
            counts, utilization, queue lengths, energy), summary.json, and queue.csv \
            with --queue-sample-seconds. The same scenario, policy, seed and options \
            give byte-identical files. The model is documented in FORMAT.md, \
            "Replay model".

            Policies: local, random, round-robin, least-queue, earliest-finish, cloud.

            Summary keys: tasks, completed, dropped_queue_full, dropped_deadline, late, \
            unfinished, mean_latency_s, p50_latency_s, p95_latency_s, p99_latency_s, \
            energy_j, events, sim_time_s, then policy, seed, scenario, decisions, \
            invalid_actions, offloaded, energy_compute_j, energy_transmit_j, \
            mean_wait_s, mean_transfer_s, mean_execution_s, drained. Invariant: tasks = \
            completed + dropped_queue_full + dropped_deadline + unfinished.
            """
    )

    @Argument(help: "The scenario file (*.scenario.json).")
    var scenario: String

    @Option(help: "The policy deciding for every agent.")
    var policy: BaselinePolicy.Kind

    @Option(help: "The seed (default: the scenario's settings.seed).")
    var seed: UInt64?

    @Option(name: .shortAndLong, help: "The results folder (created when missing).")
    var output: String

    @Option(help: "Stop at this simulated time in seconds (default: the scenario's horizon).")
    var horizonSeconds: Double?

    @Option(help: "Load scale: workload arrival times are divided by it, synthetic rates multiplied.")
    var arrivalRateScale: Double = 1

    @Option(help: "Sample queue occupancy every this many simulated seconds into queue.csv (at most 2,000,000 samples).")
    var queueSampleSeconds: Double?

    @Flag(help: "Do not write tasks.csv (one row per task can be large).")
    var noTaskRecords = false

    @Option(name: .customLong("summary-json"), help: "Write the summary to this path too (`-` for standard output).")
    var summaryPath: String?

    func validate() throws {
        guard arrivalRateScale > 0, arrivalRateScale.isFinite else {
            throw ValidationError("--arrival-rate-scale must be a positive number")
        }
        if let horizonSeconds, !(horizonSeconds > 0 && horizonSeconds.isFinite) {
            throw ValidationError("--horizon-seconds must be a positive number")
        }
        if let queueSampleSeconds, !(queueSampleSeconds > 0 && queueSampleSeconds.isFinite) {
            throw ValidationError("--queue-sample-seconds must be a positive number")
        }
    }

    func run() throws {
        try CommandFailure.reporting {
            let compiled = try CompiledScenario.load(path: scenario)
            try ReplayResultsWriter.prepareFolder(output)
            let options = ReplayOptions(
                seed: seed, horizonSeconds: horizonSeconds, arrivalRateScale: arrivalRateScale,
                queueSampleIntervalSeconds: queueSampleSeconds)
            let records = noTaskRecords
                ? nil : try TaskRecordCSVWriter(path: output + "/tasks.csv", nodeIds: compiled.nodeIds)
            var chosen = BaselinePolicy(policy)
            let result: ReplayResult
            do {
                result = try Replay.run(compiled, policy: &chosen, options: options, observer: records)
            } catch {
                records?.discard()
                throw error
            }
            try records?.commit()
            try ReplayResultsWriter.writeNodes(result.nodes, to: output + "/nodes.csv")
            if queueSampleSeconds != nil {
                try ReplayResultsWriter.writeQueueSamples(result.queueSamples, to: output + "/queue.csv")
            }
            let name = compiled.scenario.name
            try ReplayResultsWriter.writeSummary(result, scenarioName: name, to: output + "/summary.json")
            if let summaryPath {
                try ReplayResultsWriter.writeSummary(result, scenarioName: name, to: summaryPath)
            }
            let summary = result.summary
            let line = "\(scenario): \(policy.rawValue), seed \(result.seed): \(summary.tasks) tasks, "
                + "\(summary.completed) completed (\(summary.late) late), "
                + "\(summary.droppedQueueFull + summary.droppedDeadline) dropped, \(summary.unfinished) unfinished, "
                + "\(summary.events) events -> \(output)"
            if summaryPath == "-" { StandardError.write(line) } else { StandardOutput.write(line) }
        }
    }
}

extension BaselinePolicy.Kind: ExpressibleByArgument {}
