import StreamingIO

/// One regular file inside a tar archive, readable as a byte source until its size is exhausted.
final class TarMember: ByteSource {
    /// The member's name inside the archive.
    let name: String
    /// The member's size in bytes.
    let size: Int64
    /// `archive:member`, for messages.
    let path: String
    var remaining: Int64
    private unowned let archive: TarArchiveReader

    init(archive: TarArchiveReader, name: String, size: Int64, displayPath: String) {
        self.archive = archive
        self.name = name
        self.size = size
        self.path = displayPath
        remaining = size
    }

    func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        guard remaining > 0 else { return 0 }
        let count = try archive.readData(into: buffer, limit: remaining)
        remaining -= Int64(count)
        return count
    }
}
