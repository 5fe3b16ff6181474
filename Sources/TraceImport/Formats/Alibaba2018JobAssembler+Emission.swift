import StreamingIO

extension Alibaba2018JobAssembler {
    /// What a task's records are: the task itself (instances scaled in), its
    /// instance rows, or `count` identical instances.
    private enum Members {
        case single
        case rows(count: Int)
        case synthetic(count: Int)

        var count: Int {
            switch self {
            case .single: return 1
            case .rows(let count), .synthetic(let count): return count
            }
        }

        /// Whether the records carry instance suffixes (and need a join task for dependents).
        var isExpanded: Bool { count > 1 }
    }

    private func members(of node: Alibaba2018DAG.Node, _ job: Alibaba2018Job) -> Members {
        guard options.instances == .expand else { return .single }
        if node.instanceCount > 0 { return .rows(count: node.instanceCount) }
        let declared = max(job.tasks[node.row].instanceCount, 1)
        return declared > 1 ? .synthetic(count: Int(min(declared, Int64(options.maximumInstancesPerTask)))) : .single
    }

    /// Writes the job's records in topological order.
    func emit(_ job: Alibaba2018Job, _ dag: inout Alibaba2018DAG) throws(TraceImportError) {
        let jobName = job.bytes(job.name)
        let jobPrint = ByteFingerprint.of(jobName)
        let machineMemory = Double(options.machineMemoryBytes)
        // References to each task's handle (its single record or its join task).
        dag.references.removeAll(keepingCapacity: true)
        dag.references.append(contentsOf: repeatElement(0, count: dag.nodes.count))
        dag.handleArrival.removeAll(keepingCapacity: true)
        dag.handleArrival.append(contentsOf: repeatElement(0, count: dag.nodes.count))
        for node in dag.nodes.indices {
            let carriers = members(of: dag.nodes[node], job).count
            for edge in dag.edgeRange(node) where dag.edges[edge] >= 0 { dag.references[dag.edges[edge]] += carriers }
        }
        for (position, index) in dag.order.enumerated() {
            let node = dag.nodes[index]
            let row = job.tasks[node.row]
            var arrival = Double(max(row.startSeconds, 0))
            var clamped = false
            for edge in dag.edgeRange(index) where dag.edges[edge] >= 0 && dag.handleArrival[dag.edges[edge]] > arrival {
                arrival = dag.handleArrival[dag.edges[edge]]
                clamped = true
            }
            if clamped { dag.counts.arrivalsClamped += 1 }
            var runtime = Double.nan
            if row.endSeconds != Int64.min && row.endSeconds >= row.startSeconds {
                runtime = Double(row.endSeconds) - Double(row.startSeconds)  // no Int64 overflow on extremes
            } else {
                dag.counts.endBeforeStart += 1
            }
            var instanceCount = row.instanceCount
            if instanceCount < 1 {
                dag.counts.instanceCountInvalid += 1
                instanceCount = 1
            }
            if row.planCPU.isNaN || row.planMemory.isNaN { dag.counts.tasksMissingPlan += 1 }
            let coresPerInstance = row.planCPU.isNaN ? 1 : row.planCPU / 100
            let memoryPerInstance = row.planMemory.isNaN ? 0 : row.planMemory / 100 * machineMemory
            let isDAG = node.number >= 0 && (dag.edgeRange(index).contains { dag.edges[$0] >= 0 } || node.dependents > 0)
            var flags: TaskRecordFlags = isDAG ? .dagMember : []
            if row.startSeconds < 0 { flags.insert(.beforeTrace) }
            let shape = members(of: node, job)
            switch shape {
            case .rows(let count):
                dag.counts.instancesExpanded += count
            case .synthetic(let count):
                dag.counts.instancesExpanded += count
                dag.counts.instancesCapped += Int(instanceCount) - count
            case .single:
                break
            }
            let needsJoin = shape.isExpanded && node.dependents > 0
            let rankBase = UInt64(position) << 32
            var latest = arrival
            for member in 0..<shape.count {
                var memberArrival = arrival
                var memberRuntime = runtime
                var cores = coresPerInstance
                var memory = memoryPerInstance
                var machine: UInt64 = node.instanceCount > 0 ? job.instances[dag.nodeInstances[node.instanceStart]].machine : 0
                switch shape {
                case .single:
                    let scale = options.instances == .scale ? Double(instanceCount) : 1
                    cores *= scale
                    memory *= scale
                case .synthetic:
                    machine = 0
                case .rows:
                    let instance = job.instances[dag.nodeInstances[node.instanceStart + member]]
                    memberArrival = Double(max(instance.startSeconds, 0))
                    if memberArrival < arrival {
                        memberArrival = arrival
                        dag.counts.arrivalsClamped += 1
                    }
                    memberRuntime = .nan
                    if instance.endSeconds != Int64.min && instance.endSeconds >= instance.startSeconds {
                        memberRuntime = Double(instance.endSeconds) - Double(instance.startSeconds)
                    }
                    if !instance.averageCPU.isNaN { cores = instance.averageCPU / 100 }
                    if !instance.averageMemory.isNaN { memory = instance.averageMemory / 100 * machineMemory }
                    machine = instance.machine
                }
                let originKey: UInt64
                switch options.originKey {
                case .machine: originKey = machine != 0 ? machine : jobPrint
                case .taskType: originKey = ByteFingerprint.of(job.bytes(row.taskType))
                default: originKey = jobPrint
                }
                setMemberId(job, dag, node: node, shape: shape, member: member, into: taskIdBuilder)
                let header = TaskRecordHeader(
                    runtimeSeconds: memberRuntime, cores: cores, memoryBytes: Conversions.nonNegativeInt64(memory),
                    originKey: originKey,
                    dependentCount: needsJoin ? 1 : (shape.isExpanded ? 0 : UInt32(clamping: dag.references[index])),
                    flags: flags)
                context.encoder.begin(header, jobId: jobName, taskId: taskIdBuilder.bytes)
                for edge in dag.edgeRange(index) where dag.edges[edge] >= 0 {
                    setTaskId(job, task: job.tasks[dag.nodes[dag.edges[edge]].row].name, into: dependencyBuilder)
                    context.encoder.appendDependency(dependencyBuilder.bytes)
                }
                try context.emit(arrivalSeconds: memberArrival, group: jobOrdinal, rank: rankBase + UInt64(member))
                latest = max(latest, memberArrival)
            }
            dag.handleArrival[index] = latest
            guard needsJoin else { continue }
            dag.counts.joinTasks += 1
            setTaskId(job, task: row.name, into: taskIdBuilder)
            let header = TaskRecordHeader(
                runtimeSeconds: 0, cores: 0, memoryBytes: 0, originKey: jobPrint,
                dependentCount: UInt32(clamping: dag.references[index]), flags: flags.union(.dagMember))
            context.encoder.begin(header, jobId: jobName, taskId: taskIdBuilder.bytes)
            for member in 0..<shape.count {
                setMemberId(job, dag, node: node, shape: shape, member: member, into: dependencyBuilder)
                context.encoder.appendDependency(dependencyBuilder.bytes)
            }
            try context.emit(arrivalSeconds: latest, group: jobOrdinal, rank: rankBase + UInt64(shape.count))
        }
    }

    /// `JOB/TASK` into `builder`.
    private func setTaskId(_ job: Alibaba2018Job, task: ByteRange, into builder: RecordBuilder) {
        builder.reset()
        builder.appendRaw(job.bytes(job.name))
        builder.append(UInt8(ascii: "/"))
        builder.appendRaw(job.bytes(task))
    }

    /// The id of one record of a task: `JOB/TASK`, `JOB/TASK/i` or `JOB/TASK/INSTANCE`.
    private func setMemberId(
        _ job: Alibaba2018Job, _ dag: Alibaba2018DAG, node: Alibaba2018DAG.Node, shape: Members, member: Int,
        into builder: RecordBuilder
    ) {
        setTaskId(job, task: job.tasks[node.row].name, into: builder)
        guard shape.isExpanded else { return }
        builder.append(UInt8(ascii: "/"))
        switch shape {
        case .rows:
            builder.appendRaw(job.bytes(job.instances[dag.nodeInstances[node.instanceStart + member]].instanceName))
        default:
            Conversions.appendDecimal(Int64(member), to: builder)
        }
    }
}
