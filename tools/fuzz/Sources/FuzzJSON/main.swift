import FuzzSupport
import FuzzTargets

// See FuzzTarget.json (Tests/FuzzTargets) for what this harness checks.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    FuzzHarness.run(.json, data, size)
}

runFuzzer(fuzzOneInput)
