/// The task attribute that `OriginAssignment.hash` maps to a node.
public enum OriginKey: String, CaseIterable, Sendable {
    /// The canonical job id (every format).
    case job
    /// The user (Google 2011 user hash; SWF user id).
    case user
    /// The machine the task ran on (Google 2011; Alibaba 2018 with batch_instance).
    case machine
    /// The logical job name from Google 2011 `job_events` (recurring runs of one program).
    case logicalJob = "logical-job"
    /// The Alibaba 2018 task type.
    case taskType = "task-type"
    /// The SWF group id.
    case group
    /// The SWF executable (application) number.
    case executable
    /// The SWF queue number.
    case queue
    /// The SWF partition number.
    case partition
    /// The Azure Functions application.
    case application
}
