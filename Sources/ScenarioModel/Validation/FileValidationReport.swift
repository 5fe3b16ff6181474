import StreamingIO

/// The outcome of validating one canonical file: its kind, the figures read,
/// and every issue found (empty when the file is valid).
public struct FileValidationReport: Sendable {
    /// The file as named by the user.
    public var path: String
    /// The kind of file, when it could be recognised.
    public var kind: CanonicalFileKind?
    /// Every broken rule, in file order where possible.
    public var issues: [ValidationIssue]
    /// Counts and figures, such as `nodes` or `tasks`, in a stable order.
    public var figures: [(key: String, value: Figure)]

    /// A figure in a report.
    public enum Figure: Sendable, Equatable {
        case integer(Int)
        case number(Double)
        case text(String)
    }

    /// True when no rule is broken.
    public var isValid: Bool { issues.isEmpty }

    init(path: String, kind: CanonicalFileKind? = nil, issues: [ValidationIssue] = [], figures: [(String, Figure)] = []) {
        self.path = path
        self.kind = kind
        self.issues = issues
        self.figures = figures.map { (key: $0.0, value: $0.1) }
    }
}
