import BenchReport
import ClusterGenerator
import ScenarioModel
import StreamingIO

extension FuzzTarget {
    // MARK: - Spec files

    /// The node cap for generated clusters (keeps each input fast and small).
    static let maximumGeneratedNodes = 2_000

    /// Decodes a cluster spec and generates it (byte 0 is the seed); a generated topology must validate.
    static func clusterSpec(_ bytes: [UInt8]) -> String? {
        guard let seed = bytes.first else { return nil }
        let spec: ClusterSpec
        do {
            spec = try ClusterSpecFile.decode(bytes: Array(bytes.dropFirst()), path: "fuzz.spec.json")
        } catch {
            return oneLine(error.description)
        }
        let topology: Topology
        do {
            topology = try ClusterGenerator.generate(spec, seed: UInt64(seed), maximumNodes: maximumGeneratedNodes)
        } catch {
            return oneLine(error.description)
        }
        let reader = JSONReader(bytes: Array(topology.jsonText.utf8), path: "generated.topology.json")
        guard let (decoded, sourceMap) = try? Topology.decode(from: reader), decoded == topology else {
            return "a generated topology does not read back equal"
        }
        let issues = decoded.validationIssues(sourceMap: sourceMap)
        guard issues.isEmpty else { return "a generated topology does not validate: \(issues[0])" }
        return nil
    }

    /// Decodes a bench spec without touching the file system and expands its job matrix.
    static func benchSpec(_ bytes: [UInt8]) -> String? {
        let reader = JSONReader(bytes: bytes, path: "fuzz.bench.json")
        let spec: BenchSpec
        do {
            spec = try BenchSpec(reading: reader, relativeTo: "/fuzz")
        } catch {
            return oneLine(error.description)
        }
        do {
            let plan = try BenchPlan(spec: spec)
            guard plan.jobs.count <= BenchPlan.maximumJobCount else { return "a plan exceeds the job limit" }
            _ = plan.groupKeys.count
        } catch {
            return oneLine(error.description)
        }
        return nil
    }
}
