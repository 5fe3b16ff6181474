#if canImport(Glibc)
import Glibc
#endif

@_silgen_name("LLVMFuzzerRunDriver")
private func runFuzzerDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
) -> Int32

/// Runs libFuzzer's driver with the process arguments and `callback` as the
/// target (`LLVMFuzzerRunDriver`, available since LLVM 11), then exits.
public func runFuzzer(_ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32) -> Never {
    var argc = CommandLine.argc
    var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
    exit(runFuzzerDriver(&argc, &argv, callback))
}

/// A scratch file in /dev/shm (or /tmp) that each input is written to, for
/// parsers that read files; one per process.
public enum FuzzScratch {
    nonisolated(unsafe) private static var cachedPath: String?

    /// Writes `size` bytes at `data` to the scratch file and returns its path.
    public static func write(_ data: UnsafePointer<UInt8>?, _ size: Int, suffix: String = "") -> String {
        let path = (cachedPath ?? makePath()) + suffix
        cachedPath = cachedPath ?? makePath()
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        guard descriptor >= 0 else { fatalError("cannot write the fuzz scratch file \(path)") }
        var offset = 0
        while offset < size, let data {
            let written = Glibc.write(descriptor, data + offset, size - offset)
            if written <= 0 { break }
            offset += written
        }
        close(descriptor)
        return path
    }

    private static func makePath() -> String {
        var status = stat()
        let folder = stat("/dev/shm", &status) == 0 ? "/dev/shm" : "/tmp"
        return "\(folder)/edgesim-fuzz-\(getpid())"
    }
}

/// Bytes as an array, for in-memory parsers.
public func fuzzBytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> [UInt8] {
    guard let data, size > 0 else { return [] }
    return Array(UnsafeBufferPointer(start: data, count: size))
}
