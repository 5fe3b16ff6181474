import StreamingIO

/// The DAG of one job and the buffers to build it, reused from job to job
/// (flat edge and instance lists, no array per task).
struct Alibaba2018DAG {
    struct Node {
        /// Index into the job's task rows.
        var row: Int
        /// The task number, or -1 for an independent task.
        var number: Int
        /// The node's dependencies: `edges[edgeStart ..< edgeStart + edgeCount]` (-1 = removed).
        var edgeStart: Int
        var edgeCount: Int
        /// Tasks depending on this one.
        var dependents: Int
        /// The node's instance rows: `nodeInstances[instanceStart ..< instanceStart + instanceCount]`.
        var instanceStart: Int
        var instanceCount: Int
    }

    typealias Report = (_ fileIndex: UInt32, _ line: UInt32, _ message: String) -> Void

    var counts = Alibaba2018Counts()
    var nodes: [Node] = []
    var edges: [Int] = []
    var nodeInstances: [Int] = []
    /// A topological order of the nodes (dependencies first).
    var order: [Int] = []
    /// Emission buffers, per node.
    var references: [Int] = []
    var handleArrival: [Double] = []
    private var parsedNumbers: [Int] = []
    private var parsedRanges: [(start: Int, count: Int)] = []
    private var nameIndex = StampedMap()
    private var numberIndex = StampedMap()
    private var searchOrder: [Int] = []
    private var colour: [UInt8] = []
    private var stack: [(node: Int, next: Int)] = []
    private var waiting: [Int] = []
    private var reverseStart: [Int] = []
    private var reverseEdges: [Int] = []
    private var ready = MinimumHeap<Int>()
    private var priority: [Int] = []
    private var owned: [(instance: Int, node: Int)] = []

    @inline(__always)
    func edgeRange(_ node: Int) -> Range<Int> {
        nodes[node].edgeStart..<(nodes[node].edgeStart + nodes[node].edgeCount)
    }

    mutating func countDependents() {
        for node in nodes.indices {
            for edge in edgeRange(node) where edges[edge] >= 0 { nodes[edges[edge]].dependents += 1 }
        }
    }

    // MARK: - DAG

    mutating func build(_ job: Alibaba2018Job, report: Report) {
        nodes.removeAll(keepingCapacity: true)
        edges.removeAll(keepingCapacity: true)
        parsedNumbers.removeAll(keepingCapacity: true)
        parsedRanges.removeAll(keepingCapacity: true)
        nameIndex.removeAll()
        numberIndex.removeAll()
        for (rowIndex, row) in job.tasks.enumerated() {
            let print = ByteFingerprint.of(job.bytes(row.name))
            if let first = nameIndex.value(for: print), job.equal(job.tasks[nodes[first].row].name, row.name) {
                counts.duplicateTaskRows += 1
                report(row.fileIndex, row.line,
                    "job \(job.excerpt(job.name)): duplicate task row '\(job.excerpt(row.name))' ignored")
                continue
            }
            nameIndex.insertIfAbsent(print, nodes.count)
            let start = parsedNumbers.count
            let shape = Alibaba2018TaskName.parse(job.bytes(row.name), dependencies: &parsedNumbers)
            var number = -1
            switch shape {
            case .independent:
                counts.tasksIndependent += 1
            case .unparsed:
                counts.taskNamesUnparsed += 1
                counts.tasksIndependent += 1
                report(row.fileIndex, row.line,
                    "job \(job.excerpt(job.name)): task name '\(job.excerpt(row.name))' does not encode a DAG; "
                        + "treated as independent")
            case .dag(let parsedNumber, let stageSuffix, let emptyTokens):
                if stageSuffix { counts.stageSuffixes += 1 }
                counts.emptyDependencyTokens += emptyTokens
                number = parsedNumber
                if numberIndex.insertIfAbsent(UInt64(bitPattern: Int64(number)), nodes.count) != nodes.count {
                    counts.duplicateTaskNumbers += 1
                    report(row.fileIndex, row.line,
                        "job \(job.excerpt(job.name)): task number \(number) appears again in '\(job.excerpt(row.name))'; "
                            + "dependencies on \(number) refer to the first")
                }
            }
            parsedRanges.append((start, parsedNumbers.count - start))
            nodes.append(Node(
                row: rowIndex, number: number, edgeStart: 0, edgeCount: 0, dependents: 0, instanceStart: 0,
                instanceCount: 0))
        }
        for node in nodes.indices {
            nodes[node].edgeStart = edges.count
            let (start, count) = parsedRanges[node]
            for position in start..<(start + count) {
                let number = parsedNumbers[position]
                if parsedNumbers[start..<position].contains(number) {
                    counts.duplicateDependencies += 1
                    continue
                }
                if number == nodes[node].number {
                    counts.selfDependencies += 1
                    continue
                }
                guard let target = numberIndex.value(for: UInt64(bitPattern: Int64(number))), target != node else {
                    counts.dependenciesMissing += 1
                    let row = job.tasks[nodes[node].row]
                    report(row.fileIndex, row.line,
                        "job \(job.excerpt(job.name)): task '\(job.excerpt(row.name))' depends on task \(number), "
                            + "which the job does not have; dependency dropped")
                    continue
                }
                edges.append(target)
            }
            nodes[node].edgeCount = edges.count - nodes[node].edgeStart
        }
    }

    /// Nodes in (start time, task number, row) order: the order of topological
    /// ties, and (reversed) the order in which cycles are broken.
    mutating func sortSearchOrder(_ job: Alibaba2018Job) {
        searchOrder.removeAll(keepingCapacity: true)
        searchOrder.append(contentsOf: nodes.indices)
        let tasks = job.tasks
        let nodes = self.nodes
        searchOrder.sort { left, right in
            let a = tasks[nodes[left].row].startSeconds
            let b = tasks[nodes[right].row].startSeconds
            if a != b { return a < b }
            let numberA = nodes[left].number < 0 ? Int.max : nodes[left].number
            let numberB = nodes[right].number < 0 ? Int.max : nodes[right].number
            if numberA != numberB { return numberA < numberB }
            return left < right
        }
    }

    /// Drops every dependency edge that closes a cycle (a back edge of a
    /// depth-first search); each dropped edge counts as one cycle broken.
    ///
    /// The search starts from the latest tasks, so it walks dependencies back
    /// in time and the edge that closes a cycle is the one pointing forward
    /// in time: an earlier task that names a later one as its parent.
    mutating func breakCycles(_ job: Alibaba2018Job, report: Report) {
        colour.removeAll(keepingCapacity: true)
        colour.append(contentsOf: repeatElement(0, count: nodes.count))  // 1 on the stack, 2 done
        for root in searchOrder.reversed() where colour[root] == 0 {
            stack.removeAll(keepingCapacity: true)
            stack.append((root, 0))
            colour[root] = 1
            while let top = stack.last {
                guard top.next < nodes[top.node].edgeCount else {
                    colour[top.node] = 2
                    stack.removeLast()
                    continue
                }
                stack[stack.count - 1].next += 1
                let edge = nodes[top.node].edgeStart + top.next
                let target = edges[edge]
                guard target >= 0 else { continue }
                switch colour[target] {
                case 0:
                    colour[target] = 1
                    stack.append((target, 0))
                case 1:
                    edges[edge] = -1
                    counts.cyclesBroken += 1
                    reportCycle(job, from: top.node, to: target, report: report)
                default:
                    break
                }
            }
        }
    }

    private func reportCycle(_ job: Alibaba2018Job, from: Int, to target: Int, report: Report) {
        let row = job.tasks[nodes[from].row]
        let start = stack.firstIndex { $0.node == target } ?? 0
        let names = (stack[start...].map(\.node) + [target]).map { job.excerpt(job.tasks[nodes[$0].row].name) }
        report(row.fileIndex, row.line,
            "job \(job.excerpt(job.name)): dependency cycle \(names.joined(separator: " -> ")) broken: "
                + "'\(job.excerpt(row.name))' no longer depends on '\(job.excerpt(job.tasks[nodes[target].row].name))'")
    }

    /// A topological order (dependencies first) into `order`: Kahn's algorithm,
    /// taking ready tasks in (start time, task number, row) order.
    mutating func topologicalOrder() {
        let count = nodes.count
        priority.removeAll(keepingCapacity: true)
        priority.append(contentsOf: repeatElement(0, count: count))
        for (position, node) in searchOrder.enumerated() { priority[node] = position }
        waiting.removeAll(keepingCapacity: true)
        waiting.append(contentsOf: repeatElement(0, count: count))
        reverseStart.removeAll(keepingCapacity: true)
        reverseStart.append(contentsOf: repeatElement(0, count: count + 1))
        for node in 0..<count {
            for edge in edgeRange(node) where edges[edge] >= 0 {
                waiting[node] += 1
                reverseStart[edges[edge] + 1] += 1
            }
        }
        for node in 0..<count { reverseStart[node + 1] += reverseStart[node] }
        reverseEdges.removeAll(keepingCapacity: true)
        reverseEdges.append(contentsOf: repeatElement(0, count: reverseStart[count]))
        var fill = reverseStart
        for node in 0..<count {
            for edge in edgeRange(node) where edges[edge] >= 0 {
                reverseEdges[fill[edges[edge]]] = node
                fill[edges[edge]] += 1
            }
        }
        ready.removeAll()
        for node in 0..<count where waiting[node] == 0 { ready.push(priority[node], node) }
        order.removeAll(keepingCapacity: true)
        while let node = ready.pop() {
            order.append(node)
            for dependent in reverseEdges[reverseStart[node]..<reverseStart[node + 1]] {
                waiting[dependent] -= 1
                if waiting[dependent] == 0 { ready.push(priority[dependent], dependent) }
            }
        }
    }

    // MARK: - Instances

    /// Groups the job's instance rows by task (in `nodeInstances`), ordered by
    /// sequence number; repeated (task, instance name) rows are dropped.
    mutating func attachInstances(_ job: Alibaba2018Job) {
        nodeInstances.removeAll(keepingCapacity: true)
        guard !job.instances.isEmpty else { return }
        owned.removeAll(keepingCapacity: true)
        for (index, instance) in job.instances.enumerated() {
            let print = ByteFingerprint.of(job.bytes(instance.taskName))
            guard let node = nameIndex.value(for: print), job.equal(job.tasks[nodes[node].row].name, instance.taskName)
            else {
                counts.instancesWithoutTask += 1
                continue
            }
            owned.append((index, node))
        }
        // Sorting by (task, instance name, row) puts repeats next to each other.
        owned.sort { left, right in
            if left.node != right.node { return left.node < right.node }
            let a = job.bytes(job.instances[left.instance].instanceName)
            let b = job.bytes(job.instances[right.instance].instanceName)
            if !a.elementsEqual(b) { return a.lexicographicallyPrecedes(b) }
            return left.instance < right.instance
        }
        var previous: (instance: Int, node: Int)? = nil
        for entry in owned {
            if let previous, previous.node == entry.node,
                job.equal(job.instances[previous.instance].instanceName, job.instances[entry.instance].instanceName)
            {
                counts.duplicateInstances += 1
                continue
            }
            previous = entry
            if nodes[entry.node].instanceCount == 0 { nodes[entry.node].instanceStart = nodeInstances.count }
            nodeInstances.append(entry.instance)
            nodes[entry.node].instanceCount += 1
        }
        for node in nodes.indices where nodes[node].instanceCount > 1 {
            let range = nodes[node].instanceStart..<(nodes[node].instanceStart + nodes[node].instanceCount)
            nodeInstances[range].sort {
                let a = job.instances[$0]
                let b = job.instances[$1]
                return a.sequenceNumber != b.sequenceNumber ? a.sequenceNumber < b.sequenceNumber : $0 < $1
            }
        }
    }
}
