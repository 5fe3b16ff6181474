import ScenarioModel
import StreamingIO

extension FuzzTarget {
    // MARK: - Canonical files

    /// Decodes and validates a topology; a valid one must round-trip through its canonical text.
    static func topology(_ bytes: [UInt8]) -> String? {
        let reader = JSONReader(bytes: bytes, path: "fuzz.topology.json")
        let topology: Topology
        let sourceMap: TopologySourceMap
        do {
            (topology, sourceMap) = try Topology.decode(from: reader)
        } catch {
            return oneLine(error.description)
        }
        let issues = topology.validationIssues(sourceMap: sourceMap)
        for issue in issues { if let finding = oneLine(issue.description) { return finding } }
        guard issues.isEmpty else { return nil }
        let again = JSONReader(bytes: Array(topology.jsonText.utf8), path: "again.json")
        guard let (copy, _) = try? Topology.decode(from: again), copy == topology else {
            return "a valid topology did not round-trip through its canonical text"
        }
        return nil
    }

    /// Validates a scenario deeply (a referenced file will not exist; embedded parts are checked).
    static func scenario(_ bytes: [UInt8], _ scratch: FuzzScratch) -> String? {
        let path = scratch.write(bytes, suffix: ".scenario.json")
        let report = CanonicalFileValidator.validate(path: path, maximumIssues: 20)
        for issue in report.issues { if let finding = oneLine(issue.description) { return finding } }
        if report.isValid, let (scenario, _) = try? Scenario.decode(path: path) {
            let again = JSONReader(bytes: Array(scenario.jsonText.utf8), path: "again.json")
            guard let (copy, _) = try? Scenario.decode(from: again), copy == scenario else {
                return "a valid scenario did not round-trip through its canonical text"
            }
        }
        return nil
    }

    /// Validates a workload; bit 0 of byte 0 prepends the marker and header to reach the row checks.
    static func workload(_ bytes: [UInt8], _ scratch: FuzzScratch) -> String? {
        guard let choice = bytes.first else { return nil }
        var content = Array(bytes.dropFirst())
        if choice & 1 == 1 {
            content = Array((WorkloadFormat.versionMarker + "\n" + WorkloadFormat.columns.joined(separator: ",") + "\n").utf8)
                + content
        }
        let path = scratch.write(content, suffix: ".workload.csv")
        do {
            let (_, issues) = try WorkloadValidator(maximumIssues: 20).validate(path: path)
            for issue in issues { if let finding = oneLine(issue.description) { return finding } }
        } catch {
            return oneLine(error.description)
        }
        return nil
    }
}
