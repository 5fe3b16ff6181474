import StreamingIO

/// Turns the rows of one Alibaba 2018 job into canonical task records.
///
/// 1. Parse task names into a DAG; drop duplicate rows, self and repeated
///    dependencies, and dependencies on task numbers the job does not have.
/// 2. Break cycles deterministically: a depth-first search from the latest
///    task to the earliest (by start time, task number, row) drops each edge
///    that closes a cycle, which is usually an earlier task "depending" on a
///    later one.
/// 3. In topological order, a task arrives at its start time, or later when a
///    predecessor arrives later (clamped and counted), and is written with a
///    rank that keeps equal arrivals in topological order.
/// 4. `instance_num`: one task scaled by it, or one task per instance plus a
///    zero-work join task that dependents wait for.
final class Alibaba2018JobAssembler {
    struct Counts {
        var jobs = 0
        var tasks = 0
        var tasksIndependent = 0
        var taskNamesUnparsed = 0
        var stageSuffixes = 0
        var emptyDependencyTokens = 0
        var duplicateDependencies = 0
        var selfDependencies = 0
        var dependenciesMissing = 0
        var cyclesBroken = 0
        var duplicateTaskRows = 0
        var duplicateTaskNumbers = 0
        var arrivalsClamped = 0
        var endBeforeStart = 0
        var tasksMissingPlan = 0
        var instanceCountInvalid = 0
        var instancesExpanded = 0
        var instancesCapped = 0
        var joinTasks = 0
        var instancesWithoutTask = 0
        var duplicateInstances = 0

        func summaryEntries() -> [(String, TraceImportSummary.Value)] {
            [
                ("tasks_independent", .integer(tasksIndependent)),
                ("task_names_unparsed", .integer(taskNamesUnparsed)),
                ("stage_suffixes", .integer(stageSuffixes)),
                ("empty_dependency_tokens", .integer(emptyDependencyTokens)),
                ("duplicate_dependencies", .integer(duplicateDependencies)),
                ("self_dependencies", .integer(selfDependencies)),
                ("dependencies_missing", .integer(dependenciesMissing)),
                ("cycles_broken", .integer(cyclesBroken)),
                ("duplicate_task_rows", .integer(duplicateTaskRows)),
                ("duplicate_task_numbers", .integer(duplicateTaskNumbers)),
                ("arrivals_clamped", .integer(arrivalsClamped)),
                ("end_before_start", .integer(endBeforeStart)),
                ("tasks_missing_plan", .integer(tasksMissingPlan)),
                ("instance_num_invalid", .integer(instanceCountInvalid)),
                ("instances_expanded", .integer(instancesExpanded)),
                ("instances_capped", .integer(instancesCapped)),
                ("join_tasks", .integer(joinTasks)),
                ("instances_without_task", .integer(instancesWithoutTask)),
                ("duplicate_instances", .integer(duplicateInstances)),
            ]
        }
    }

    struct Node {
        var row: Alibaba2018TaskRow
        var number: Int?
        /// Indices of the tasks this one depends on (-1 = edge removed).
        var dependencies: [Int] = []
        var dependents = 0
        var instances: [Alibaba2018InstanceRow] = []
    }

    let context: ImportContext
    let options: TraceImportOptions
    var counts = Counts()
    /// The input paths, by file index (for messages).
    var files: [String] = []
    private(set) var jobOrdinal: UInt64 = 0
    let taskIdBuilder = RecordBuilder(capacity: 256)
    let dependencyBuilder = RecordBuilder(capacity: 256)

    init(context: ImportContext) {
        self.context = context
        options = context.options
    }

    private func location(_ fileIndex: UInt32, _ line: UInt32) -> SourceLocation {
        let index = Int(fileIndex)
        return SourceLocation(path: index < files.count ? files[index] : "<input>", line: Int(line))
    }

    private func text(_ bytes: [UInt8]) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// Assembles one job (all its rows, in input order).
    func assemble(
        jobName: [UInt8], tasks rows: [Alibaba2018TaskRow], instances: [Alibaba2018InstanceRow]
    ) throws(TraceImportError) {
        var nodes = buildNodes(jobName: jobName, rows: rows)
        guard !nodes.isEmpty else {
            counts.instancesWithoutTask += instances.count
            return
        }
        counts.jobs += 1
        counts.tasks += nodes.count
        attach(instances, to: &nodes, jobName: jobName)
        breakCycles(&nodes, jobName: jobName)
        for index in nodes.indices {
            for dependency in nodes[index].dependencies where dependency >= 0 { nodes[dependency].dependents += 1 }
        }
        let order = topologicalOrder(nodes)
        try emit(nodes, order: order, jobName: jobName)
        jobOrdinal += 1
    }

    // MARK: - DAG

    private func buildNodes(jobName: [UInt8], rows: [Alibaba2018TaskRow]) -> [Node] {
        var nodes: [Node] = []
        var names = Set<[UInt8]>()
        var numbers: [Int: Int] = [:]
        var written: [[Int]] = []
        for row in rows {
            guard names.insert(row.name).inserted else {
                counts.duplicateTaskRows += 1
                context.problems.repaired(
                    location(row.fileIndex, row.line),
                    "job \(text(jobName)): duplicate task row '\(text(row.name))' ignored")
                continue
            }
            var node = Node(row: row)
            let parsed = row.name.withUnsafeBytes { Alibaba2018TaskName.parse($0) }
            switch parsed {
            case .independent:
                counts.tasksIndependent += 1
                written.append([])
            case .unparsed:
                counts.taskNamesUnparsed += 1
                counts.tasksIndependent += 1
                written.append([])
                context.problems.repaired(
                    location(row.fileIndex, row.line),
                    "job \(text(jobName)): task name '\(text(row.name))' does not encode a DAG; treated as independent")
            case .dag(let number, let dependencies, let stageSuffix, let emptyTokens):
                if stageSuffix { counts.stageSuffixes += 1 }
                counts.emptyDependencyTokens += emptyTokens
                node.number = number
                if numbers[number] == nil {
                    numbers[number] = nodes.count
                } else {
                    counts.duplicateTaskNumbers += 1
                    context.problems.repaired(
                        location(row.fileIndex, row.line),
                        "job \(text(jobName)): task number \(number) appears again in '\(text(row.name))'; "
                            + "dependencies on \(number) refer to the first")
                }
                written.append(dependencies)
            }
            nodes.append(node)
        }
        for index in nodes.indices {
            var seen = Set<Int>()
            for number in written[index] {
                guard seen.insert(number).inserted else {
                    counts.duplicateDependencies += 1
                    continue
                }
                if number == nodes[index].number {
                    counts.selfDependencies += 1
                    continue
                }
                guard let target = numbers[number] else {
                    counts.dependenciesMissing += 1
                    let row = nodes[index].row
                    context.problems.repaired(
                        location(row.fileIndex, row.line),
                        "job \(text(jobName)): task '\(text(row.name))' depends on task \(number), "
                            + "which the job does not have; dependency dropped")
                    continue
                }
                if target == index {
                    counts.selfDependencies += 1
                    continue
                }
                nodes[index].dependencies.append(target)
            }
        }
        return nodes
    }

    /// Task indices in (start time, task number, row order) order: the order
    /// in which cycles are broken.
    private func searchOrder(_ nodes: [Node]) -> [Int] {
        nodes.indices.sorted { left, right in
            let a = nodes[left]
            let b = nodes[right]
            if a.row.startSeconds != b.row.startSeconds { return a.row.startSeconds < b.row.startSeconds }
            if (a.number ?? Int.max) != (b.number ?? Int.max) { return (a.number ?? Int.max) < (b.number ?? Int.max) }
            return left < right
        }
    }

    /// Drops every dependency edge that closes a cycle (a back edge of a
    /// depth-first search); each dropped edge counts as one cycle broken.
    ///
    /// The search starts from the latest tasks, so it walks dependencies back
    /// in time and the edge that closes a cycle is the one pointing forward
    /// in time: an earlier task that names a later one as its parent.
    private func breakCycles(_ nodes: inout [Node], jobName: [UInt8]) {
        var colour = [UInt8](repeating: 0, count: nodes.count)  // 1 on the stack, 2 done
        for root in searchOrder(nodes).reversed() where colour[root] == 0 {
            var stack: [(node: Int, next: Int)] = [(root, 0)]
            colour[root] = 1
            while let top = stack.last {
                let dependencies = nodes[top.node].dependencies
                guard top.next < dependencies.count else {
                    colour[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let target = dependencies[top.next]
                guard target >= 0 else { continue }
                switch colour[target] {
                case 0:
                    colour[target] = 1
                    stack.append((target, 0))
                case 1:
                    nodes[top.node].dependencies[top.next] = -1
                    counts.cyclesBroken += 1
                    let from = nodes[top.node].row
                    let start = stack.firstIndex { $0.node == target } ?? 0
                    let cycle = (stack[start...].map { text(nodes[$0.node].row.name) } + [text(nodes[target].row.name)])
                    context.problems.repaired(
                        location(from.fileIndex, from.line),
                        "job \(text(jobName)): dependency cycle \(cycle.joined(separator: " -> ")) broken: "
                            + "'\(text(from.name))' no longer depends on '\(text(nodes[target].row.name))'")
                default:
                    break
                }
            }
        }
    }

    /// A topological order (dependencies first): Kahn's algorithm, taking ready
    /// tasks in (start time, task number, row) order.
    private func topologicalOrder(_ nodes: [Node]) -> [Int] {
        let priority = searchOrder(nodes)
        var rank = [Int](repeating: 0, count: nodes.count)
        for (position, index) in priority.enumerated() { rank[index] = position }
        var waiting = [Int](repeating: 0, count: nodes.count)
        var dependents = [[Int]](repeating: [], count: nodes.count)
        for index in nodes.indices {
            for dependency in nodes[index].dependencies where dependency >= 0 {
                waiting[index] += 1
                dependents[dependency].append(index)
            }
        }
        var ready = MinimumHeap<Int>()
        for index in nodes.indices where waiting[index] == 0 { ready.push(rank[index], index) }
        var order: [Int] = []
        order.reserveCapacity(nodes.count)
        while let index = ready.pop() {
            order.append(index)
            for dependent in dependents[index] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.push(rank[dependent], dependent) }
            }
        }
        return order
    }

    // MARK: - Instances

    private func attach(_ instances: [Alibaba2018InstanceRow], to nodes: inout [Node], jobName: [UInt8]) {
        guard !instances.isEmpty else { return }
        var byName: [[UInt8]: Int] = [:]
        for index in nodes.indices where byName[nodes[index].row.name] == nil { byName[nodes[index].row.name] = index }
        var seen = Set<[UInt8]>()
        for instance in instances {
            guard let index = byName[instance.taskName] else {
                counts.instancesWithoutTask += 1
                continue
            }
            guard seen.insert(instance.taskName + [0] + instance.instanceName).inserted else {
                counts.duplicateInstances += 1
                continue
            }
            nodes[index].instances.append(instance)
        }
        for index in nodes.indices where nodes[index].instances.count > 1 {
            nodes[index].instances.sort { $0.sequenceNumber < $1.sequenceNumber }
        }
    }
}

/// A binary min-heap of values by integer priority (ties by insertion).
struct MinimumHeap<Value> {
    private var items: [(priority: Int, order: Int, value: Value)] = []
    private var inserted = 0

    mutating func push(_ priority: Int, _ value: Value) {
        items.append((priority, inserted, value))
        inserted += 1
        var child = items.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            items.swapAt(child, parent)
            child = parent
        }
    }

    mutating func pop() -> Value? {
        guard !items.isEmpty else { return nil }
        items.swapAt(0, items.count - 1)
        let top = items.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1
            guard left < items.count else { break }
            var smallest = left
            if left + 1 < items.count && less(left + 1, left) { smallest = left + 1 }
            guard less(smallest, parent) else { break }
            items.swapAt(parent, smallest)
            parent = smallest
        }
        return top.value
    }

    private func less(_ left: Int, _ right: Int) -> Bool {
        let a = items[left]
        let b = items[right]
        return a.priority != b.priority ? a.priority < b.priority : a.order < b.order
    }
}
