import FuzzSupport
import FuzzTargets

// See FuzzTarget.google2011 (Tests/FuzzTargets) for what this harness checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(.google2011, data, size)
}

runFuzzer(fuzzOneInput)
