import StreamingIO

/// Non-fatal findings of an import (skipped hyperedges, undeclared keys,
/// defaulted figures): the first few messages and the total.
public struct ImportWarnings: Sendable {
    /// Messages kept, in the order found (`FILE:LINE: message`).
    public private(set) var messages: [String] = []
    /// All warnings, including those not kept.
    public private(set) var total = 0

    /// Messages kept at most; the rest are only counted.
    static let keptLimit = 50

    mutating func add(_ location: SourceLocation, _ message: String) {
        total += 1
        // Messages quote input text; whatever a call site forgot to escape, a warning stays one line.
        if messages.count < Self.keptLimit { messages.append(MessageText.singleLine("\(location): \(message)")) }
    }
}
