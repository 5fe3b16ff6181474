/// The state shared by a `ReadAheadSource` and its worker thread.
final class ReadAheadChannel: @unchecked Sendable {
    /// A filled buffer and what the input reported with it.
    struct Chunk {
        var buffer: UnsafeMutableRawBufferPointer
        var count: Int
        var storedBytesConsumed: Int64
        var isLast: Bool
        var error: StreamingIOError?
    }

    /// Moves the input to the worker thread, which alone uses it afterwards.
    final class OwnedInput: @unchecked Sendable {
        let input: InputFile
        init(_ input: InputFile) { self.input = input }
    }

    private let lock = ConditionLock()
    private var free: [UnsafeMutableRawBufferPointer] = []
    private var filled: [Chunk] = []
    private var filledStart = 0
    private var cancelled = false
    private var allBuffers: [UnsafeMutableRawBufferPointer] = []

    init(chunkBytes: Int, chunkCount: Int) {
        for _ in 0..<chunkCount {
            let buffer = UnsafeMutableRawBufferPointer.allocate(byteCount: chunkBytes, alignment: 64)
            allBuffers.append(buffer)
            free.append(buffer)
        }
    }

    deinit {
        for buffer in allBuffers { buffer.deallocate() }
    }

    /// The worker's loop: fill free buffers until the input ends, fails or the
    /// consumer cancels.
    func produce(from input: InputFile) {
        while true {
            let buffer: UnsafeMutableRawBufferPointer? = lock.withLock {
                while free.isEmpty && !cancelled { lock.wait() }
                return cancelled ? nil : free.removeLast()
            }
            guard let buffer else { return }
            var count = 0
            var isLast = false
            var failure: StreamingIOError? = nil
            do {
                while count < buffer.count {
                    let read = try input.read(into: UnsafeMutableRawBufferPointer(rebasing: buffer[count...]))
                    if read == 0 {
                        isLast = true
                        break
                    }
                    count += read
                }
            } catch {
                failure = error
            }
            let chunk = Chunk(
                buffer: buffer, count: count, storedBytesConsumed: input.storedBytesConsumed,
                isLast: isLast, error: failure)
            lock.withLock {
                filled.append(chunk)
                lock.broadcast()
            }
            if isLast || failure != nil { return }
        }
    }

    /// The next filled chunk, waiting for the worker when none is ready.
    func take() -> Chunk {
        lock.withLock {
            while filledStart == filled.count { lock.wait() }
            let chunk = filled[filledStart]
            filledStart += 1
            if filledStart == filled.count {
                filled.removeAll(keepingCapacity: true)
                filledStart = 0
            }
            return chunk
        }
    }

    /// Returns a consumed buffer to the worker.
    func recycle(_ buffer: UnsafeMutableRawBufferPointer) {
        lock.withLock {
            free.append(buffer)
            lock.broadcast()
        }
    }

    /// Asks the worker to stop after its current chunk.
    func cancel() {
        lock.withLock {
            cancelled = true
            lock.broadcast()
        }
    }
}
