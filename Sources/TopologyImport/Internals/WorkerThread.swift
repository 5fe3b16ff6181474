#if canImport(Glibc)
import Glibc
#endif

/// A joinable POSIX thread running one closure.
///
/// The closure and everything it captures belong to the thread until
/// `join()` returns (which orders all its writes before the caller's reads),
/// so no other synchronisation is needed for that state.
final class WorkerThread {
    private final class Work {
        let body: () -> Void
        init(_ body: @escaping () -> Void) { self.body = body }
    }

    private var thread: pthread_t
    private var isJoined = false

    /// Starts `body` on a new thread.
    ///
    /// The corresponding C call is `pthread_create`.
    init?(_ body: @escaping () -> Void) {
        let work = Unmanaged.passRetained(Work(body)).toOpaque()
        var created = pthread_t()
        let result = pthread_create(&created, nil, { context in
            guard let context else { return nil }
            Unmanaged<Work>.fromOpaque(context).takeRetainedValue().body()
            return nil
        }, work)
        guard result == 0 else {
            Unmanaged<Work>.fromOpaque(work).release()
            return nil
        }
        thread = created
    }

    /// Waits for the thread to end.
    func join() {
        guard !isJoined else { return }
        isJoined = true
        pthread_join(thread, nil)
    }

    deinit {
        join()
    }
}
