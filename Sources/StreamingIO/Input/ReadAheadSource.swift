/// Reads an `InputFile` on a worker thread, a few chunks ahead of the consumer.
///
/// Decompression (zlib inflate) then runs on one core while the consumer
/// parses on another: a two-stage pipeline that is bounded by the slower
/// stage instead of the sum of both. Memory is fixed: `chunkCount` buffers of
/// `chunkBytes` each, recycled.
///
/// Errors of the input (truncated or corrupt gzip, I/O) are raised by `read`
/// at the same position in the stream as a direct read would raise them.
///
/// ```swift
/// let source = try ReadAheadSource(input: InputFile(path: "part-00000.csv.gz"))
/// let reader = CSVReader(input: try InputFile(source: source))
/// ```
public final class ReadAheadSource: ByteSource {
    /// The input's path.
    public let path: String
    /// The size of the input as stored, when it is a regular file.
    public let storedSizeBytes: Int64?
    /// Stored (compressed) bytes behind the data consumed so far, at chunk granularity.
    public private(set) var storedBytesConsumed: Int64 = 0

    private let channel: ReadAheadChannel
    private var worker: WorkerThread?
    private var current: ReadAheadChannel.Chunk?
    private var position = 0

    /// Starts reading `input` on a worker thread.
    ///
    /// - Parameters:
    ///   - input: The input; from now on it is used only by the worker thread.
    ///   - chunkBytes: The size of each buffer (default 1 MiB).
    ///   - chunkCount: How many buffers circulate (default 4; at least 2).
    /// - Throws: `StreamingIOError.readFailed` when the thread cannot start.
    public init(input: InputFile, chunkBytes: Int = 1 << 20, chunkCount: Int = 4) throws(StreamingIOError) {
        path = input.path
        storedSizeBytes = input.storedSizeBytes
        let channel = ReadAheadChannel(chunkBytes: max(chunkBytes, 4096), chunkCount: max(chunkCount, 2))
        self.channel = channel
        let owned = ReadAheadChannel.OwnedInput(input)
        worker = try WorkerThread(name: input.path) { channel.produce(from: owned.input) }
    }

    deinit {
        close()
    }

    /// Copies the next bytes into `buffer`, waiting for the worker when needed.
    ///
    /// - Returns: The number of bytes copied; 0 only at the end of the data.
    /// - Throws: The input's error, once the bytes before it were consumed.
    public func read(into buffer: UnsafeMutableRawBufferPointer) throws(StreamingIOError) -> Int {
        guard buffer.count > 0 else { return 0 }
        while true {
            if let chunk = current {
                if position < chunk.count {
                    let count = min(buffer.count, chunk.count - position)
                    buffer.baseAddress!.copyMemory(from: chunk.buffer.baseAddress! + position, byteCount: count)
                    position += count
                    return count
                }
                if let error = chunk.error { throw error }
                if chunk.isLast { return 0 }
                channel.recycle(chunk.buffer)
                current = nil
            }
            let next = channel.take()
            current = next
            position = 0
            storedBytesConsumed = next.storedBytesConsumed
        }
    }

    /// Stops the worker (when the consumer ends early) and waits for it.
    /// Reading after `close()` is not allowed.
    public func close() {
        guard let worker else { return }
        channel.cancel()
        worker.join()
        self.worker = nil
    }
}
