import ScenarioModel
import StreamingIO

/// Maps any GraphML (or node-link JSON) graph to the canonical topology.
///
/// Attributes with canonical names are read as the canonical fields (so an
/// `edgesim export graphml` file imports back unchanged); a few common
/// aliases too (`bandwidth` in Mbit/s, `latency`/`delay` in ms). Everything
/// else becomes labels. Missing figures take the options' defaults, counted.
struct GenericMapper {
    static let nodeFields = [
        "kind", "tier", "cores", "coreSpeedMips", "memoryBytes", "queueCapacity", "idlePowerWatts",
        "busyPowerWatts", "transmitPowerWatts", "latitudeDegrees", "longitudeDegrees", "xMeters", "yMeters",
        RecordedAttribute.geometryX, RecordedAttribute.geometryY,
    ]
    static let bandwidthNames = ["bandwidthMbps", "bandwidth"]
    static let latencyNames = ["latencyMs", "latency", "delay"]
    static let linkFields = bandwidthNames + latencyNames + [
        "directed", "latencyDistribution", "latencyDistributionShape", "latencyDistributionLocationMs",
        "latencyDistributionScaleMs", "sharedMedium",
    ]
    /// Graph attributes the exporter writes that become fields, not parameters.
    static let graphFields: Set<String> = ["name", "media", "format", "version"]

    let support: MappingSupport
    var graph: SourceGraph { support.graph }
    var options: TopologyImportOptions { support.options }

    init(graph: SourceGraph, options: TopologyImportOptions) {
        support = MappingSupport(graph: graph, options: options)
    }

    /// Builds the table; `summary` receives the mapping counts.
    func map(into summary: inout TopologyImportSummary) throws(TopologyImportError) -> TopologyTable {
        let table = try makeTable()
        // Nodes and links map independently (each writes only its own table
        // columns and summary keys), so large graphs map links on a helper thread.
        let links = LinkMapping()
        let helper = graph.edgeCount >= 20_000
            ? WorkerThread { [self] in
                do throws(TopologyImportError) {
                    try mapLinks(into: table, summary: &links.summary)
                } catch {
                    links.failure = error
                }
            } : nil
        var nodeFailure: TopologyImportError?
        do {
            try mapNodes(into: table, summary: &summary)
        } catch {
            nodeFailure = error
        }
        helper?.join()
        // The nodes' problem first, as a sequential mapping would report it.
        if let nodeFailure { throw nodeFailure }
        if helper == nil { try mapLinks(into: table, summary: &links.summary) }
        if let failure = links.failure { throw failure }
        for entry in links.summary.entries { summary.set(entry.key, entry.value) }
        table.sortLabels()
        return table
    }

    /// Carries the link mapping's summary keys and error back from the helper thread.
    private final class LinkMapping {
        var summary = TopologyImportSummary()
        var failure: TopologyImportError?
    }

    /// A table with the topology's name, provenance and media, before any node or link.
    func makeTable() throws(TopologyImportError) -> TopologyTable {
        let table = TopologyTable(arena: graph.arena)
        table.name = support.topologyName(preferring: ["name", "label"])
        table.provenance = Provenance(source: graph.path, importer: TopologyFormat.graphml.rawValue, parameters: parameters())
        table.media = try media()
        return table
    }

    func parameters() -> [String: String] {
        var parameters: [String: String] = [:]
        for attribute in support.graphAttributes() where !Self.graphFields.contains(attribute.name) {
            parameters["graph." + attribute.name] = attribute.value
        }
        return parameters
    }

    // MARK: - Media

    /// Shared media from the graph attribute `media` (a JSON array written by
    /// the exporter), if present.
    private func media() throws(TopologyImportError) -> [SharedMedium] {
        guard let text = support.graphAttributes().first(where: { $0.name == "media" })?.value else { return [] }
        let reader = JSONReader(bytes: Array(text.utf8), path: graph.path + " (graph attribute 'media')")
        var media: [SharedMedium] = []
        try TopologyImportError.catching {
            try reader.readArray { _ in
                var medium = SharedMedium(id: "", bandwidthMbps: 0)
                try reader.readObject { key in
                    switch key {
                    case "id": medium.id = try reader.readString()
                    case "bandwidthMbps": medium.bandwidthMbps = try reader.readDouble()
                    case "labels":
                        try reader.readObject { name in medium.labels[name] = try reader.readString() }
                    default: try reader.skipValue()
                    }
                }
                media.append(medium)
            }
        }
        return media
    }
}

extension ValueParsing {
    /// Case-insensitive comparison with lowercase ASCII bytes.
    static func matches(_ bytes: UnsafeRawBufferPointer, _ lowercase: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count == lowercase.count else { return false }
        for index in 0..<bytes.count {
            var byte = bytes[index]
            if byte >= 0x41 && byte <= 0x5A { byte |= 0x20 }
            if byte != lowercase[index] { return false }
        }
        return true
    }
}
