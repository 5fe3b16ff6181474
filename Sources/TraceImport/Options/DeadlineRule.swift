/// How a task's relative deadline is set (traces carry none).
public enum DeadlineRule: Sendable, Equatable {
    /// No deadline.
    case none
    /// The same number of seconds after arrival for every task.
    case fixed(seconds: Double)
    /// A multiple of the task's runtime in the trace (at least 1 ms, so
    /// zero-runtime tasks still get a positive deadline).
    case runtimeFactor(Double)

    /// The smallest deadline a runtime-based rule produces, in seconds.
    public static let minimumSeconds = 0.001

    /// Parses `none`, `fixed:SECONDS` or `runtime:FACTOR`.
    public static func parse(_ text: String) throws(TraceImportError) -> DeadlineRule {
        if text == "none" { return .none }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        if parts.count == 2, let value = Double(parts[1]), value > 0, value.isFinite {
            switch parts[0] {
            case "fixed": return .fixed(seconds: value)
            case "runtime": return .runtimeFactor(value)
            default: break
            }
        }
        throw .invalidOption("--deadline: expected none, fixed:SECONDS or runtime:FACTOR with a positive number, "
            + "found '\(text)'")
    }

    /// The deadline of a task that runs `runtimeSeconds` in the trace.
    func deadline(runtimeSeconds: Double) -> Double? {
        switch self {
        case .none: return nil
        case .fixed(let seconds): return seconds
        case .runtimeFactor(let factor):
            let value = factor * runtimeSeconds
            return value.isFinite ? max(value, Self.minimumSeconds) : nil
        }
    }
}
