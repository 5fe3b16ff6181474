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
///
/// All per-job state lives in `Alibaba2018DAG`, buffers reused from job to job
/// (flat edge and instance lists, no array per task), so assembling allocates
/// nothing per row once the buffers have grown to the largest job.
final class Alibaba2018JobAssembler {
    let context: ImportContext
    let options: TraceImportOptions
    /// The input paths, by file index (for messages).
    var files: [String] = []
    private(set) var jobOrdinal: UInt64 = 0
    /// Per-job buffers, checked out while a job is assembled.
    private var workspace = Alibaba2018DAG()
    let taskIdBuilder = RecordBuilder(capacity: 256)
    let dependencyBuilder = RecordBuilder(capacity: 256)

    /// The anomaly and mapping counts so far.
    var counts: Alibaba2018Counts { workspace.counts }

    init(context: ImportContext) {
        self.context = context
        options = context.options
    }

    /// Assembles one job (all its rows, in input order).
    func assemble(_ job: Alibaba2018Job) throws(TraceImportError) {
        // Taking the buffers out of the object makes them unique locals: the
        // loops below then mutate them without exclusivity checks.
        var dag = workspace
        workspace = Alibaba2018DAG()
        defer { workspace = dag }
        let files = self.files
        let problems = context.problems
        let report = { (fileIndex: UInt32, line: UInt32, message: String) in
            let index = Int(fileIndex)
            problems.repaired(
                SourceLocation(path: index < files.count ? files[index] : "<input>", line: Int(line)), message)
        }
        dag.build(job, report: report)
        guard !dag.nodes.isEmpty else {
            dag.counts.instancesWithoutTask += job.instances.count
            return
        }
        dag.counts.jobs += 1
        dag.counts.tasks += dag.nodes.count
        dag.attachInstances(job)
        dag.sortSearchOrder(job)
        dag.breakCycles(job, report: report)
        dag.countDependents()
        dag.topologicalOrder()
        try emit(job, &dag)
        jobOrdinal += 1
    }
}
