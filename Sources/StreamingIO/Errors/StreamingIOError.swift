/// An error raised while reading or writing a byte stream: files, gzip, CSV or JSON.
///
/// Every case carries the location it refers to; `description` is a one-line
/// message of the form `location: what went wrong`, ready for a CLI to print.
public enum StreamingIOError: Error, Equatable, CustomStringConvertible {
    /// The file could not be opened (missing, unreadable, a directory, ...).
    case cannotOpen(path: String, reason: String)
    /// Reading failed at the operating-system level.
    case readFailed(path: String, reason: String)
    /// Writing or renaming an output failed at the operating-system level.
    case writeFailed(path: String, reason: String)
    /// The gzip data is corrupt (bad header, bad deflate data, CRC or length mismatch).
    case corruptGzip(SourceLocation, reason: String)
    /// The gzip data ends inside a member: the file was cut short.
    case truncatedGzip(SourceLocation)
    /// A text record is malformed: unterminated quote, overlong line, bad number, ...
    case malformedRecord(SourceLocation, message: String)
    /// The JSON text is not well-formed or a value has the wrong type.
    case malformedJSON(SourceLocation, message: String)

    /// Where the error happened, when it refers to a position in a file.
    public var location: SourceLocation? {
        switch self {
        case .cannotOpen, .readFailed, .writeFailed: return nil
        case .corruptGzip(let location, _), .truncatedGzip(let location),
            .malformedRecord(let location, _), .malformedJSON(let location, _):
            return location
        }
    }

    public var description: String {
        switch self {
        case .cannotOpen(let path, let reason):
            return "\(path): cannot open: \(reason)"
        case .readFailed(let path, let reason):
            return "\(path): read failed: \(reason)"
        case .writeFailed(let path, let reason):
            return "\(path): write failed: \(reason)"
        case .corruptGzip(let location, let reason):
            return "\(location): corrupt gzip data: \(reason)"
        case .truncatedGzip(let location):
            return "\(location): truncated gzip data: the file ends inside a compressed member"
        case .malformedRecord(let location, let message):
            return "\(location): \(message)"
        case .malformedJSON(let location, let message):
            return "\(location): \(message)"
        }
    }
}
