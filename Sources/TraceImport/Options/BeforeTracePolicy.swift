/// Tasks that arrived before the trace window (Google time 0, Alibaba 2017
/// times <= 0, Azure invocations that started before the first timestamp).
public enum BeforeTracePolicy: String, Sendable {
    /// Keep them, arriving at the trace start (time 0).
    case keep
    /// Leave them out.
    case drop
}
