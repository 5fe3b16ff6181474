import FuzzTargets

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

/// The harness side of a fuzz target: one scratch folder per process, and a
/// finding (a broken property) stops the fuzzer like a crash, so libFuzzer
/// saves the input.
public enum FuzzHarness {
    nonisolated(unsafe) private static var scratch: FuzzScratch?

    /// Runs `target` on the `size` bytes at `data`.
    public static func run(_ target: FuzzTarget, _ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
        let bytes = data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? []
        let folder = scratch ?? FuzzScratch.forProcess()
        scratch = folder
        if let finding = target.run(bytes, scratch: folder) {
            fatalError("\(target.rawValue) finding: \(finding)")
        }
        return 0
    }
}
