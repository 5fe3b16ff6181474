import ScenarioModel
import StreamingIO

/// Pieces the GraphML-based mappers share: typed access to attribute
/// columns, label columns for the remaining attributes, graph-level values.
struct MappingSupport {
    let graph: SourceGraph
    let options: TopologyImportOptions

    /// Prefix the GraphML exporter puts before label names (stripped on import).
    static let exportedLabelPrefix = "labels."

    // MARK: - Typed values

    /// A double value of `column` at `index`, nil when absent; an unparsable
    /// value is an error at the element's line.
    func double(_ column: TextColumn?, _ index: Int, domain: AttributeDomain) throws(TopologyImportError) -> Double? {
        guard let column else { return nil }
        let value = column.value(index)
        guard value.isPresent else { return nil }
        let bytes = graph.arena.bytes(value)
        guard let number = ValueParsing.double(bytes) else {
            throw .invalid(location(domain, index), message: "\(what(domain, index)): '\(column.name)' value \(ValueParsing.excerpt(bytes)) is not a number")
        }
        return number
    }

    /// An integer value (`12`, `12.0`), nil when absent.
    func integer(_ column: TextColumn?, _ index: Int, domain: AttributeDomain) throws(TopologyImportError) -> Int64? {
        guard let column else { return nil }
        let value = column.value(index)
        guard value.isPresent else { return nil }
        let bytes = graph.arena.bytes(value)
        guard let number = ValueParsing.int64(bytes) else {
            throw .invalid(location(domain, index), message: "\(what(domain, index)): '\(column.name)' value \(ValueParsing.excerpt(bytes)) is not an integer")
        }
        return number
    }

    /// A boolean value, nil when absent.
    func bool(_ column: TextColumn?, _ index: Int, domain: AttributeDomain) throws(TopologyImportError) -> Bool? {
        guard let column else { return nil }
        let value = column.value(index)
        guard value.isPresent else { return nil }
        let bytes = graph.arena.bytes(value)
        guard let flag = ValueParsing.bool(bytes) else {
            throw .invalid(location(domain, index), message: "\(what(domain, index)): '\(column.name)' value \(ValueParsing.excerpt(bytes)) is not a boolean")
        }
        return flag
    }

    /// A string value, nil when absent.
    func string(_ column: TextColumn?, _ index: Int) -> String? {
        guard let column else { return nil }
        let value = column.value(index)
        return value.isPresent ? graph.arena.string(value) : nil
    }

    func location(_ domain: AttributeDomain, _ index: Int) -> SourceLocation {
        domain == .edge ? graph.edgeLocation(index) : graph.nodeLocation(index)
    }

    func what(_ domain: AttributeDomain, _ index: Int) -> String {
        if domain == .edge {
            let id = graph.edgeId(index)
            let source = MessageText.excerpt(graph.nodeId(Int(graph.edgeSources[index])))
            let ends = "\(source) -> \(MessageText.excerpt(graph.nodeId(Int(graph.edgeTargets[index]))))"
            return id.isPresent ? "edge '\(MessageText.excerpt(graph.arena.string(id)))' (\(ends))" : "edge \(ends)"
        }
        return "node '\(MessageText.excerpt(graph.nodeId(index)))'"
    }

    /// A lognormal latency of edge `edge`, its parameters checked here so that a bad
    /// value is an error at the input's line, not at the written topology's.
    func lognormal(shape: Double, locationMs: Double, scaleMs: Double, edge: Int) throws(TopologyImportError)
        -> LatencyDistribution
    {
        for (name, value, isValid) in [
            ("shape", shape, shape > 0 && shape.isFinite), ("scale", scaleMs, scaleMs > 0 && scaleMs.isFinite),
            ("location", locationMs, locationMs >= 0 && locationMs.isFinite),
        ] where !isValid {
            let expected = name == "location" ? "a finite number >= 0" : "a positive finite number"
            throw .invalid(graph.edgeLocation(edge), message: "\(what(.edge, edge)): lognormal latency \(name) \(value) is not \(expected)")
        }
        return .lognormal(shape: shape, locationMs: locationMs, scaleMs: scaleMs)
    }

    /// The column named `name` for `domain`, defaults applied per the options.
    func column(_ name: String, _ domain: AttributeDomain) -> TextColumn? {
        graph.column(named: name, for: domain, applyingDefaults: options.applyKeyDefaults)
    }

    /// The first of `names` that has a column.
    func column(anyOf names: [String], _ domain: AttributeDomain) -> TextColumn? {
        for name in names { if let found = column(name, domain) { return found } }
        return nil
    }

    // MARK: - Labels

    /// Label columns for every attribute of `domain` not in `consumed`
    /// (exporter-prefixed names lose their prefix), plus the reader's own
    /// records: nesting parents, created nodes, the top-level graph when
    /// several are imported.
    func labelColumns(for domain: AttributeDomain, consumed: Set<String>) -> [TopologyTable.LabelColumn] {
        var columns: [TopologyTable.LabelColumn] = []
        for name in graph.attributeNames(for: domain, applyingDefaults: options.applyKeyDefaults) where !consumed.contains(name) {
            guard let values = column(name, domain) else { continue }
            var label = name
            if label.hasPrefix(Self.exportedLabelPrefix) {  // "labels." alone is the empty name
                label.removeFirst(Self.exportedLabelPrefix.count)
            }
            TopologyTable.merge(TopologyTable.LabelColumn(name: label, values: values), into: &columns)
        }
        guard domain == .node else { return columns }
        if graph.nodeParents.contains(where: \.isPresent) {
            TopologyTable.merge(.init(name: "graphml.parent", values: TextColumn(name: "graphml.parent", values: graph.nodeParents)), into: &columns)
        }
        if !graph.createdNodes.isEmpty {
            let flag = graph.arena.append("true")
            var values = Array(repeating: TextRef.absent, count: graph.nodeCount)
            for node in graph.createdNodes { values[Int(node)] = flag }
            TopologyTable.merge(.init(name: "graphml.created", values: TextColumn(name: "graphml.created", values: values)), into: &columns)
        }
        if importedTopLevelGraphs().count > 1 {
            var names: [TextRef] = []
            for (index, record) in graph.graphs.enumerated() where record.depth == 0 {
                names.append(record.id.isPresent ? record.id : graph.arena.append(String(index)))
            }
            var values = Array(repeating: TextRef.absent, count: graph.nodeCount)
            for node in 0..<graph.nodeCount {
                let top = Int(graph.nodeTopLevelGraph[node])
                if top >= 0 && top < names.count { values[node] = names[top] }
            }
            TopologyTable.merge(.init(name: "graphml.graph", values: TextColumn(name: "graphml.graph", values: values)), into: &columns)
        }
        return columns
    }

    // MARK: - Graph level

    /// Numbers of the imported top-level graphs.
    func importedTopLevelGraphs() -> [Int] {
        graph.graphs.indices.filter { graph.graphs[$0].depth == 0 && graph.graphs[$0].isSelected }
    }

    /// Graph-level attributes of the imported top-level graphs: (name, value),
    /// the first graph's value winning for repeated names.
    func graphAttributes() -> [(name: String, value: String)] {
        var result: [(name: String, value: String)] = []
        var seen: Set<String> = []
        for index in importedTopLevelGraphs() {
            for attribute in graph.graphAttributes(index, applyingDefaults: options.applyKeyDefaults)
            where seen.insert(attribute.name).inserted {
                result.append(attribute)
            }
        }
        return result
    }

    /// The topology name: the option, else the first of `attributeNames`
    /// among graph attributes, else the first graph's id, else the file name.
    func topologyName(preferring attributeNames: [String]) -> String {
        if let name = options.name { return name }
        let attributes = graphAttributes()
        for wanted in attributeNames {
            if let found = attributes.first(where: { $0.name == wanted }), !found.value.isEmpty { return found.value }
        }
        if let first = importedTopLevelGraphs().first, graph.graphs[first].id.isPresent {
            let id = graph.arena.string(graph.graphs[first].id)
            if !id.isEmpty { return id }
        }
        return Self.baseName(of: graph.path)
    }

    /// The file name without folders and known extensions.
    static func baseName(of path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? path
        for suffix in [".gz", ".graphml", ".xml", ".json", ".GraphML"] where name.hasSuffix(suffix) && name.count > suffix.count {
            name.removeLast(suffix.count)
        }
        return name
    }

    /// `directed` for the summary: true, false or "mixed" over the imported
    /// edges (the graphs' `edgedefault` when there are none).
    func directedSummary() -> TopologyImportSummary.Value {
        var sawDirected = false
        var sawUndirected = false
        if graph.edgeCount == 0 {
            for index in importedTopLevelGraphs() {
                if graph.graphs[index].isDirectedByDefault { sawDirected = true } else { sawUndirected = true }
            }
        } else {
            for flag in graph.edgeDirected {
                if flag { sawDirected = true } else { sawUndirected = true }
                if sawDirected && sawUndirected { break }
            }
        }
        if sawDirected && sawUndirected { return .text("mixed") }
        return .bool(sawDirected)
    }
}
