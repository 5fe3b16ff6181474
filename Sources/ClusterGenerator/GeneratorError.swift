import ScenarioModel
import StreamingIO

/// Why a cluster could not be generated: a spec that does not make sense, a
/// count that runs out of range, or a file that cannot be read or written.
///
/// `description` is one line, prefixed with the spec file's location when the
/// problem is in a file (`spec.json:12:9: $.sites[0].block.count: ...`).
public enum GeneratorError: Error, CustomStringConvertible {
    /// The spec is inconsistent (unknown archetype or router, bad value, ...).
    case invalidSpec(SourceLocation?, String)
    /// A count evaluated out of range while materialising (negative, too large,
    /// not finite, or `n` without an enclosing size).
    case countOutOfRange(SourceLocation?, String)
    /// The cluster would exceed the node limit.
    case tooLarge(limit: Int)
    /// The spec file could not be read, or is not well-formed JSON.
    case io(StreamingIOError)
    /// The generated topology could not be written.
    case scenario(ScenarioError)

    public var description: String {
        switch self {
        case .invalidSpec(let location, let message), .countOutOfRange(let location, let message):
            guard let location else { return message }
            return "\(location): \(message)"
        case .tooLarge(let limit):
            return "the cluster would have more than \(limit) nodes; lower its counts or raise the limit"
        case .io(let error):
            return error.description
        case .scenario(let error):
            return error.description
        }
    }
}
