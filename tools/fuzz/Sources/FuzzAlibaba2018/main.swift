import FuzzSupport
import FuzzTargets

// See FuzzTarget.alibaba2018 (Tests/FuzzTargets) for what this harness checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(.alibaba2018, data, size)
}

runFuzzer(fuzzOneInput)
