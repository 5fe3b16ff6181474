import StreamingIO

/// Figures about a workload gathered while validating it.
public struct WorkloadSummary: Hashable, Sendable {
    /// Tasks read (valid or not).
    public var tasks = 0
    /// Distinct jobs.
    public var jobs = 0
    /// Dependency edges.
    public var dependencies = 0
    /// Tasks with an origin node.
    public var tasksWithOrigin = 0
    /// Tasks with a deadline.
    public var tasksWithDeadline = 0
    /// The first and last arrival, in seconds (0 for an empty workload).
    public var firstArrivalSeconds = 0.0
    /// The last arrival, in seconds.
    public var lastArrivalSeconds = 0.0
    /// Total work in instructions.
    public var totalInstructions = 0.0
    /// Total input bytes.
    public var totalInputBytes = 0.0
}

/// Checks a whole workload in one streaming pass (plus a second pass over the
/// few jobs involved when a dependency points forward).
///
/// Beyond the per-row checks of `WorkloadReader`: unique task ids, dependencies
/// on tasks of the same job that appear on earlier lines, no self-dependency,
/// no duplicate dependency, no cycles, and (when given) origins that are
/// compute nodes of the topology. Memory holds a 64-bit fingerprint per task
/// and per job, never the tasks themselves.
public struct WorkloadValidator {
    /// Compute node ids origins must name, or nil to skip that check.
    public var originNodes: Set<String>?
    /// Stop collecting after this many issues.
    public var maximumIssues: Int

    /// Creates a validator.
    public init(originNodes: Set<String>? = nil, maximumIssues: Int = 100) {
        self.originNodes = originNodes
        self.maximumIssues = maximumIssues
    }

    /// Validates the workload file at `path`.
    ///
    /// - Returns: The summary and every issue found (up to `maximumIssues`).
    /// - Throws: `ScenarioError` only when the file cannot be read at all or is
    ///   not a workload (wrong marker, version or header).
    /// - Complexity: O(tasks + dependencies) time; O(tasks) fingerprints of memory.
    public func validate(path: String) throws(ScenarioError) -> (WorkloadSummary, [ValidationIssue]) {
        let reader = try WorkloadReader(path: path)
        let check = WorkloadCheck(originNodes: originNodes, maximumIssues: maximumIssues)
        try Self.readAll(reader) { task, location in check.consume(task, at: location) } rowIssue: {
            check.summary.tasks += 1
            check.report($0)
        }
        let displayPath = reader.path
        try check.finish { (jobs) throws(ScenarioError) in
            guard path != "-" else {
                check.report(ValidationIssue(
                    SourceLocation(path: displayPath), "some dependencies refer to tasks on later lines"))
                return []
            }
            var selected: [(WorkloadTask, SourceLocation)] = []
            try Self.readAll(try WorkloadReader(path: path)) { task, location in
                if jobs.contains(IdentifierFingerprint(task.jobId).value) { selected.append((task, location)) }
            } rowIssue: { _ in }
            return selected
        }
        return (check.summary, check.issues)
    }

    /// Validates tasks held in memory (an embedded workload), with their locations.
    public func validate(tasks: [WorkloadTask], locations: [SourceLocation]) -> (WorkloadSummary, [ValidationIssue]) {
        let check = WorkloadCheck(originNodes: originNodes, maximumIssues: maximumIssues)
        var previousArrival = -Double.infinity
        for (task, location) in zip(tasks, locations) {
            let problems = task.problems(previousArrival: previousArrival)
            if problems.isEmpty {
                previousArrival = task.arrivalSeconds
                check.consume(task, at: location)
            } else {
                check.summary.tasks += 1
                for problem in problems {
                    var at = location
                    at.jsonPath = (at.jsonPath ?? "") + "." + WorkloadFormat.columns[problem.column.rawValue]
                    check.report(ValidationIssue(at, problem.message))
                }
            }
        }
        check.finish { jobs in
            zip(tasks, locations).filter { jobs.contains(IdentifierFingerprint($0.0.jobId).value) }
        }
        return (check.summary, check.issues)
    }

    private static func readAll(
        _ reader: WorkloadReader, _ body: (WorkloadTask, SourceLocation) -> Void,
        rowIssue: (ValidationIssue) -> Void
    ) throws(ScenarioError) {
        while true {
            do {
                guard let task = try reader.next() else { return }
                body(task, SourceLocation(path: reader.path, line: reader.lineNumber))
            } catch {
                guard case .invalid(let issues) = error else { throw error }
                issues.forEach(rowIssue)
            }
        }
    }
}

/// The state of one validation pass: fingerprints, counts and issues.
final class WorkloadCheck {
    let originNodes: Set<String>?
    let maximumIssues: Int
    var summary = WorkloadSummary()
    private(set) var issues: [ValidationIssue] = []
    private var jobOfTask: [UInt64: UInt64] = [:]
    private var jobs: Set<UInt64> = []
    private var forwardReferences: [ForwardReference] = []
    private var sawTask = false

    /// A dependency on a task not seen yet on an earlier line.
    private struct ForwardReference {
        var location: SourceLocation
        var dependency: String
        var jobFingerprint: UInt64
    }

    init(originNodes: Set<String>?, maximumIssues: Int) {
        self.originNodes = originNodes
        self.maximumIssues = maximumIssues
    }

    func report(_ issue: ValidationIssue) {
        if issues.count < maximumIssues { issues.append(issue) }
    }

    func consume(_ task: WorkloadTask, at here: SourceLocation) {
        summary.tasks += 1
        let taskPrint = IdentifierFingerprint(task.taskId).value
        let jobPrint = IdentifierFingerprint(task.jobId).value
        if jobOfTask.updateValue(jobPrint, forKey: taskPrint) != nil {
            report(ValidationIssue(here, "duplicate task id '\(task.taskId)'"))
        }
        jobs.insert(jobPrint)
        if !sawTask {
            summary.firstArrivalSeconds = task.arrivalSeconds
            sawTask = true
        }
        summary.lastArrivalSeconds = task.arrivalSeconds
        summary.totalInstructions += Double(task.instructions)
        summary.totalInputBytes += Double(task.inputBytes)
        if task.relativeDeadlineSeconds != nil { summary.tasksWithDeadline += 1 }
        if let origin = task.origin {
            summary.tasksWithOrigin += 1
            if let originNodes, !originNodes.contains(origin) {
                report(ValidationIssue(here, "origin '\(origin)' is not a compute node of the topology"))
            }
        }
        var seenDependencies: Set<String> = []
        for dependency in task.dependencies {
            summary.dependencies += 1
            if dependency == task.taskId {
                report(ValidationIssue(here, "task '\(task.taskId)' depends on itself (a cycle)"))
                continue
            }
            if !seenDependencies.insert(dependency).inserted {
                report(ValidationIssue(here, "duplicate dependency '\(dependency)'"))
                continue
            }
            if let dependencyJob = jobOfTask[IdentifierFingerprint(dependency).value] {
                if dependencyJob != jobPrint {
                    report(ValidationIssue(
                        here, "dependency '\(dependency)' belongs to another job than '\(task.jobId)'"))
                }
            } else {
                forwardReferences.append(
                    ForwardReference(location: here, dependency: dependency, jobFingerprint: jobPrint))
            }
        }
    }

    /// Resolves forward references; `tasksOfJobs` returns the tasks of the
    /// given jobs again (a second pass) to tell cycles from late definitions.
    func finish<Failure: Error>(
        tasksOfJobs: (Set<UInt64>) throws(Failure) -> [(WorkloadTask, SourceLocation)]
    ) throws(Failure) {
        summary.jobs = jobs.count
        var laterJobs: Set<UInt64> = []
        for reference in forwardReferences {
            guard let dependencyJob = jobOfTask[IdentifierFingerprint(reference.dependency).value] else {
                report(ValidationIssue(reference.location, "dependency on unknown task '\(reference.dependency)'"))
                continue
            }
            if dependencyJob != reference.jobFingerprint {
                report(ValidationIssue(reference.location, "dependency '\(reference.dependency)' belongs to another job"))
                continue
            }
            laterJobs.insert(reference.jobFingerprint)
        }
        guard !laterJobs.isEmpty else { return }
        for issue in Self.orderingIssues(try tasksOfJobs(laterJobs)) { report(issue) }
    }

    /// Reports cycles, or dependencies that merely come too late in the file.
    static func orderingIssues(_ tasks: [(WorkloadTask, SourceLocation)]) -> [ValidationIssue] {
        var locationOfTask: [String: SourceLocation] = [:]
        var dependenciesOfTask: [String: [String]] = [:]
        var position: [String: Int] = [:]
        for (index, (task, location)) in tasks.enumerated() {
            locationOfTask[task.taskId] = location
            dependenciesOfTask[task.taskId] = task.dependencies
            position[task.taskId] = index
        }
        var issues: [ValidationIssue] = []
        // Iterative depth-first search (colour 1 = on the stack, 2 = done).
        var colour: [String: UInt8] = [:]
        var inCycle: Set<String> = []
        for (root, _) in tasks where colour[root.taskId] == nil {
            var stack: [(task: String, next: Int)] = [(root.taskId, 0)]
            colour[root.taskId] = 1
            while let top = stack.last {
                let dependencies = dependenciesOfTask[top.task] ?? []
                guard top.next < dependencies.count else {
                    colour[top.task] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let dependency = dependencies[top.next]
                guard dependenciesOfTask[dependency] != nil, dependency != top.task else { continue }
                switch colour[dependency] {
                case nil:
                    colour[dependency] = 1
                    stack.append((dependency, 0))
                case 1:
                    let start = stack.firstIndex { $0.task == dependency } ?? 0
                    let cycle = stack[start...].map(\.task)
                    if inCycle.isDisjoint(with: cycle) {
                        inCycle.formUnion(cycle)
                        let first = cycle.min { (position[$0] ?? 0) < (position[$1] ?? 0) } ?? dependency
                        issues.append(ValidationIssue(
                            locationOfTask[first] ?? SourceLocation(path: ""),
                            "dependency cycle: \((cycle + [dependency]).joined(separator: " -> "))"))
                    }
                default:
                    break
                }
            }
        }
        for (task, location) in tasks where !inCycle.contains(task.taskId) {
            for dependency in task.dependencies {
                if let later = position[dependency], let here = position[task.taskId], later > here {
                    let where_ = locationOfTask[dependency].map { $0.line.map { "line \($0)" } ?? ($0.jsonPath ?? "") } ?? ""
                    issues.append(ValidationIssue(
                        location, "dependency '\(dependency)' appears later (\(where_)); "
                            + "a task's dependencies must come before it"))
                }
            }
        }
        return issues
    }
}
