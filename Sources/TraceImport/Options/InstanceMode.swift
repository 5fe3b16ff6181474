/// How Alibaba's `instance_num` is mapped.
public enum InstanceMode: String, Sendable {
    /// One task whose work and memory are multiplied by the instance count.
    case scale
    /// One task per instance (`job/task/i`); a zero-work join task `job/task`
    /// collects them when other tasks depend on the task.
    case expand
}
