import StreamingIO

extension Alibaba2018JobAssembler {
    /// One record to write for a task: the task itself, one of its instances, or its join task.
    private struct Member {
        var suffix: [UInt8]?
        var arrival: Double
        var runtime: Double
        var cores: Double
        var memory: Int64
        var machine: UInt64
    }

    /// How many records of `node` carry its dependencies (one, or one per instance).
    private func memberCount(_ node: Node) -> Int {
        guard options.instances == .expand else { return 1 }
        if !node.instances.isEmpty { return node.instances.count }
        return Int(min(max(node.row.instanceCount, 1), Int64(options.maximumInstancesPerTask)))
    }

    /// Writes the job's records in topological order.
    func emit(_ nodes: [Node], order: [Int], jobName: [UInt8]) throws(TraceImportError) {
        let jobPrint = jobName.withUnsafeBytes { ByteFingerprint.of($0) }
        let machineMemory = Double(options.machineMemoryBytes)
        var references = [Int](repeating: 0, count: nodes.count)
        for node in nodes {
            let carriers = memberCount(node)
            for dependency in node.dependencies where dependency >= 0 { references[dependency] += carriers }
        }
        var handleArrival = [Double](repeating: 0, count: nodes.count)
        for (position, index) in order.enumerated() {
            let node = nodes[index]
            let row = node.row
            let beforeTrace = row.startSeconds < 0
            var arrival = Double(max(row.startSeconds, 0))
            var clamped = false
            for dependency in node.dependencies where dependency >= 0 && handleArrival[dependency] > arrival {
                arrival = handleArrival[dependency]
                clamped = true
            }
            if clamped { counts.arrivalsClamped += 1 }
            var runtime = Double.nan
            if row.endSeconds != Int64.min && row.endSeconds >= row.startSeconds {
                runtime = Double(row.endSeconds - row.startSeconds)
            } else {
                counts.endBeforeStart += 1
            }
            var instanceCount = row.instanceCount
            if instanceCount < 1 {
                counts.instanceCountInvalid += 1
                instanceCount = 1
            }
            if row.planCPU.isNaN || row.planMemory.isNaN { counts.tasksMissingPlan += 1 }
            let coresPerInstance = row.planCPU.isNaN ? 1 : row.planCPU / 100
            let memoryPerInstance = row.planMemory.isNaN ? 0 : row.planMemory / 100 * machineMemory
            let isDAG = node.number != nil && (node.dependencies.contains { $0 >= 0 } || node.dependents > 0)
            var flags: TaskRecordFlags = isDAG ? .dagMember : []
            if beforeTrace { flags.insert(.beforeTrace) }
            let taskTypePrint = row.taskType.withUnsafeBytes { ByteFingerprint.of($0) }

            var members: [Member] = []
            if options.instances == .expand && !node.instances.isEmpty {
                for instance in node.instances {
                    var start = Double(max(instance.startSeconds, 0))
                    if start < arrival {
                        start = arrival
                        counts.arrivalsClamped += 1
                    }
                    var instanceRuntime = Double.nan
                    if instance.endSeconds != Int64.min && instance.endSeconds >= instance.startSeconds {
                        instanceRuntime = Double(instance.endSeconds - instance.startSeconds)
                    }
                    members.append(Member(
                        suffix: node.instances.count > 1 ? instance.instanceName : nil, arrival: start,
                        runtime: instanceRuntime,
                        cores: instance.averageCPU.isNaN ? coresPerInstance : instance.averageCPU / 100,
                        memory: Conversions.nonNegativeInt64(
                            instance.averageMemory.isNaN ? memoryPerInstance : instance.averageMemory / 100 * machineMemory),
                        machine: instance.machine))
                }
                counts.instancesExpanded += members.count
            } else if options.instances == .expand && instanceCount > 1 {
                let expanded = min(instanceCount, Int64(options.maximumInstancesPerTask))
                counts.instancesCapped += Int(instanceCount - expanded)
                counts.instancesExpanded += Int(expanded)
                for instance in 0..<expanded {
                    members.append(Member(
                        suffix: Array("\(instance)".utf8), arrival: arrival, runtime: runtime, cores: coresPerInstance,
                        memory: Conversions.nonNegativeInt64(memoryPerInstance), machine: 0))
                }
            } else {
                let scale = options.instances == .scale ? Double(instanceCount) : 1
                members.append(Member(
                    suffix: nil, arrival: arrival, runtime: runtime, cores: coresPerInstance * scale,
                    memory: Conversions.nonNegativeInt64(memoryPerInstance * scale),
                    machine: node.instances.first?.machine ?? 0))
            }
            let expanded = members.count > 1 || members.first?.suffix != nil
            let needsJoin = expanded && node.dependents > 0
            let rankBase = UInt64(position) << 32
            for (offset, member) in members.enumerated() {
                let originKey: UInt64
                switch options.originKey {
                case .machine: originKey = member.machine != 0 ? member.machine : jobPrint
                case .taskType: originKey = taskTypePrint
                default: originKey = jobPrint
                }
                setTaskId(jobName: jobName, taskName: row.name, suffix: member.suffix)
                let header = TaskRecordHeader(
                    runtimeSeconds: member.runtime, cores: member.cores, memoryBytes: member.memory,
                    originKey: originKey,
                    dependentCount: needsJoin ? 1 : (expanded ? 0 : UInt32(clamping: references[index])),
                    flags: flags)
                jobName.withUnsafeBytes { context.encoder.begin(header, jobId: $0, taskId: taskIdBuilder.bytes) }
                for dependency in node.dependencies where dependency >= 0 {
                    setTaskId(jobName: jobName, taskName: nodes[dependency].row.name, suffix: nil, into: dependencyBuilder)
                    context.encoder.appendDependency(dependencyBuilder.bytes)
                }
                try context.emit(arrivalSeconds: member.arrival, group: jobOrdinal, rank: rankBase + UInt64(offset))
            }
            handleArrival[index] = members.map(\.arrival).max() ?? arrival
            if needsJoin {
                counts.joinTasks += 1
                setTaskId(jobName: jobName, taskName: row.name, suffix: nil)
                let header = TaskRecordHeader(
                    runtimeSeconds: 0, cores: 0, memoryBytes: 0, originKey: jobPrint,
                    dependentCount: UInt32(clamping: references[index]), flags: flags.union(.dagMember))
                jobName.withUnsafeBytes { context.encoder.begin(header, jobId: $0, taskId: taskIdBuilder.bytes) }
                for member in members {
                    setTaskId(jobName: jobName, taskName: row.name, suffix: member.suffix, into: dependencyBuilder)
                    context.encoder.appendDependency(dependencyBuilder.bytes)
                }
                try context.emit(
                    arrivalSeconds: handleArrival[index], group: jobOrdinal, rank: rankBase + UInt64(members.count))
            }
        }
    }

    private func setTaskId(jobName: [UInt8], taskName: [UInt8], suffix: [UInt8]?, into builder: RecordBuilder? = nil) {
        let target = builder ?? taskIdBuilder
        target.reset()
        jobName.withUnsafeBytes { target.appendRaw($0) }
        target.append(UInt8(ascii: "/"))
        taskName.withUnsafeBytes { target.appendRaw($0) }
        if let suffix {
            target.append(UInt8(ascii: "/"))
            suffix.withUnsafeBytes { target.appendRaw($0) }
        }
    }
}
