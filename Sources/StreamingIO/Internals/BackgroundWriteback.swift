import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Starts writing a growing output file's dirty pages to disk while the
/// program keeps producing bytes, so the `fsync` before the atomic rename
/// finds little left to do (Linux otherwise holds back writeback until
/// gigabytes are dirty, and the whole file goes to disk at commit).
///
/// On Linux, `sync_file_range(SYNC_FILE_RANGE_WRITE)` starts the writeback
/// without waiting for it and without a journal commit; writeback errors then
/// reach the final `fsync`. Where it is missing, at most one `fdatasync` runs
/// at a time, on a background queue (on ext4 each forces a journal commit,
/// which stalls the writes meanwhile); its failure is remembered and reported
/// by `finish()`: a writeback error is reported to only one sync call on a
/// descriptor, so the final `fsync` could miss it.
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

    /// Starts writing the dirty pages back.
    ///
    /// The corresponding C functions are `sync_file_range` and `fdatasync`.
    func start() {
        if let syncFileRange = Self.syncFileRange, syncFileRange(descriptor, 0, 0, Self.syncFileRangeWrite) == 0 {
            return
        }
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

    /// `sync_file_range`, which glibc declares only for `_GNU_SOURCE` (so
    /// Swift does not import it): looked up once; nil where it is missing.
    private static let syncFileRange: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32)? = {
        guard let symbol = dlsym(nil, "sync_file_range") else { return nil }
        return unsafeBitCast(symbol, to: (@convention(c) (Int32, Int64, Int64, UInt32) -> Int32).self)
    }()

    /// `SYNC_FILE_RANGE_WRITE`: start writeback of dirty pages, do not wait.
    private static let syncFileRangeWrite: UInt32 = 2

    /// Waits for a running sync; returns the errno of a failed one, or 0.
    func finish() -> Int32 {
        group.wait()
        isRunning = false
        return failure
    }
}
