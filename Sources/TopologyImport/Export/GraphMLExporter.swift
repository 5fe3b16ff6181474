import ScenarioModel
import StreamingIO

/// Writes a canonical topology as GraphML that networkx (`read_graphml`),
/// Gephi and yEd open.
///
/// Every canonical field becomes a `<data>` value under its own name (`kind`,
/// `cores`, `bandwidthMbps`, `latencyMs`, ...), labels become keys named
/// `labels.<name>`, and the topology's name, provenance and shared media are
/// graph-level values (the last two as JSON text). `edgedefault` is
/// `directed` when every link is directed, else `undirected`; each edge also
/// carries its own `directed` value as data, since networkx refuses GraphML's
/// per-edge `directed` attribute when it differs from the default.
/// `edgesim import topology` reads such a file back into the same topology.
public enum GraphMLExporter {
    /// Writes `topology` to `path` atomically (`-` for standard output).
    ///
    /// - Throws: `TopologyImportError.invalidTopology` when the topology breaks
    ///   a validation rule, `.invalid` when a text cannot be written in XML 1.0
    ///   (control characters), `.io` when writing fails; nothing is written then.
    /// - Complexity: O(nodes + links); the output streams.
    public static func write(_ topology: Topology, to path: String) throws {
        try writeTyped(topology, to: path)
    }

    static func writeTyped(_ topology: Topology, to path: String) throws(TopologyImportError) {
        let issues = topology.validationIssues(sourceMap: TopologySourceMap(path: path))
        if !issues.isEmpty { throw .invalidTopology(issues) }
        let keys = GraphMLExportKeys(topology)
        try checkRepresentable(topology, path: path)
        try TopologyImportError.catching {
            let output = try OutputFile(path: path)
            let sink = try ByteSink(output: output)
            try writeDocument(topology, keys: keys, into: sink)
            try sink.close()
            try output.commit()
        }
    }

    private static func writeDocument(_ topology: Topology, keys: GraphMLExportKeys, into sink: ByteSink) throws(StreamingIOError) {
        try sink.literal("""
            <?xml version="1.0" encoding="UTF-8"?>
            <!-- Written by edgesim from a canonical topology (edgesim-topology version 1) -->
            <graphml xmlns="http://graphml.graphdrawing.org/xmlns" \
            xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" \
            xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">

            """)
        for key in keys.all {
            try sink.literal("  <key id=\"")
            try sink.text(key.id)
            try sink.literal("\" for=\"")
            try sink.text(key.domain)
            try sink.literal("\" attr.name=\"")
            try XMLEscaping.attribute(key.name, into: sink)
            try sink.literal("\" attr.type=\"")
            try sink.text(key.type)
            try sink.literal("\"/>\n")
        }
        let allDirected = !topology.links.isEmpty && topology.links.allSatisfy(\.directed)
        try sink.literal(allDirected ? "  <graph id=\"G\" edgedefault=\"directed\">\n" : "  <graph id=\"G\" edgedefault=\"undirected\">\n")
        try data(keys.graphName, .text(topology.name), indent: 4, sink)
        try data(keys.graphFormat, .text(Topology.formatName), indent: 4, sink)
        try data(keys.graphVersion, .integer(Int64(Topology.formatVersion)), indent: 4, sink)
        try data(keys.graphProvenance, .text(provenanceJSON(topology.provenance)), indent: 4, sink)
        if let mediaKey = keys.graphMedia { try data(mediaKey, .text(mediaJSON(topology.media)), indent: 4, sink) }
        for node in topology.nodes {
            try sink.literal("    <node id=\"")
            try XMLEscaping.attribute(node.id, into: sink)
            try sink.literal("\">\n")
            for (key, value) in keys.values(of: node) { try data(key, value, indent: 6, sink) }
            try sink.literal("    </node>\n")
        }
        for link in topology.links {
            try sink.literal("    <edge")
            if let id = link.id {
                try sink.literal(" id=\"")
                try XMLEscaping.attribute(id, into: sink)
                try sink.literal("\"")
            }
            try sink.literal(" source=\"")
            try XMLEscaping.attribute(link.source, into: sink)
            try sink.literal("\" target=\"")
            try XMLEscaping.attribute(link.target, into: sink)
            try sink.literal("\">\n")
            for (key, value) in keys.values(of: link) { try data(key, value, indent: 6, sink) }
            try sink.literal("    </edge>\n")
        }
        try sink.literal("  </graph>\n</graphml>\n")
    }

    private static func data(_ key: String, _ value: GraphMLExportKeys.Value, indent: Int, _ sink: ByteSink) throws(StreamingIOError) {
        try sink.literal(indent == 4 ? "    <data key=\"" : "      <data key=\"")
        try sink.text(key)
        try sink.literal("\">")
        switch value {
        case .text(let text): try XMLEscaping.content(text, into: sink)
        case .integer(let number): try sink.integer(number)
        case .number(let number): try sink.double(number)
        case .bool(let flag): try sink.literal(flag ? "true" : "false")
        }
        try sink.literal("</data>\n")
    }

    private static func checkRepresentable(_ topology: Topology, path: String) throws(TopologyImportError) {
        func check(_ text: String, _ what: @autoclosure () -> String) throws(TopologyImportError) {
            if let problem = XMLEscaping.problem(in: text) {
                throw .invalid(SourceLocation(path: path), message: "cannot export \(what()): the text \(problem)")
            }
        }
        try check(topology.name, "the topology name")
        for (key, value) in topology.provenance.parameters { try check(key + value, "provenance parameter '\(MessageText.excerpt(key))'") }
        for node in topology.nodes {
            try check(node.id, "node id '\(MessageText.excerpt(node.id))'")
            for (key, value) in node.labels { try check(key + value, "label '\(MessageText.excerpt(key))' of node '\(MessageText.excerpt(node.id))'") }
        }
        for link in topology.links {
            try check(link.id ?? "", "link id")
            for (key, value) in link.labels { try check(key + value, "label '\(MessageText.excerpt(key))' of link \(link.source) -> \(link.target)") }
        }
    }

    // MARK: - JSON values

    static func provenanceJSON(_ provenance: Provenance) -> String {
        func string(_ value: String?) -> String { value.map(JSONText.quoted) ?? "null" }
        let parameters = provenance.parameters.keys.sorted()
            .map { JSONText.quoted($0) + ": " + JSONText.quoted(provenance.parameters[$0] ?? "") }.joined(separator: ", ")
        return "{\"source\": \(string(provenance.source)), \"importer\": \(string(provenance.importer)), "
            + "\"generator\": \(string(provenance.generator)), \"seed\": \(provenance.seed.map { String($0) } ?? "null"), "
            + "\"parameters\": {\(parameters)}}"
    }

    static func mediaJSON(_ media: [SharedMedium]) -> String {
        let entries = media.map { medium in
            let labels = medium.labels.keys.sorted()
                .map { JSONText.quoted($0) + ": " + JSONText.quoted(medium.labels[$0] ?? "") }.joined(separator: ", ")
            return "{\"id\": \(JSONText.quoted(medium.id)), \"bandwidthMbps\": \(medium.bandwidthMbps.description), \"labels\": {\(labels)}}"
        }
        return "[" + entries.joined(separator: ", ") + "]"
    }
}
