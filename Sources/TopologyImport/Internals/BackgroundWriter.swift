import StreamingIO

/// Writes full byte buffers to an `OutputFile` on a worker thread, so the
/// `write` system calls (copying tens of megabytes into the page cache)
/// overlap with formatting the next buffer.
///
/// Buffers circulate: `exchange` hands a full buffer to the writer and
/// returns an empty one (waiting when all are in flight, which bounds
/// memory to `bufferCount` buffers). The first write error is kept and
/// thrown by `finish()`; later buffers are then dropped.
final class BackgroundWriter {
    final class Buffer {
        let storage: UnsafeMutablePointer<UInt8>
        let capacity: Int
        var count = 0

        init(capacity: Int) {
            self.capacity = capacity
            storage = UnsafeMutablePointer<UInt8>.allocate(capacity: capacity)
        }

        deinit {
            storage.deallocate()
        }
    }

    private let full: BoundedChannel<Buffer>
    private let empty: BoundedChannel<Buffer>
    private var worker: WorkerThread?
    private let failureBox = FailureBox()

    private final class FailureBox {
        var error: StreamingIOError?
    }

    /// Starts the writer thread over `output` with `bufferCount` buffers of
    /// `capacity` bytes (one of them returned by `firstBuffer`).
    init(output: OutputFile, capacity: Int, bufferCount: Int = 3) throws(StreamingIOError) {
        full = BoundedChannel(capacity: bufferCount)
        empty = BoundedChannel(capacity: bufferCount)
        for _ in 1..<bufferCount { _ = empty.send(Buffer(capacity: capacity)) }
        let full = self.full
        let empty = self.empty
        let failure = failureBox
        worker = WorkerThread {
            while let buffer = full.receive() {
                if failure.error == nil {
                    do throws(StreamingIOError) {
                        try output.write(UnsafeRawBufferPointer(start: buffer.storage, count: buffer.count))
                    } catch {
                        failure.error = error
                    }
                }
                buffer.count = 0
                _ = empty.send(buffer)
            }
        }
        guard worker != nil else { throw .writeFailed(path: output.path, reason: "could not start the writer thread") }
        firstBuffer = Buffer(capacity: capacity)
    }

    /// The buffer to fill first.
    private(set) var firstBuffer: Buffer

    /// Queues `buffer` for writing; returns an empty buffer to fill next.
    func exchange(_ buffer: Buffer) -> Buffer {
        _ = full.send(buffer)
        return empty.receive() ?? Buffer(capacity: buffer.capacity)
    }

    /// Writes what is queued (plus `last`, when given), stops the thread and
    /// reports the first write error.
    func finish(last: Buffer?) throws(StreamingIOError) {
        if let last, last.count > 0 { _ = full.send(last) }
        full.finish()
        worker?.join()
        worker = nil
        if let error = failureBox.error { throw error }
    }

    deinit {
        full.finish()
        worker?.join()
    }
}
