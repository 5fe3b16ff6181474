/// Tasks without a usable runtime (no terminal event, end before start, -1).
public enum UnknownRuntimePolicy: Sendable, Equatable {
    /// Leave them out (their dependents lose the dependency).
    case drop
    /// Give them this runtime in seconds.
    case seconds(Double)

    /// Parses `drop` or a number of seconds.
    public static func parse(_ text: String) throws(TraceImportError) -> UnknownRuntimePolicy {
        if text == "drop" { return .drop }
        guard let value = Double(text), value >= 0, value.isFinite else {
            throw .invalidOption("--unknown-runtime: expected drop or seconds >= 0, found '\(text)'")
        }
        return .seconds(value)
    }
}
