import StreamingIO

/// An error of the benchmark stage: a bad spec or option, a failed or
/// inconsistent run, or an output that could not be written.
///
/// `description` is one line that names the place at fault first
/// (`study.bench.json:4:7: $.seeds: ...`), as the CLI prints it.
public enum BenchError: Error, Equatable, CustomStringConvertible {
    /// Reading the spec or writing an output failed (I/O, JSON syntax).
    case input(StreamingIOError)
    /// The bench spec is well-formed JSON but says something invalid.
    case invalidSpec(SourceLocation, message: String)
    /// A command-line value is invalid (a usage error: the CLI exits 64).
    case invalidArgument(option: String, message: String)
    /// The runner refused the plan before any job ran (unknown policy or parameter, ...).
    case rejectedPlan(message: String)
    /// A job's runner threw; `job` identifies it, `message` is the runner's error.
    case jobFailed(job: String, message: String)
    /// A runner returned figures that contradict each other or are not finite.
    case invalidResult(job: String, message: String)

    public var description: String {
        switch self {
        case .input(let error):
            return error.description
        case .invalidSpec(let location, let message):
            return "\(location): \(message)"
        case .invalidArgument(let option, let message):
            return "\(option): \(message)"
        case .rejectedPlan(let message):
            return message
        case .jobFailed(let job, let message):
            return "\(message) [\(job)]"
        case .invalidResult(let job, let message):
            return "invalid result from the runner: \(message) [\(job)]"
        }
    }
}
