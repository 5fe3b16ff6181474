/// The trace formats `edgesim import trace` reads.
public enum TraceFormat: String, CaseIterable, Sendable {
    /// Google clusterdata-2011-2 `task_events` (13 columns, µs), optionally with `job_events`.
    case google2011
    /// Alibaba cluster-trace-v2018 `batch_task` (DAGs in task names), optionally with `batch_instance`.
    case alibaba2018
    /// Alibaba cluster-trace-v2017 `batch_task`.
    case alibaba2017
    /// Standard Workload Format (Parallel Workloads Archive).
    case swf
    /// Azure Functions invocation trace 2021 (`app,func,end_timestamp,duration`).
    case azure2021

    /// The origin keys the format's rows carry.
    public var originKeys: [OriginKey] {
        switch self {
        case .google2011: return [.job, .user, .machine, .logicalJob]
        case .alibaba2018: return [.job, .machine, .taskType]
        case .alibaba2017: return [.job]
        case .swf: return [.job, .user, .group, .executable, .queue, .partition]
        case .azure2021: return [.job, .application]
        }
    }

    /// Whether the format has job DAGs (dependencies between tasks).
    public var hasDependencies: Bool {
        self == .alibaba2018 || self == .swf
    }
}
