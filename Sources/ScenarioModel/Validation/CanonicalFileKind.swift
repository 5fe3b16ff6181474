import StreamingIO

/// The three kinds of canonical files, recognised by content, not by name.
public enum CanonicalFileKind: String, CaseIterable, Sendable {
    case topology
    case workload
    case scenario

    /// Recognises a canonical file: a workload starts with its version marker;
    /// topologies and scenarios are JSON objects whose `format` says which.
    ///
    /// - Throws: `ScenarioError` when the file cannot be read or is none of the three.
    public static func detect(path: String) throws(ScenarioError) -> CanonicalFileKind {
        let input = try ScenarioError.catching { try InputFile(path: path) }
        var prefix = [UInt8](repeating: 0, count: 64)
        let count = try ScenarioError.catching {
            try prefix.withUnsafeMutableBytes { try input.read(into: $0) }
        }
        // A UTF-8 byte-order mark (as Windows tools write) is not content.
        let start = count >= 3 && prefix[0] == 0xEF && prefix[1] == 0xBB && prefix[2] == 0xBF ? 3 : 0
        let head = String(decoding: prefix[start..<count], as: UTF8.self)
        if head.hasPrefix("# edgesim-workload") { return .workload }
        let trimmed = head.drop { $0 == " " || $0 == "\n" || $0 == "\r" || $0 == "\t" }
        guard trimmed.first == "{" else {
            throw .wrongFormat(
                SourceLocation(path: input.path, line: 1),
                found: count == 0 ? "an empty file" : "neither JSON nor a workload CSV",
                expected: "a topology, workload or scenario")
        }
        let reader = try ScenarioError.catching { try JSONReader(path: path) }
        var format: String?
        try ScenarioError.catching {
            try reader.readObject { key in
                if key == "format" && format == nil { format = try reader.readString() } else { try reader.skipValue() }
            }
        }
        switch format {
        case Topology.formatName: return .topology
        case Scenario.formatName: return .scenario
        default:
            throw .wrongFormat(
                SourceLocation(path: reader.path, line: 1), found: format ?? "no 'format' field",
                expected: "\(Topology.formatName) or \(Scenario.formatName)")
        }
    }
}
