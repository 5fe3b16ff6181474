import ScenarioModel
import StreamingIO

/// An error raised while importing or exporting a topology.
///
/// Every case that refers to input carries the location (file, line, and
/// column or JSON path where known); `description` is one line of the form
/// `FILE:LINE: message`, ready for the CLI.
public enum TopologyImportError: Error, CustomStringConvertible {
    /// Reading or writing a file failed, or gzip data is corrupt.
    case io(StreamingIOError)
    /// The input is not well-formed XML or JSON.
    case malformed(SourceLocation, message: String)
    /// The input is well-formed but breaks the rules of its format (GraphML,
    /// node-link JSON, PeersimGym JSON) or of the chosen mapping.
    case invalid(SourceLocation, message: String)
    /// The input uses an XML feature refused for safety: entity declarations
    /// (billion laughs, external entities), or nesting deeper than the limit.
    case unsafe(SourceLocation, message: String)
    /// The input's kind could not be recognised, or does not fit the format asked for.
    case unrecognised(SourceLocation, message: String)
    /// The mapped topology breaks a canonical validation rule (an importer bug
    /// or an option value that makes figures invalid); nothing was written.
    case invalidTopology([ValidationIssue])
    /// The canonical topology given to the exporter could not be read or written.
    case scenario(ScenarioError)

    /// Where the error happened, when it refers to a position in an input.
    public var location: SourceLocation? {
        switch self {
        case .io(let error): return error.location
        case .malformed(let location, _), .invalid(let location, _), .unsafe(let location, _),
            .unrecognised(let location, _):
            return location
        case .invalidTopology(let issues): return issues.first?.location
        case .scenario: return nil
        }
    }

    public var description: String {
        switch self {
        case .io(let error): return error.description
        case .malformed(let location, let message), .invalid(let location, let message),
            .unsafe(let location, let message), .unrecognised(let location, let message):
            return "\(location): \(message)"
        case .invalidTopology(let issues):
            let shown = issues.prefix(5).map(\.description).joined(separator: "; ")
            let more = issues.count > 5 ? " (and \(issues.count - 5) more)" : ""
            return "the imported topology is invalid: \(shown)\(more)"
        case .scenario(let error): return error.description
        }
    }

    /// Runs `body`, turning `StreamingIOError`s into `.io`.
    static func catching<Result>(_ body: () throws -> Result) throws(TopologyImportError) -> Result {
        do {
            return try body()
        } catch let error as TopologyImportError {
            throw error
        } catch let error as StreamingIOError {
            throw .io(error)
        } catch let error as ScenarioError {
            throw .scenario(error)
        } catch {
            throw .invalid(SourceLocation(path: "<internal>"), message: "\(error)")
        }
    }
}
