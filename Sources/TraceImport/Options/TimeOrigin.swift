/// Which trace time becomes arrival 0.
public enum TimeOrigin: Sendable, Equatable {
    /// The first written task arrives at 0.
    case firstArrival
    /// Trace times are kept (trace time 0 is arrival 0).
    case trace
    /// This trace time (seconds) becomes 0; earlier tasks arrive at 0.
    case seconds(Double)

    /// Parses `first`, `trace` or a number of seconds.
    public static func parse(_ text: String) throws(TraceImportError) -> TimeOrigin {
        switch text {
        case "first": return .firstArrival
        case "trace": return .trace
        default:
            guard let value = Double(text), value.isFinite else {
                throw .invalidOption("--time-origin: expected first, trace or seconds, found '\(text)'")
            }
            return .seconds(value)
        }
    }
}
