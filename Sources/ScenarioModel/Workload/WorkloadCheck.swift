import StreamingIO

/// The state of one validation: counts, local issues, and the fingerprint
/// sorters behind the identity checks.
final class WorkloadCheck {
    let originNodes: Set<String>?
    let maximumIssues: Int
    let locate: (UInt64) -> SourceLocation
    let describe: (UInt64) -> String
    var summary = WorkloadSummary()
    private var issues: [(ordinal: UInt64, issue: ValidationIssue)] = []
    /// One record per task: (task fingerprint, job fingerprint, ordinal).
    private let definitions: FingerprintSorter
    /// One record per dependency: (dependency fingerprint, job fingerprint, ordinal, index).
    private let references: FingerprintSorter
    /// One record per change of job along the file, to count distinct jobs.
    private let jobs: FingerprintSorter
    private var previousJob: UInt64?
    private var sawTask = false

    /// Findings of the sorted phase that need the task's text to be worded.
    private enum Deferred {
        case duplicate(firstOrdinal: UInt64)
        case unknownDependency(index: Int)
        case dependencyInOtherJob(index: Int)
    }

    init(
        originNodes: Set<String>?, maximumIssues: Int, runCapacity: Int,
        locate: @escaping (UInt64) -> SourceLocation, describe: @escaping (UInt64) -> String
    ) {
        self.originNodes = originNodes
        self.maximumIssues = maximumIssues
        self.locate = locate
        self.describe = describe
        definitions = FingerprintSorter(runCapacity: runCapacity)
        references = FingerprintSorter(runCapacity: runCapacity)
        jobs = FingerprintSorter(runCapacity: runCapacity)
    }

    /// Every issue, ordered by position in the input, at most `maximumIssues`.
    var sortedIssues: [ValidationIssue] {
        Array(issues.enumerated().sorted { ($0.element.ordinal, $0.offset) < ($1.element.ordinal, $1.offset) }
            .prefix(maximumIssues).map(\.element.issue))
    }

    func recordRowIssue(_ issue: ValidationIssue, ordinal: UInt64) {
        summary.tasks += 1
        report(issue, ordinal: ordinal)
    }

    private func report(_ issue: ValidationIssue, ordinal: UInt64) {
        if issues.count < maximumIssues * 4 { issues.append((ordinal, issue)) }
    }

    func consume(_ task: WorkloadTask, ordinal: UInt64) throws {
        summary.tasks += 1
        let jobPrint = IdentifierFingerprint(task.jobId).value
        try definitions.append(FingerprintRecord(
            key: IdentifierFingerprint(task.taskId).value, job: jobPrint, ordinal: ordinal, extra: 0))
        if jobPrint != previousJob {
            try jobs.append(FingerprintRecord(key: jobPrint, job: 0, ordinal: ordinal, extra: 0))
            previousJob = jobPrint
        }
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
                report(ValidationIssue(locate(ordinal), "origin '\(MessageText.excerpt(origin))' is not a compute node of the topology"), ordinal: ordinal)
            }
        }
        for (index, dependency) in task.dependencies.enumerated() {
            summary.dependencies += 1
            if dependency == task.taskId {
                report(ValidationIssue(locate(ordinal), "task '\(MessageText.excerpt(task.taskId))' depends on itself (a cycle)"), ordinal: ordinal)
            } else if task.dependencies[..<index].contains(dependency) {
                report(ValidationIssue(locate(ordinal), "duplicate dependency '\(MessageText.excerpt(dependency))'"), ordinal: ordinal)
            } else {
                try references.append(FingerprintRecord(
                    key: IdentifierFingerprint(dependency).value, job: jobPrint, ordinal: ordinal, extra: UInt64(index)))
            }
        }
    }

    /// Runs the sorted checks; `rereadTasks` replays every task with its
    /// ordinal (returning false when the input cannot be read again).
    func finish(rereadTasks: ((WorkloadTask, UInt64) -> Void) throws -> Bool) throws {
        summary.jobs = try countDistinctJobs()
        var deferred: [(ordinal: UInt64, finding: Deferred)] = []
        var forwardJobs: Set<UInt64> = []
        let limit = maximumIssues * 4

        // Definitions and references, both sorted by fingerprint: one merge.
        var sortedDefinitions = try definitions.sorted()
        var sortedReferences = try references.sorted()
        var definition = try sortedDefinitions.next()
        var firstOfKey: FingerprintRecord?
        func advanceDefinitions(to key: UInt64) throws {
            while let current = definition, current.key <= key {
                if let first = firstOfKey, first.key == current.key {
                    if deferred.count < limit { deferred.append((current.ordinal, .duplicate(firstOrdinal: first.ordinal))) }
                } else {
                    firstOfKey = current
                }
                definition = try sortedDefinitions.next()
            }
        }
        while let reference = try sortedReferences.next() {
            try advanceDefinitions(to: reference.key)
            guard let target = firstOfKey, target.key == reference.key else {
                if deferred.count < limit { deferred.append((reference.ordinal, .unknownDependency(index: Int(reference.extra)))) }
                continue
            }
            if target.job != reference.job {
                if deferred.count < limit { deferred.append((reference.ordinal, .dependencyInOtherJob(index: Int(reference.extra)))) }
            } else if target.ordinal > reference.ordinal {
                forwardJobs.insert(reference.job)
            }
        }
        try advanceDefinitions(to: UInt64.max)
        guard !deferred.isEmpty || !forwardJobs.isEmpty else { return }

        // Second pass: the text of the offending tasks, and every task of the
        // jobs whose dependencies point forward.
        let wanted = Set(deferred.map(\.ordinal) + deferred.compactMap {
            if case .duplicate(let first) = $0.finding { return first } else { return nil }
        })
        var tasksByOrdinal: [UInt64: WorkloadTask] = [:]
        var forwardTasks: [(WorkloadTask, SourceLocation)] = []
        let reread = try rereadTasks { task, ordinal in
            if wanted.contains(ordinal) { tasksByOrdinal[ordinal] = task }
            if !forwardJobs.isEmpty, forwardJobs.contains(IdentifierFingerprint(task.jobId).value) {
                forwardTasks.append((task, self.locate(ordinal)))
            }
        }
        guard reread else {
            report(ValidationIssue(locate(0), "some task ids or dependencies are invalid (standard input cannot be re-read to say which)"), ordinal: 0)
            return
        }
        for (ordinal, finding) in deferred {
            let task = tasksByOrdinal[ordinal]
            let message: String
            switch finding {
            case .duplicate(let first):
                message = "duplicate task id '\(MessageText.excerpt(task?.taskId ?? "?"))' (first at \(describe(first)))"
            case .unknownDependency(let index):
                message = "dependency on unknown task '\(MessageText.excerpt(task.map { $0.dependencies[index] } ?? "?"))'"
            case .dependencyInOtherJob(let index):
                message = "dependency '\(MessageText.excerpt(task.map { $0.dependencies[index] } ?? "?"))' belongs to another job than '\(MessageText.excerpt(task?.jobId ?? "?"))'"
            }
            report(ValidationIssue(locate(ordinal), message), ordinal: ordinal)
        }
        for issue in Self.orderingIssues(forwardTasks) {
            report(issue, ordinal: UInt64(issue.location.line ?? 0))
        }
    }

    private func countDistinctJobs() throws -> Int {
        var sorted = try jobs.sorted()
        var count = 0
        var previous: UInt64?
        while let record = try sorted.next() {
            if record.key != previous { count += 1 }
            previous = record.key
        }
        return count
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
                        location, "dependency '\(MessageText.excerpt(dependency))' appears later (\(where_)); "
                            + "a task's dependencies must come before it"))
                }
            }
        }
        return issues
    }
}
