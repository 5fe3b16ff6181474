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

    /// The resolution of the trace's timestamps (ticks per second), when it is
    /// finer than a second and exact (Google: µs); shifted arrivals are rounded to it so
    /// that `5611.824443 - 5611.824441` is written as `2e-06`, not as the
    /// binary noise of the subtraction.
    var arrivalTicksPerSecond: Double? {
        self == .google2011 ? 1e6 : nil
    }

    /// Whether the format has job DAGs (dependencies between tasks).
    public var hasDependencies: Bool {
        self == .alibaba2018 || self == .swf
    }
}
