import ScenarioModel
import StreamingIO

/// An error preparing, running or stepping a replay.
///
/// `description` is one line, ready for `edgesim: error: ...`; errors about
/// input data name the file and line.
public enum ReplayError: Error, CustomStringConvertible {
    /// The scenario, topology or workload could not be read or is invalid.
    case scenario(ScenarioError)
    /// Reading or writing failed (results, workload stream).
    case io(StreamingIOError)
    /// The scenario is valid on its own but cannot be replayed as given (no
    /// eligible origin, a wireless link without rate, ...); the location names
    /// the file when known.
    case unreplayable(SourceLocation?, String)
    /// A workload row cannot be replayed on this topology (unknown or
    /// non-compute origin).
    case workload(SourceLocation, String)
    /// A replay option is out of range.
    case invalidOption(String)
    /// No policy has this name.
    case unknownPolicy(String, known: [String])
    /// A stepping call came in the wrong state (before `reset`, after the end).
    case invalidState(String)
    /// A caller-provided buffer has the wrong size.
    case bufferSize(name: String, expected: Int, found: Int)

    public var description: String {
        switch self {
        case .scenario(let error):
            return error.description
        case .io(let error):
            return error.description
        case .unreplayable(let location, let message):
            return location.map { "\($0): \(message)" } ?? message
        case .workload(let location, let message):
            return "\(location): \(message)"
        case .invalidOption(let message):
            return message
        case .unknownPolicy(let name, let known):
            return "unknown policy '\(MessageText.excerpt(name))' (known: \(known.joined(separator: ", ")))"
        case .invalidState(let message):
            return message
        case .bufferSize(let name, let expected, let found):
            return "the \(name) buffer holds \(found) values, expected \(expected)"
        }
    }
}

extension ReplayError {
    /// Runs `body`, wrapping scenario and stream errors.
    static func catching<Result>(_ body: () throws -> Result) throws(ReplayError) -> Result {
        do {
            return try body()
        } catch let error as ReplayError {
            throw error
        } catch let error as ScenarioError {
            throw .scenario(error)
        } catch let error as StreamingIOError {
            throw .io(error)
        } catch {
            throw .invalidState("\(error)")
        }
    }
}
