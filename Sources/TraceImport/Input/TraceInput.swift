import StreamingIO

/// One input path as the importer reads it: gunzipped (by content), decompressed
/// on a worker thread when asked, and split into the members of a tar archive
/// when it is one (Alibaba's `.tar.gz` tables). Each logical file comes out as
/// an `InputFile` for a `CSVReader`, named `path` or `archive:member`.
final class TraceInput {
    /// The path as given (`<stdin>` for `-`).
    let path: String
    /// The stored size, when the input is a regular file.
    let storedSizeBytes: Int64?
    /// True when the input is a tar archive.
    let isArchive: Bool
    /// True when the input holds no bytes at all (after decompression).
    let isEmpty: Bool

    private let file: InputFile?
    private let readAhead: ReadAheadSource?
    private let sniffed: PrefixedSource
    private let archive: TarArchiveReader?
    private var deliveredSingleFile = false

    /// Opens `path` (`-` for standard input).
    ///
    /// - Parameters:
    ///   - path: The input.
    ///   - readAhead: Decompress on a worker thread (a second core) while the caller parses.
    /// - Throws: `.io` when the file cannot be opened or its first bytes cannot be read.
    init(path: String, readAhead: Bool) throws(TraceImportError) {
        let input = try TraceImportError.catching { try InputFile(path: path) }
        self.path = input.path
        storedSizeBytes = input.storedSizeBytes
        let base: any ByteSource
        let worker: ReadAheadSource?
        if readAhead {
            let source = try TraceImportError.catching { try ReadAheadSource(input: input) }
            self.readAhead = source
            worker = source
            file = nil
            base = source
        } else {
            self.readAhead = nil
            worker = nil
            file = input
            base = input
        }
        // A failed initializer does not run `deinit`: stop the worker thread here.
        do {
            sniffed = try TraceImportError.catching {
                try PrefixedSource(sniffing: TarArchiveReader.blockSize, of: base)
            }
        } catch {
            worker?.close()
            throw error
        }
        if sniffed.sniffed.withUnsafeBytes({ TarArchiveReader.isDamagedHeader($0) }) {
            worker?.close()
            throw .unsupportedInput(
                SourceLocation(path: input.path, byteOffset: 0),
                message: "corrupt tar archive: the first header's checksum does not match")
        }
        isArchive = sniffed.sniffed.withUnsafeBytes { TarArchiveReader.isHeader($0) }
        isEmpty = sniffed.sniffed.isEmpty
        archive = isArchive ? TarArchiveReader(source: sniffed, path: input.path) : nil
    }

    deinit {
        readAhead?.close()
    }

    /// Stored bytes consumed so far (for progress).
    var storedBytesConsumed: Int64 {
        readAhead?.storedBytesConsumed ?? file?.storedBytesConsumed ?? 0
    }

    /// The next logical file: the input itself, or the next member of the archive; nil at the end.
    func nextFile() throws(TraceImportError) -> InputFile? {
        if let archive {
            guard let member = try archive.nextMember() else { return nil }
            return try TraceImportError.catching { try InputFile(source: member, path: member.path) }
        }
        guard !deliveredSingleFile else { return nil }
        deliveredSingleFile = true
        return try TraceImportError.catching { try InputFile(source: sniffed, path: path) }
    }
}
