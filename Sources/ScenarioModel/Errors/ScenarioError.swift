import StreamingIO

/// An error reading, writing or validating a canonical topology, workload or
/// scenario file.
///
/// `description` is one line (the first issue, plus a count of the others),
/// suitable for `edgesim: error: ...`; `issues` lists every problem found.
public enum ScenarioError: Error, CustomStringConvertible {
    /// The bytes could not be read or written, or are not well-formed JSON/CSV/gzip.
    case io(StreamingIOError)
    /// The file is not the expected kind of canonical file.
    case wrongFormat(SourceLocation, found: String, expected: String)
    /// The file's format version is not one this build reads.
    case unsupportedVersion(SourceLocation, found: Int64, supported: Int)
    /// The content breaks validation rules; every issue found is listed.
    case invalid([ValidationIssue])

    /// Every problem, one per entry.
    public var issues: [ValidationIssue] {
        switch self {
        case .io(let error):
            // The stream error's text already starts with its location.
            return [ValidationIssue(SourceLocation(path: ""), "\(error)")]
        case .wrongFormat(let location, let found, let expected):
            return [ValidationIssue(location, "expected format '\(expected)', found '\(MessageText.excerpt(found))'")]
        case .unsupportedVersion(let location, let found, let supported):
            return [ValidationIssue(
                location, "unsupported format version \(found) (this edgesim reads version \(supported))")]
        case .invalid(let issues):
            return issues
        }
    }

    public var description: String {
        switch self {
        case .io(let error):
            return error.description
        case .invalid(let issues):
            guard let first = issues.first else { return "invalid file" }
            let more = issues.count - 1
            return more > 0 ? "\(first) (and \(more) more)" : first.description
        default:
            return issues.first?.description ?? "invalid file"
        }
    }
}

extension ScenarioError {
    /// Runs `body`, turning stream errors into `.io` and keeping scenario errors.
    static func catching<Result>(_ body: () throws -> Result) throws(ScenarioError) -> Result {
        do {
            return try body()
        } catch let error as ScenarioError {
            throw error
        } catch let error as StreamingIOError {
            throw .io(error)
        } catch {
            throw .io(.malformedRecord(SourceLocation(path: ""), message: "\(error)"))
        }
    }
}
