/// Compresses and writes an output's buffers on a worker thread, so the
/// producer (formatting rows) and zlib's deflate run on different cores.
///
/// Buffers change hands: `submit` takes a filled buffer and returns an empty
/// one, so nothing is copied. The worker feeds them to one deflate stream in
/// order, so the bytes are identical to compressing on the caller's thread.
final class BackgroundCompressor: @unchecked Sendable {
    private let lock = ConditionLock()
    private let deflater: ZlibStream
    private let file: PosixFile
    private var queue: [(buffer: UnsafeMutableRawBufferPointer, count: Int)] = []
    private var free: [UnsafeMutableRawBufferPointer] = []
    private var finishRequested = false
    private var cancelled = false
    private var done = false
    private var failure: StreamingIOError?
    private var worker: WorkerThread?
    private let scratch: UnsafeMutableRawBufferPointer

    /// Starts the worker with `spareBuffers` empty buffers of `bufferBytes` each.
    init(deflater: ZlibStream, file: PosixFile, bufferBytes: Int, spareBuffers: Int) throws(StreamingIOError) {
        self.deflater = deflater
        self.file = file
        scratch = UnsafeMutableRawBufferPointer.allocate(byteCount: bufferBytes, alignment: 16)
        for _ in 0..<max(spareBuffers, 1) {
            free.append(UnsafeMutableRawBufferPointer.allocate(byteCount: bufferBytes, alignment: 16))
        }
        worker = try WorkerThread(name: file.displayPath) { [self] in run() }
    }

    deinit {
        abandon()
        for buffer in free { buffer.deallocate() }
        for entry in queue { entry.buffer.deallocate() }
        scratch.deallocate()
    }

    /// Hands over `count` bytes of `buffer` and returns an empty buffer of the same size.
    ///
    /// - Throws: The worker's first error (deflate or write), if any happened so far.
    func submit(_ buffer: UnsafeMutableRawBufferPointer, count: Int) throws(StreamingIOError)
        -> UnsafeMutableRawBufferPointer
    {
        let result: Result<UnsafeMutableRawBufferPointer, StreamingIOError> = lock.withLock {
            if let failure { return .failure(failure) }
            queue.append((buffer, count))
            lock.broadcast()
            while free.isEmpty && failure == nil { lock.wait() }
            if let failure, free.isEmpty { return .failure(failure) }
            return .success(free.removeLast())
        }
        return try result.get()
    }

    /// Compresses what is queued, writes the gzip trailer and stops the worker.
    ///
    /// - Throws: The worker's first error.
    func finish() throws(StreamingIOError) {
        lock.withLock {
            finishRequested = true
            lock.broadcast()
            while !done { lock.wait() }
        }
        worker?.join()
        worker = nil
        if let failure { throw failure }
    }

    /// Stops the worker without finishing the stream (the output is being discarded).
    func abandon() {
        guard let worker else { return }
        lock.withLock {
            cancelled = true
            lock.broadcast()
        }
        worker.join()
        self.worker = nil
    }

    private enum Work {
        case compress(UnsafeMutableRawBufferPointer, count: Int)
        case finish
        case stop
    }

    private func run() {
        var failed = false
        while true {
            let work: Work = lock.withLock {
                while queue.isEmpty && !finishRequested && !cancelled { lock.wait() }
                if cancelled { return .stop }
                if queue.isEmpty { return .finish }
                let entry = queue.removeFirst()
                return .compress(entry.buffer, count: entry.count)
            }
            var error: StreamingIOError? = nil
            switch work {
            case .stop:
                return
            case .compress(let buffer, let count):
                if !failed {
                    do {
                        try deflater.deflate(
                            input: UnsafeRawBufferPointer(rebasing: buffer[0..<count]), finish: false,
                            scratch: scratch
                        ) { (bytes) throws(StreamingIOError) in try file.writeAll(bytes) }
                    } catch let caught {
                        error = caught
                        failed = true
                    }
                }
                lock.withLock {
                    free.append(buffer)
                    if let error, failure == nil { failure = error }
                    lock.broadcast()
                }
            case .finish:
                if !failed {
                    do {
                        try deflater.deflate(
                            input: UnsafeRawBufferPointer(start: nil, count: 0), finish: true, scratch: scratch
                        ) { (bytes) throws(StreamingIOError) in try file.writeAll(bytes) }
                    } catch let caught {
                        error = caught
                    }
                }
                lock.withLock {
                    if let error, failure == nil { failure = error }
                    done = true
                    lock.broadcast()
                }
                return
            }
        }
    }
}
