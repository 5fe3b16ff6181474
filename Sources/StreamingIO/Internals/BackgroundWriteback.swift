import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Starts writing a growing output file's dirty pages to disk while the
/// program keeps producing bytes, so the `fsync` before the atomic rename
/// finds little left to do (Linux otherwise holds back writeback until
/// gigabytes are dirty, and the whole file goes to disk at commit).
///
/// At most one `fdatasync` runs at a time, on a background queue. Its failure
/// is remembered and reported by `finish()`: a writeback error is reported to
/// only one sync call on a descriptor, so the final `fsync` could miss it.
final class BackgroundWriteback: @unchecked Sendable {
    private let descriptor: Int32
    private let group = DispatchGroup()
    private var isRunning = false  // touched only by the owning (writing) thread
    private var failure: Int32 = 0  // written by the sync before `leave`, read after `wait`

    /// Bytes written between two background syncs.
    static let interval: Int64 = 4 << 20

    init(descriptor: Int32) {
        self.descriptor = descriptor
    }

    deinit {
        group.wait()
    }

    /// Starts a background `fdatasync` unless one is still running.
    ///
    /// The corresponding C function is `fdatasync`.
    func start() {
        if isRunning {
            guard group.wait(timeout: .now()) == .success else { return }
            isRunning = false
        }
        isRunning = true
        group.enter()
        DispatchQueue.global(qos: .utility).async { [self] in
            if fdatasync(descriptor) != 0, errno != EINVAL, errno != EROFS { failure = errno }
            group.leave()
        }
    }

    /// Waits for a running sync; returns the errno of a failed one, or 0.
    func finish() -> Int32 {
        group.wait()
        isRunning = false
        return failure
    }
}
