import StreamingIO

/// Counts problems, reports the first few, and enforces `--strict`.
final class ProblemLog {
    private let strict: Bool
    private let reportLimit: Int
    private let handler: (TraceDiagnostic) -> Void
    private(set) var malformedRows = 0
    private var repairsReported = 0

    init(strict: Bool, reportLimit: Int, handler: @escaping (TraceDiagnostic) -> Void) {
        self.strict = strict
        self.reportLimit = reportLimit
        self.handler = handler
    }

    /// Records a malformed row.
    ///
    /// - Throws: `.malformedRow` in strict mode.
    func malformed(_ location: SourceLocation, _ message: String) throws(TraceImportError) {
        if strict { throw .malformedRow(location, message: message) }
        malformedRows += 1
        if malformedRows <= reportLimit {
            handler(TraceDiagnostic(kind: .malformedRow, location: location, message: message))
        }
    }

    /// Reports a repair (the caller counts it under its own summary key).
    func repaired(_ location: SourceLocation, _ message: String) {
        repairsReported += 1
        if repairsReported <= reportLimit {
            handler(TraceDiagnostic(kind: .repair, location: location, message: message))
        }
    }
}
