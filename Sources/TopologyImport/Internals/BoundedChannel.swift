#if canImport(Glibc)
import Glibc
#endif

/// A bounded single-producer, single-consumer queue between two threads
/// (pthread mutex and condition): event chunks from the parser thread to
/// the builder, output buffers to the writer thread and back.
///
/// `send` blocks while `capacity` items wait, so memory stays bounded
/// whatever the input size; `cancel` (consumer) makes further sends fail,
/// `finish` (producer) ends the stream. Items are handed over, never shared:
/// the mutex orders the sender's writes before the receiver's reads.
final class BoundedChannel<Element: AnyObject>: @unchecked Sendable {
    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let changed = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 1)
    private var queue: [Element] = []
    private let capacity: Int
    private var isFinished = false
    private var isCancelled = false

    init(capacity: Int) {
        self.capacity = capacity
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(changed, nil)
    }

    deinit {
        pthread_cond_destroy(changed)
        pthread_mutex_destroy(mutex)
        changed.deallocate()
        mutex.deallocate()
    }

    /// Queues a chunk, waiting for room; false when the consumer cancelled.
    func send(_ chunk: Element) -> Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.count >= capacity && !isCancelled { pthread_cond_wait(changed, mutex) }
        guard !isCancelled else { return false }
        queue.append(chunk)
        pthread_cond_broadcast(changed)
        return true
    }

    /// The next chunk, waiting for one; nil once the producer finished and
    /// every chunk was taken (or after `cancel`).
    func receive() -> Element? {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        while queue.isEmpty && !isFinished && !isCancelled { pthread_cond_wait(changed, mutex) }
        guard !queue.isEmpty, !isCancelled else { return nil }
        let chunk = queue.removeFirst()
        pthread_cond_broadcast(changed)
        return chunk
    }

    /// The producer is done.
    func finish() {
        pthread_mutex_lock(mutex)
        isFinished = true
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// The consumer stops: pending and future chunks are dropped.
    func cancel() {
        pthread_mutex_lock(mutex)
        isCancelled = true
        queue.removeAll()
        pthread_cond_broadcast(changed)
        pthread_mutex_unlock(mutex)
    }

    /// True once the consumer cancelled (checked by the producer between chunks).
    var wasCancelled: Bool {
        pthread_mutex_lock(mutex)
        defer { pthread_mutex_unlock(mutex) }
        return isCancelled
    }
}
