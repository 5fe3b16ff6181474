import FuzzSupport
import FuzzTargets

// See FuzzTarget.azure2021 (Tests/FuzzTargets) for what this harness checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(.azure2021, data, size)
}

runFuzzer(fuzzOneInput)
