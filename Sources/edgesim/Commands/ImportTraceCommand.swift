import ArgumentParser
import ScenarioModel
import StreamingIO
import TraceImport

/// `edgesim import trace`: a cluster trace becomes a canonical workload.
struct ImportTraceCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "trace",
        abstract: "Convert a cluster trace into a canonical workload (*.workload.csv.gz).",
        discussion: """
            Formats: google2011 (task_events; --job-events adds job_events), alibaba2018 \
            (batch_task, optionally batch_instance; DAGs from task names), alibaba2017 \
            (batch_task), swf (Parallel Workloads Archive), azure2021 (Functions invocations). \
            Inputs may be plain, gzip (multi-member) or .tar.gz archives, and are read in order \
            as one stream. The output is sorted by arrival (unsorted inputs are sorted within \
            --sort-memory-mib, spilling to temporary files); a task's dependencies are always \
            on earlier lines. FORMAT.md, "Trace mappings", documents every field mapping.

            Malformed rows are skipped, counted and the first few reported as \
            FILE:LINE: message; --strict makes the first one an error (exit 1). A progress bar \
            is drawn on standard error when it is a terminal.

            Summary keys (always present): rows (data rows read), malformed_rows, jobs \
            (distinct jobs seen), tasks_seen (distinct tasks in the input), tasks (written), \
            dependencies (written), first_arrival_s, last_arrival_s (null when nothing is \
            written); mapping counts: tasks_replicas, tasks_before_trace, tasks_runtime_unknown, \
            tasks_dropped_before_trace, tasks_dropped_runtime_unknown, tasks_dropped_window, \
            tasks_dropped_sample, tasks_dropped_rate, tasks_dropped_max_tasks, \
            dependencies_dropped, arrivals_clamped_to_zero, sort_runs_spilled; then the \
            format's counts. google2011: tasks_completed, tasks_incomplete, tasks_ended_evict \
            / _fail / _finish / _kill / _lost, tasks_resubmitted, tasks_missing_request, \
            rows_without_submit, events_after_completion, rows_time_zero, rows_after_trace, \
            job_events_rows, job_events_jobs, events_submit ... events_update_running. \
            alibaba2018: task_rows, instance_rows, tasks_independent, task_names_unparsed, \
            stage_suffixes, empty_dependency_tokens, duplicate_dependencies, \
            self_dependencies, dependencies_missing, cycles_broken, duplicate_task_rows, \
            duplicate_task_numbers, arrivals_clamped, end_before_start, tasks_missing_plan, \
            instance_num_invalid, instances_expanded, instances_capped, join_tasks, \
            instances_without_task, duplicate_instances, status_counts. alibaba2017: \
            header_lines, duplicate_tasks, tasks_missing_plan, end_before_create, \
            instance_num_invalid, instances_expanded, instances_capped, status_counts. swf: \
            comment_lines, duplicate_jobs, dependencies_missing, arrivals_clamped, \
            think_times_ignored, processors_unknown, memory_unknown, status_counts, \
            unix_start_time, header. azure2021: header_lines, apps, functions, \
            rows_out_of_order. Common trailer: output, format, inputs, seed.
            """
    )

    // MARK: - Inputs and output

    @Option(help: "The trace format.")
    var format: TraceFormat

    @Argument(help: "Trace files, read in order as one stream (`-` for standard input).")
    var inputs: [String]

    @Option(name: .shortAndLong, help: "The workload to write (`.gz` compresses; `-` for standard output).")
    var output: String

    @Option(name: .customLong("summary-json"), help: "Write a JSON summary to this path (`-` for standard output).")
    var summaryPath: String?

    @Flag(help: "Stop at the first malformed row (exit status 1) instead of skipping it.")
    var strict = false

    @Option(help: "Report this many malformed rows and repairs individually.")
    var reportProblems = 5

    @Option(name: .customLong("job-events"), help: "google2011 job_events files (for --origin-key logical-job).")
    var jobEvents: [String] = []

    // MARK: - Time

    @Option(help: "Keep tasks arriving at or after this trace time (seconds, before any shift).")
    var from: Double?

    @Option(help: "Keep tasks arriving before this trace time (seconds, before any shift).")
    var to: Double?

    @Option(help: "Trace time that becomes 0: first (the first written task, default), trace (keep), or seconds.",
            transform: { try parse { try TimeOrigin.parse($0) } ($0) })
    var timeOrigin: TimeOrigin = .firstArrival

    @Option(help: "Multiply arrivals (after the shift) by this factor; runtimes are kept.")
    var timeScale = 1.0

    @Option(help: "Tasks from before the trace window (time 0 or negative): keep (at time 0) or drop.")
    var beforeTrace: BeforeTracePolicy = .keep

    // MARK: - Volume

    @Option(help: "Scale the arrival rate: below 1 thins, above 1 replicates (seeded; DAGs stay whole).")
    var rateFactor = 1.0

    @Option(help: "Keep this fraction of jobs, seeded.")
    var sample = 1.0

    @Option(help: "Write at most this many tasks (the earliest arrivals).")
    var maxTasks: Int?

    @Option(help: "Seed of every random choice (sampling, thinning, replication, byte counts, random origins).")
    var seed: UInt64 = 1

    // MARK: - Task content

    @Option(help: "MIPS of one core (a normalised CPU unit for google2011, 100 plan_cpu for Alibaba, one processor for SWF).")
    var mipsPerCore = 1000.0

    @Option(help: "Memory of one machine in MiB (65536 = 64 GiB), for normalised memory requests.")
    var machineMemoryMib = 65536.0

    @Option(help: "Input bytes per task: N, uniform:MIN,MAX, exponential:MEAN or lognormal:SHAPE,LOC,SCALE (default 0).",
            transform: { try parse { try ByteCountDistribution.parse($0, option: "--input-bytes") } ($0) })
    var inputBytes: ByteCountDistribution = .constant(0)

    @Option(help: "Output bytes per task, same forms as --input-bytes (default 0).",
            transform: { try parse { try ByteCountDistribution.parse($0, option: "--output-bytes") } ($0) })
    var outputBytes: ByteCountDistribution = .constant(0)

    @Option(help: "Relative deadline: none (default), fixed:SECONDS or runtime:FACTOR.",
            transform: { try parse { try DeadlineRule.parse($0) } ($0) })
    var deadline: DeadlineRule = .none

    @Option(help: "Tasks without a runtime in the trace: drop (default) or a runtime in seconds.",
            transform: { try parse { try UnknownRuntimePolicy.parse($0) } ($0) })
    var unknownRuntime: UnknownRuntimePolicy = .drop

    @Option(help: "Alibaba instance_num: scale (one task, work x instances) or expand (a task per instance).")
    var instances: InstanceMode = .scale

    @Option(help: "Expand at most this many instances per task.")
    var maxInstances = 100_000

    @Option(help: "google2011 events that complete a task, comma-separated: finish (default), fail, kill, lost, evict.",
            transform: { try parse { try GoogleTerminalEvents.parse($0) } ($0) })
    var terminalEvents: GoogleTerminalEvents = [.finish]

    // MARK: - Origins

    @Option(help: "Origin nodes: none (default, assigned at replay), hash, round-robin or random.",
            transform: { try parse { try OriginAssignment.parse($0) } ($0) })
    var origins: OriginAssignment = .none

    @Option(help: "Attribute hashed by --origins hash (per format: see FORMAT.md).")
    var originKey: OriginKey = .job

    @Option(help: "Origin node ids, comma-separated.")
    var originNodes: String?

    @Option(help: "Take origin nodes from this topology (compute nodes of --origin-kinds).")
    var originTopology: String?

    @Option(help: "Node kinds eligible as origins in --origin-topology, comma-separated.")
    var originKinds = "device"

    // MARK: - Resources

    @Option(help: "Memory for sorting in MiB; beyond it sorted runs spill to temporary files.")
    var sortMemoryMib = 32

    @Option(help: "Folder for temporary sort runs (default $TMPDIR, else /tmp).")
    var temporaryDirectory: String?

    @Option(help: "gzip level of a .gz output, 1 (fastest) ... 9 (smallest).")
    var compressionLevel: Int32 = 1

    @Flag(inversion: .prefixedNo, help: "Decompress inputs on a second thread while parsing (default on).")
    var readAhead = true

    @Flag(inversion: .prefixedNo, help: "Compress the output on a second thread (default on).")
    var backgroundCompression = true

    func validate() throws {
        if output == "-" && summaryPath == "-" {
            throw ValidationError("-o - and --summary-json - cannot both use standard output")
        }
        if originNodes != nil && originTopology != nil {
            throw ValidationError("give --origin-nodes or --origin-topology, not both")
        }
        do {
            try options(originNodes: originNodes.map(Self.list) ?? []).validate(for: format)
        } catch {
            throw ValidationError("\(error)")
        }
    }

    func run() throws {
        let progressBar = ProgressBar()
        let summary = try CommandFailure.reporting {
            var nodes = originNodes.map(Self.list) ?? []
            if let originTopology { nodes = try topologyNodes(originTopology) }
            let importer = TraceImporter(
                format: format, inputs: inputs, output: output, options: try options(originNodes: nodes))
            importer.jobEventInputs = jobEvents
            importer.diagnostics = { diagnostic in
                progressBar.finish()
                StandardError.write("edgesim: warning: \(diagnostic)")
            }
            importer.progress = { progress in
                switch progress.phase {
                case .reading:
                    progressBar.update(
                        bytes: progress.storedBytesRead, total: progress.storedBytesTotal, rows: progress.rows,
                        label: "reading")
                case .writing:
                    progressBar.update(
                        merged: progress.recordsMerged, total: progress.recordsTotal, tasks: progress.tasksWritten)
                }
            }
            defer { progressBar.finish() }
            return try importer.run()
        }
        if let malformed = summary.integer("malformed_rows"), malformed > reportProblems {
            StandardError.write(
                "edgesim: warning: \(malformed - reportProblems) more malformed rows not shown "
                    + "(\(malformed) in total; see malformed_rows in --summary-json)")
        }
        if StandardError.isTerminal {
            StandardError.write(
                "edgesim: wrote \(summary.integer("tasks") ?? 0) tasks (\(summary.integer("dependencies") ?? 0) "
                    + "dependencies) from \(summary.integer("rows") ?? 0) rows to \(output)")
        }
        if let summaryPath {
            var report = SummaryReport()
            for (key, value) in summary.entries { report[key] = SummaryReport.Value(value) }
            report["output"] = .text(output)
            report["format"] = .text(format.rawValue)
            report["inputs"] = .array(inputs.map { .text($0) })
            report["seed"] = .integer(Int(truncatingIfNeeded: seed))
            try CommandFailure.reporting { try report.write(to: summaryPath) }
        }
    }

    private func options(originNodes: [String]) throws -> TraceImportOptions {
        var options = TraceImportOptions()
        options.strict = strict
        options.reportedProblems = max(reportProblems, 0)
        options.readAhead = readAhead
        options.windowStartSeconds = from
        options.windowEndSeconds = to
        options.timeOrigin = timeOrigin
        options.timeScale = timeScale
        options.beforeTrace = beforeTrace
        options.rateFactor = rateFactor
        options.sampleFraction = sample
        options.maximumTasks = maxTasks
        options.seed = seed
        options.mipsPerCore = mipsPerCore
        guard machineMemoryMib >= 0, machineMemoryMib < 8e12 else {
            throw ValidationError("--machine-memory-mib must be between 0 and 8e12")
        }
        options.machineMemoryBytes = Int64(machineMemoryMib * 1_048_576)
        options.inputBytes = inputBytes
        options.outputBytes = outputBytes
        options.deadline = deadline
        options.unknownRuntime = unknownRuntime
        options.instances = instances
        options.maximumInstancesPerTask = maxInstances
        options.terminalEvents = terminalEvents
        options.origins = origins
        options.originKey = originKey
        // Origins are checked again at run time with the topology's nodes.
        options.originNodes = originNodes.isEmpty && originTopology != nil ? ["(topology)"] : originNodes
        guard sortMemoryMib >= 1, sortMemoryMib <= 1 << 20 else {
            throw ValidationError("--sort-memory-mib must be between 1 and 1048576")
        }
        options.sortMemoryBytes = sortMemoryMib << 20
        options.temporaryDirectory = temporaryDirectory
        options.compressionLevel = compressionLevel
        options.backgroundCompression = backgroundCompression
        return options
    }

    private func topologyNodes(_ path: String) throws -> [String] {
        let topology = try Topology.load(path: path)
        let kinds = Self.list(originKinds)
        for kind in kinds where NodeKind(rawValue: kind) == nil {
            throw ValidationError("--origin-kinds: unknown node kind '\(kind)'")
        }
        let nodes = topology.nodes.filter { $0.kind.isCompute && kinds.contains($0.kind.rawValue) }.map(\.id)
        guard !nodes.isEmpty else {
            throw TraceImportError.invalidOption(
                "\(path): no compute nodes of kind \(kinds.joined(separator: ", ")) to use as origins")
        }
        return nodes
    }

    private static func list(_ text: String) -> [String] {
        text.split(separator: ",").map { String($0) }.filter { !$0.isEmpty }
    }

    /// Wraps a library parser for argument-parser: its message becomes the usage error.
    private static func parse<Value>(_ body: @escaping (String) throws -> Value) -> (String) throws -> Value {
        { text in
            do {
                return try body(text)
            } catch {
                throw ValidationError("\(error)")
            }
        }
    }
}

extension TraceFormat: ExpressibleByArgument {}
extension BeforeTracePolicy: ExpressibleByArgument {}
extension InstanceMode: ExpressibleByArgument {}
extension OriginKey: ExpressibleByArgument {}

extension SummaryReport.Value {
    init(_ value: TraceImportSummary.Value) {
        switch value {
        case .integer(let number): self = .integer(number)
        case .number(let number): self = .number(number)
        case .text(let text): self = .text(text)
        case .textMap(let map): self = .textMap(map)
        case .null: self = .null
        }
    }
}
