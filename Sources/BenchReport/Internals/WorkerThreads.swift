#if canImport(Glibc)
import Glibc
#endif

/// A mutex with a condition variable (POSIX), for the matrix runner's shared state.
///
/// The pthread objects live on the heap: they must not move once initialised.
final class MonitorLock: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let condition = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)

    init() {
        mutex.initialize(to: pthread_mutex_t())
        condition.initialize(to: pthread_cond_t())
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(condition, nil)
    }

    deinit {
        pthread_cond_destroy(condition)
        pthread_mutex_destroy(mutex)
        condition.deallocate()
        mutex.deallocate()
    }

    /// Runs `body` holding the lock.
    func withLock<Result>(_ body: () throws -> Result) rethrows -> Result {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return try body()
    }

    /// Waits for a signal; call only while holding the lock (inside `withLock`).
    func wait() {
        pthread_cond_wait(condition, mutex)
    }

    /// Wakes every waiter; call while holding the lock.
    func broadcast() {
        pthread_cond_broadcast(condition)
    }
}

/// Threads started together and joined together.
struct WorkerThreads {
    private final class Start {
        let body: @Sendable () -> Void
        init(_ body: @escaping @Sendable () -> Void) { self.body = body }
    }

    private let threads: [pthread_t]

    /// Starts `body(worker)` on up to `count` new threads.
    ///
    /// Fewer threads start when the system refuses more (`startedCount` says
    /// how many); the caller then shares the work among those or does it itself.
    init(count: Int, _ body: @escaping @Sendable (Int) -> Void) {
        var threads: [pthread_t] = []
        for worker in 0..<count {
            let start = Unmanaged.passRetained(Start { body(worker) })
            var thread = pthread_t()
            let status = pthread_create(&thread, nil, { context in
                guard let context else { return nil }
                let start = Unmanaged<Start>.fromOpaque(context).takeRetainedValue()
                start.body()
                return nil
            }, start.toOpaque())
            if status != 0 {
                start.release()
                break
            }
            threads.append(thread)
        }
        self.threads = threads
    }

    /// How many threads started.
    var startedCount: Int { threads.count }

    /// Waits for every thread to finish.
    func join() {
        for thread in threads { pthread_join(thread, nil) }
    }
}
