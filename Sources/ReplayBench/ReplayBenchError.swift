import Simulator
import StreamingIO

/// An error of the replay bench runner: a plan it cannot run, or a replay that failed.
///
/// `description` is one line that names the place at fault first (the
/// scenario, workload or spec file and line when known), as the CLI prints it.
public enum ReplayBenchError: Error, CustomStringConvertible {
    /// No baseline policy has this name.
    case unknownPolicy(String, known: [String])
    /// The sweep names a parameter the runner cannot vary.
    case unknownSweepParameter(String, known: [String])
    /// A sweep value is out of the parameter's range.
    case invalidSweepValue(parameter: String, value: Double, expected: String)
    /// The queue-sampling interval is not a positive finite number.
    case invalidQueueSampleInterval(Double)
    /// Loading, compiling or replaying a scenario failed.
    case replay(ReplayError)

    public var description: String {
        switch self {
        case .unknownPolicy(let name, let known):
            return "unknown policy '\(MessageText.excerpt(name))' (known: \(known.joined(separator: ", ")))"
        case .unknownSweepParameter(let name, let known):
            return "cannot sweep '\(MessageText.excerpt(name))' (sweepable: \(known.joined(separator: ", ")))"
        case .invalidSweepValue(let parameter, let value, let expected):
            return "sweep value \(value) of \(parameter): expected \(expected)"
        case .invalidQueueSampleInterval(let value):
            return "the queue-sampling interval must be a positive number of seconds, found \(value)"
        case .replay(let error):
            return error.description
        }
    }
}
