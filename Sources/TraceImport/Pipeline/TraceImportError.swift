import ScenarioModel
import StreamingIO

/// An error importing a trace: unreadable or malformed input (in strict mode),
/// an input of the wrong kind, an invalid option, or a failure writing the
/// workload.
///
/// `description` is one line that starts with the location when there is one
/// (`FILE:LINE: message`), ready for `edgesim: error: ...`.
public enum TraceImportError: Error, CustomStringConvertible {
    /// Reading an input or a temporary file failed: I/O, corrupt or truncated gzip, bad CSV.
    case io(StreamingIOError)
    /// A data row is malformed (raised in strict mode; otherwise rows are counted).
    case malformedRow(SourceLocation, message: String)
    /// An input is not what the format expects (wrong table, broken tar archive).
    case unsupportedInput(SourceLocation, message: String)
    /// An option value is out of range or does not apply to the format.
    case invalidOption(String)
    /// Writing the workload failed.
    case output(ScenarioError)

    public var description: String {
        switch self {
        case .io(let error): return error.description
        case .malformedRow(let location, let message): return "\(location): \(message)"
        case .unsupportedInput(let location, let message): return "\(location): \(message)"
        case .invalidOption(let message): return message
        case .output(let error): return error.description
        }
    }
}

extension TraceImportError {
    /// Runs `body`, wrapping stream and workload errors and keeping import errors.
    static func catching<Result>(_ body: () throws -> Result) throws(TraceImportError) -> Result {
        do {
            return try body()
        } catch let error as TraceImportError {
            throw error
        } catch let error as StreamingIOError {
            throw .io(error)
        } catch let error as ScenarioError {
            throw .output(error)
        } catch {
            throw .io(.readFailed(path: "", reason: "\(error)"))
        }
    }
}
