#if canImport(Glibc)
import Glibc
#endif

/// How many processors are online: work is split over threads only when
/// there is more than one.
enum ProcessorCount {
    static let online = max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}
