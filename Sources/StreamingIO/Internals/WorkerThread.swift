#if canImport(Glibc)
import Glibc
#endif

/// One POSIX thread running a closure, joined explicitly.
///
/// StreamingIO uses at most one worker per stream (decompressing ahead of a
/// parser, or compressing behind a writer), so a plain thread is simpler and
/// cheaper than a pool.
final class WorkerThread {
    private final class Body {
        let run: @Sendable () -> Void
        init(_ run: @escaping @Sendable () -> Void) { self.run = run }
    }

    private var thread = pthread_t()
    private var joined = false

    /// Starts the thread.
    ///
    /// The corresponding C function is `pthread_create`.
    /// - Throws: `StreamingIOError.readFailed` when the thread cannot be created.
    init(name: String, _ body: @escaping @Sendable () -> Void) throws(StreamingIOError) {
        let context = Unmanaged.passRetained(Body(body)).toOpaque()
        let code = pthread_create(&thread, nil, { context in
            guard let context else { return nil }
            let body = Unmanaged<Body>.fromOpaque(context).takeRetainedValue()
            body.run()
            return nil
        }, context)
        if code != 0 {
            Unmanaged<Body>.fromOpaque(context).release()
            joined = true
            throw .readFailed(path: name, reason: "cannot start a worker thread: \(PosixFile.errnoDescription(code))")
        }
    }

    /// Waits for the thread to end; later calls return at once.
    ///
    /// The corresponding C function is `pthread_join`.
    func join() {
        guard !joined else { return }
        joined = true
        pthread_join(thread, nil)
    }

    deinit {
        join()
    }
}
