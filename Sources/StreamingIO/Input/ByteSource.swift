/// A stream of bytes read front to back: a file, a member of an archive, a
/// read-ahead pipeline.
///
/// `InputFile` is the usual source; `InputFile(source:)` puts gzip
/// detection and decompression on top of any other source, so a gzip member
/// inside a tar archive reads like a file on disk.
public protocol ByteSource: AnyObject {
    /// The name used in messages (a path, or `archive.tar.gz:member.csv`).
    var path: String { get }

    /// Reads up to `buffer.count` bytes into `buffer`.
    ///
    /// - Returns: The number of bytes written; 0 only at the end of the data.
    /// - Throws: `StreamingIOError` on I/O errors or corrupt data.
    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int
}
