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

/// Checks a whole workload in one streaming pass with bounded memory.
///
/// Beyond the per-row checks of `WorkloadReader`: unique task ids, dependencies
/// on tasks of the same job that appear on earlier lines, no self-dependency,
/// no duplicate dependency, no cycles, and (when given) origins that are
/// compute nodes of the topology. Identity checks work on 64-bit
/// fingerprints sorted externally (spilled to temporary files past a fixed
/// budget), so memory stays flat however long the workload is. Only when
/// something is wrong does a second pass read the offending lines back to
/// word the messages and to tell cycles from late definitions.
public struct WorkloadValidator {
    /// Compute node ids origins must name, or nil to skip that check.
    public var originNodes: Set<String>?
    /// Stop collecting after this many issues.
    public var maximumIssues: Int
    /// Fingerprint records held in memory per sorter before spilling (32 bytes each).
    var runCapacity: Int

    /// Creates a validator.
    public init(originNodes: Set<String>? = nil, maximumIssues: Int = 100) {
        self.init(originNodes: originNodes, maximumIssues: maximumIssues, runCapacity: 1 << 18)
    }

    init(originNodes: Set<String>?, maximumIssues: Int, runCapacity: Int) {
        self.originNodes = originNodes
        self.maximumIssues = maximumIssues
        self.runCapacity = runCapacity
    }

    /// Validates the workload file at `path`.
    ///
    /// - Returns: The summary and every issue found (up to `maximumIssues`), in line order.
    /// - Throws: `ScenarioError` only when the file cannot be read at all or is
    ///   not a workload (wrong marker, version or header).
    /// - Complexity: O(n log n) time for n tasks and dependencies; memory bounded
    ///   by a fixed budget (about 25 MB), independent of n.
    public func validate(path: String) throws(ScenarioError) -> (WorkloadSummary, [ValidationIssue]) {
        let reader = try WorkloadReader(path: path)
        let displayPath = reader.path
        let check = WorkloadCheck(
            originNodes: originNodes, maximumIssues: maximumIssues, runCapacity: runCapacity,
            locate: { SourceLocation(path: displayPath, line: Int($0)) },
            describe: { "line \($0)" })
        try ScenarioError.catching {
            try Self.readAll(reader) { task in
                try check.consume(task, ordinal: UInt64(reader.lineNumber))
            } rowIssue: { issue in
                check.recordRowIssue(issue, ordinal: UInt64(issue.location.line ?? 0))
            }
            try check.finish { visit in
                guard path != "-" else { return false }
                let again = try WorkloadReader(path: path)
                try Self.readAll(again) { task in visit(task, UInt64(again.lineNumber)) } rowIssue: { _ in }
                return true
            }
        }
        return (check.summary, check.sortedIssues)
    }

    /// Validates tasks held in memory (an embedded workload), with their locations.
    public func validate(tasks: [WorkloadTask], locations: [SourceLocation]) -> (WorkloadSummary, [ValidationIssue]) {
        let check = WorkloadCheck(
            originNodes: originNodes, maximumIssues: maximumIssues, runCapacity: runCapacity,
            locate: { ordinal in
                let index = Int(ordinal) - 1
                return index >= 0 && index < locations.count ? locations[index] : SourceLocation(path: "")
            },
            describe: { ordinal in
                let index = Int(ordinal) - 1
                return index >= 0 && index < locations.count ? (locations[index].jsonPath ?? "task \(ordinal)") : "task \(ordinal)"
            })
        var previousArrival = -Double.infinity
        do {
            for (index, (task, location)) in zip(tasks, locations).enumerated() {
                let ordinal = UInt64(index + 1)
                let problems = task.problems(previousArrival: previousArrival)
                if problems.isEmpty {
                    previousArrival = task.arrivalSeconds
                    try check.consume(task, ordinal: ordinal)
                } else {
                    for problem in problems {
                        var at = location
                        at.jsonPath = (at.jsonPath ?? "") + "." + WorkloadFormat.columns[problem.column.rawValue]
                        check.recordRowIssue(ValidationIssue(at, problem.message), ordinal: ordinal)
                    }
                }
            }
            try check.finish { visit in
                for (index, task) in tasks.enumerated() { visit(task, UInt64(index + 1)) }
                return true
            }
        } catch {
            check.recordRowIssue(ValidationIssue(SourceLocation(path: ""), "\(error)"), ordinal: 0)
        }
        return (check.summary, check.sortedIssues)
    }

    private static func readAll(
        _ reader: WorkloadReader, _ body: (WorkloadTask) throws -> Void,
        rowIssue: (ValidationIssue) -> Void
    ) throws {
        while true {
            do {
                guard let task = try reader.next() else { return }
                try body(task)
            } catch let error as ScenarioError {
                guard case .invalid(let issues) = error else { throw error }
                issues.forEach(rowIssue)
            }
        }
    }
}
