import FuzzSupport
import FuzzTargets

// See FuzzTarget.swf (Tests/FuzzTargets) for what this harness checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(.swf, data, size)
}

runFuzzer(fuzzOneInput)
