/// Google 2011 event types that complete a task.
public struct GoogleTerminalEvents: OptionSet, Sendable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let evict = GoogleTerminalEvents(rawValue: 1 << 2)
    public static let fail = GoogleTerminalEvents(rawValue: 1 << 3)
    public static let finish = GoogleTerminalEvents(rawValue: 1 << 4)
    public static let kill = GoogleTerminalEvents(rawValue: 1 << 5)
    public static let lost = GoogleTerminalEvents(rawValue: 1 << 6)

    /// True when the Google event type (0 SUBMIT ... 8 UPDATE_RUNNING) is in the set.
    @inline(__always)
    func contains(eventType: Int) -> Bool {
        eventType >= 2 && eventType <= 6 && rawValue & (1 << UInt16(eventType)) != 0
    }

    /// Parses a comma-separated list of `finish`, `fail`, `kill`, `lost`, `evict`.
    public static func parse(_ text: String) throws(TraceImportError) -> GoogleTerminalEvents {
        var events: GoogleTerminalEvents = []
        for name in text.split(separator: ",") {
            switch name {
            case "finish": events.insert(.finish)
            case "fail": events.insert(.fail)
            case "kill": events.insert(.kill)
            case "lost": events.insert(.lost)
            case "evict": events.insert(.evict)
            default:
                throw .invalidOption("--terminal-events: unknown event '\(name)' (expected finish, fail, kill, lost, evict)")
            }
        }
        guard !events.isEmpty else { throw .invalidOption("--terminal-events: name at least one event") }
        return events
    }
}
