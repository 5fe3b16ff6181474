import FuzzSupport
import ScenarioModel

// A workload from arbitrary bytes: the marker and header are prepended to
// half the inputs so the fuzzer reaches the row checks quickly.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    var bytes = fuzzBytes(data + 1, size - 1)
    if data[0] & 1 == 1 {
        bytes = Array((WorkloadFormat.versionMarker + "\n" + WorkloadFormat.columns.joined(separator: ",") + "\n").utf8) + bytes
    }
    let path = bytes.withUnsafeBufferPointer { FuzzScratch.write($0.baseAddress, $0.count, suffix: ".workload.csv") }
    if let (_, issues) = try? WorkloadValidator(maximumIssues: 20).validate(path: path) {
        _ = issues.map(\.description)
    }
    return 0
}

runFuzzer(fuzzOneInput)
