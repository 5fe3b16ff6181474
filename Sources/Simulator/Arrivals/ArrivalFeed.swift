import ScenarioModel
import StreamingIO

/// Where the next task comes from: a streamed workload file, tasks embedded in
/// the scenario, or the synthetic Poisson generator.
///
/// Tasks are pulled one at a time as simulated time reaches them, so memory
/// depends on the tasks in flight, not on the workload's length.
struct ArrivalFeed {
    private enum Source {
        case file(WorkloadReader)
        case embedded([WorkloadTask])
        case synthetic
        case exhausted
    }

    private var source: Source
    private var embeddedNext = 0
    /// Kept outside `source` so drawing mutates it in place (no copy per task).
    private var generator: SyntheticArrivalGenerator?

    /// A feed with no tasks.
    static var exhausted: ArrivalFeed { ArrivalFeed(source: .exhausted, generator: nil) }

    private init(source: Source, generator: SyntheticArrivalGenerator?) {
        self.source = source
        self.generator = generator
    }

    /// Opens the feed of `scenario` for a replay seeded with `seed`.
    static func open(_ scenario: CompiledScenario, seed: UInt64, rateScale: Double) throws(ReplayError) -> ArrivalFeed {
        switch scenario.scenario.workload {
        case .file:
            guard let path = scenario.workloadPath else { return .exhausted }
            do {
                return ArrivalFeed(source: .file(try WorkloadReader(path: path)), generator: nil)
            } catch {
                throw .scenario(error)
            }
        case .embedded(let tasks):
            return ArrivalFeed(source: .embedded(tasks), generator: nil)
        case .synthetic:
            return ArrivalFeed(source: .synthetic, generator: SyntheticArrivalGenerator(
                settings: scenario.settings.syntheticArrivals, origins: scenario.origins.eligible.count,
                seed: seed, rateScale: rateScale))
        }
    }

    /// Stops the feed (the next task would come after the horizon).
    mutating func close() {
        source = .exhausted
        generator = nil
    }

    /// Fills `staged` with the next task; returns false when the feed is done.
    ///
    /// Workload arrival times are divided by `rateScale`; origins are resolved
    /// to node indices (-1 when absent).
    ///
    /// - Throws: `ReplayError` for unreadable rows and origins that are not
    ///   compute nodes of the topology, with the file and line.
    mutating func next(
        into staged: inout StagedTask, scenario: CompiledScenario, rateScale: Double, keepIdentifiers: Bool
    ) throws(ReplayError) -> Bool {
        switch source {
        case .exhausted:
            return false
        case .synthetic:
            guard generator?.next(into: &staged) == true else {
                close()
                return false
            }
            return true
        case .embedded(let tasks):
            guard embeddedNext < tasks.count else {
                close()
                return false
            }
            let index = embeddedNext
            embeddedNext += 1
            let location = SourceLocation(path: "<scenario '\(scenario.scenario.name)'>", jsonPath: "$.workload.tasks[\(index)]")
            try Self.stage(tasks[index], into: &staged, scenario: scenario, rateScale: rateScale,
                           keepIdentifiers: keepIdentifiers, location: location)
            return true
        case .file(let reader):
            let row: WorkloadRow?
            do {
                row = try reader.nextRow()
            } catch {
                throw .scenario(error)
            }
            guard let row else {
                close()
                return false
            }
            try Self.stage(row, into: &staged, scenario: scenario, rateScale: rateScale, keepIdentifiers: keepIdentifiers,
                           location: SourceLocation(path: reader.path, line: reader.lineNumber))
            return true
        }
    }

    /// A finite arrival divided by a tiny `--arrival-rate-scale` can leave the range of doubles.
    private static func arrivalOutOfRange(_ location: SourceLocation, rateScale: Double) -> ReplayError {
        .workload(location, "the arrival time divided by the arrival-rate scale \(rateScale) is beyond the range of simulated time")
    }

    /// Stages a workload row without building strings (unless records need the ids).
    private static func stage(
        _ row: WorkloadRow, into staged: inout StagedTask, scenario: CompiledScenario, rateScale: Double,
        keepIdentifiers: Bool, location: @autoclosure () -> SourceLocation
    ) throws(ReplayError) {
        staged.arrival = row.arrivalSeconds / rateScale
        guard staged.arrival.isFinite else { throw Self.arrivalOutOfRange(location(), rateScale: rateScale) }
        if row.hasOrigin {
            guard let index = row.withOriginBytes({ scenario.nodeIndex(idBytes: $0) }) else {
                throw .workload(
                    location(), "origin '\(MessageText.excerpt(row.origin ?? ""))' is not a node of the topology '\(scenario.topology.name)'")
            }
            guard scenario.nodes.isCompute[Int(index)] else {
                throw .workload(location(), "origin '\(MessageText.excerpt(row.origin ?? ""))' is a \(scenario.nodes.kinds[Int(index)].rawValue), "
                    + "not a compute node")
            }
            staged.origin = index
        } else {
            staged.origin = -1
        }
        staged.instructions = Double(row.instructions)
        staged.inputBytes = Double(row.inputBytes)
        staged.outputBytes = Double(row.outputBytes)
        staged.relativeDeadline = row.relativeDeadlineSeconds ?? .infinity
        staged.fingerprint = row.withTaskIdBytes { Fingerprint.of(bytes: $0) }
        staged.jobFingerprint = row.withJobIdBytes { Fingerprint.of(bytes: $0) }
        staged.taskId = keepIdentifiers ? row.taskId : nil
        staged.jobId = keepIdentifiers ? row.jobId : nil
        staged.dependencies.removeAll(keepingCapacity: true)
        row.forEachDependency { staged.dependencies.append(Fingerprint.of(bytes: $0)) }
    }

    private static func stage(
        _ task: WorkloadTask, into staged: inout StagedTask, scenario: CompiledScenario, rateScale: Double,
        keepIdentifiers: Bool, location: @autoclosure () -> SourceLocation
    ) throws(ReplayError) {
        staged.arrival = task.arrivalSeconds / rateScale
        guard staged.arrival.isFinite else { throw Self.arrivalOutOfRange(location(), rateScale: rateScale) }
        if let origin = task.origin {
            guard let index = scenario.nodeIndexById[origin] else {
                throw .workload(location(), "origin '\(MessageText.excerpt(origin))' is not a node of the topology '\(scenario.topology.name)'")
            }
            guard scenario.nodes.isCompute[Int(index)] else {
                throw .workload(location(), "origin '\(MessageText.excerpt(origin))' is a \(scenario.nodes.kinds[Int(index)].rawValue), not a compute node")
            }
            staged.origin = index
        } else {
            staged.origin = -1
        }
        staged.instructions = Double(task.instructions)
        staged.inputBytes = Double(task.inputBytes)
        staged.outputBytes = Double(task.outputBytes)
        staged.relativeDeadline = task.relativeDeadlineSeconds ?? .infinity
        staged.fingerprint = Fingerprint.of(task.taskId)
        staged.jobFingerprint = Fingerprint.of(task.jobId)
        staged.taskId = keepIdentifiers ? task.taskId : nil
        staged.jobId = keepIdentifiers ? task.jobId : nil
        staged.dependencies.removeAll(keepingCapacity: true)
        for dependency in task.dependencies { staged.dependencies.append(Fingerprint.of(dependency)) }
    }
}
