import FuzzSupport
import ScenarioModel
import StreamingIO

// Decode and validate a topology from arbitrary bytes; a valid one must
// round-trip through its canonical text.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let reader = JSONReader(bytes: fuzzBytes(data, size), path: "fuzz.topology.json")
    guard let (topology, sourceMap) = try? Topology.decode(from: reader) else { return 0 }
    let issues = topology.validationIssues(sourceMap: sourceMap)
    _ = issues.map(\.description)
    if issues.isEmpty {
        let text = topology.jsonText
        let again = JSONReader(bytes: Array(text.utf8), path: "again.json")
        guard let (copy, _) = try? Topology.decode(from: again), copy == topology else {
            fatalError("a valid topology did not round-trip through its canonical text")
        }
    }
    return 0
}

runFuzzer(fuzzOneInput)
