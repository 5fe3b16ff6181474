import FuzzSupport
import ScenarioModel
import StreamingIO

// Decode a scenario and run the full validator over it (a referenced file
// will not exist; embedded topologies and workloads are validated).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzScratch.write(data, size, suffix: ".scenario.json")
    let report = CanonicalFileValidator.validate(path: path, maximumIssues: 20)
    _ = report.issues.map(\.description)
    if let (scenario, _) = try? Scenario.decode(path: path), report.isValid {
        _ = scenario.jsonText
    }
    return 0
}

runFuzzer(fuzzOneInput)
