import ScenarioModel
import StreamingIO

extension TopologyTable {
    /// Writes the canonical topology JSON atomically to `path` (`-` for
    /// standard output), after checking every validation rule.
    ///
    /// The bytes are exactly those `Topology.write(to:)` produces for the
    /// converted topology (a test checks this on every fixture), but nodes and
    /// links stream from the columns without building structs, formatting
    /// overlaps validation (worker thread) and the `write` calls (writer thread).
    /// - Throws: `.invalidTopology` (nothing written) or `.io`.
    func write(to path: String) throws(TopologyImportError) {
        try write(to: path, continuing: nil) { (sink) throws(StreamingIOError) in try self.encode(into: sink) }
    }

    /// Formats the file with `body`, into a new output at `path` or into
    /// `opened`, an output that already holds the file's beginning (a
    /// streaming writer's header and nodes), then commits it.
    ///
    /// Validation runs on a worker thread while the file is formatted into
    /// the output's temporary file; the destination is replaced only when
    /// both succeed. Both only read the table.
    func write(
        to path: String, continuing opened: (output: OutputFile, sink: ByteSink)?,
        body: (ByteSink) throws(StreamingIOError) -> Void
    ) throws(TopologyImportError) {
        let validation = ValidationResult()
        let validator = WorkerThread { [self] in validation.issues = validationIssues(path: path) }
        if validator == nil { validation.issues = validationIssues(path: path) }
        let output: OutputFile
        do {
            let sink: ByteSink
            if let opened {
                (output, sink) = opened
            } else {
                output = try OutputFile(path: path)
                sink = try ByteSink(output: output)
            }
            try body(sink)
            try sink.close()
        } catch {
            validator?.join()
            opened?.output.discard()
            if !validation.issues.isEmpty { throw .invalidTopology(validation.issues) }
            throw .io(error)
        }
        validator?.join()
        guard validation.issues.isEmpty else {
            output.discard()
            throw .invalidTopology(validation.issues)
        }
        try TopologyImportError.catching { try output.commit() }
    }

    /// Carries the validator thread's result to the writing thread (after `join`).
    private final class ValidationResult {
        var issues: [ValidationIssue] = []
    }

    /// The canonical JSON text (tests and small tables).
    func encode(into sink: ByteSink) throws(StreamingIOError) {
        try encodeHeader(into: sink)
        let quotedIds = try QuotedIds(self)
        let literals = NodeProfileLiterals()
        try literals.extend(for: self)
        // Nodes and links are most of the file: they are formatted on two threads.
        try OrderedBlockEncoder.encode(count: nodeCount, into: sink) { (node, blockSink) throws(StreamingIOError) in
            try blockSink.literal(node == 0 ? "\n    " : ",\n    ")
            try self.encodeNode(node, quotedId: quotedIds[node], literals, blockSink)
        }
        try encodeLinksAndMedia(quotedIds, into: sink)
    }

    /// Everything before the first node: format, version, name, provenance
    /// and the opening of the node array.
    func encodeHeader(into sink: ByteSink) throws(StreamingIOError) {
        try sink.literal("{\n  \"format\": ")
        try sink.quoted(Topology.formatName)
        try sink.literal(",\n  \"version\": ")
        try sink.integer(Int64(Topology.formatVersion))
        try sink.literal(",\n  \"name\": ")
        try sink.quoted(name)
        try sink.literal(",\n  \"provenance\": {\"source\": ")
        try optionalString(provenance.source, sink)
        try sink.literal(", \"importer\": ")
        try optionalString(provenance.importer, sink)
        try sink.literal(", \"generator\": ")
        try optionalString(provenance.generator, sink)
        try sink.literal(", \"seed\": ")
        if let seed = provenance.seed { try sink.integer(Int64(bitPattern: seed)) } else { try sink.literal("null") }
        try sink.literal(", \"parameters\": ")
        try stringMap(provenance.parameters, sink)
        try sink.literal("},\n  \"nodes\": [")
    }

    /// Nodes `range`, each after its separator, formatted on the calling
    /// thread (a streaming writer's blocks); ids are quoted on the way.
    func encodeNodes(_ range: Range<Int>, _ literals: NodeProfileLiterals, into sink: ByteSink) throws(StreamingIOError) {
        try literals.extend(for: self)
        for node in range {
            try sink.literal(node == 0 ? "\n    " : ",\n    ")
            try encodeNode(node, quotedId: nil, literals, sink)
        }
    }

    /// Everything after the last node: the closing of the node array, the
    /// links, the media and the end of the document.
    func encodeLinksAndMedia(_ quotedIds: QuotedIds, into sink: ByteSink) throws(StreamingIOError) {
        try sink.literal(nodeCount > 0 ? "\n  ],\n  \"links\": [" : "],\n  \"links\": [")
        let literals = try LinkLiterals(self)
        try OrderedBlockEncoder.encode(count: linkCount, into: sink) { (link, blockSink) throws(StreamingIOError) in
            try blockSink.literal(link == 0 ? "\n    " : ",\n    ")
            try self.encodeLink(link, quotedIds, literals, blockSink)
        }
        try sink.literal(linkCount > 0 ? "\n  ],\n  \"media\": [" : "],\n  \"media\": [")
        for (index, medium) in media.enumerated() {
            try sink.literal(index == 0 ? "\n    {\"id\": " : ",\n    {\"id\": ")
            try sink.quoted(medium.id)
            try sink.literal(", \"bandwidthMbps\": ")
            try sink.double(medium.bandwidthMbps)
            try sink.literal(", \"labels\": ")
            try stringMap(medium.labels, sink)
            try sink.byte(UInt8(ascii: "}"))
        }
        try sink.literal(media.isEmpty ? "]\n}\n" : "\n  ]\n}\n")
    }

    /// One node; `quotedId` is its id's literal, or nil to quote it here.
    private func encodeNode(
        _ node: Int, quotedId: UnsafeRawBufferPointer?, _ literals: NodeProfileLiterals, _ sink: ByteSink
    ) throws(StreamingIOError) {
        try sink.literal("{\"id\": ")
        if let quotedId {
            try sink.bytes(quotedId)
        } else {
            try QuotedIds.appendLiteral(of: arena.bytes(nodeIds[node]), to: sink)
        }
        try sink.bytes(literals[Int(nodeProfiles[node])])
        switch position(ofNode: node) {
        case .none:
            try sink.literal("null")
        case .geographic(let latitude, let longitude):
            try sink.literal("{\"latitudeDegrees\": ")
            try sink.double(latitude)
            try sink.literal(", \"longitudeDegrees\": ")
            try sink.double(longitude)
            try sink.byte(UInt8(ascii: "}"))
        case .planar(let x, let y):
            try sink.literal("{\"xMeters\": ")
            try sink.double(x)
            try sink.literal(", \"yMeters\": ")
            try sink.double(y)
            try sink.byte(UInt8(ascii: "}"))
        }
        try sink.literal(", \"labels\": ")
        try labelMap(nodeLabels, node, sink)
        try sink.byte(UInt8(ascii: "}"))
    }

    /// The part of a node that depends only on its figures: from `"kind"`
    /// to `"position": ` (formatted once per profile, not per node).
    func encodeProfile(_ figures: NodeFigures, into sink: ByteSink) throws(StreamingIOError) {
        try sink.literal(", \"kind\": \"")
        try sink.text(figures.kind.rawValue)
        try sink.literal("\", \"tier\": ")
        try sink.integer(Int64(figures.tier))
        try sink.literal(", \"cores\": ")
        try sink.integer(Int64(figures.cores))
        try sink.literal(", \"coreSpeedMips\": ")
        try sink.double(figures.coreSpeedMips)
        try sink.literal(", \"memoryBytes\": ")
        try sink.integer(figures.memoryBytes)
        try sink.literal(", \"queueCapacity\": ")
        if let capacity = figures.queueCapacity { try sink.integer(Int64(capacity)) } else { try sink.literal("null") }
        try sink.literal(", \"idlePowerWatts\": ")
        try sink.double(figures.idlePowerWatts)
        try sink.literal(", \"busyPowerWatts\": ")
        try sink.double(figures.busyPowerWatts)
        try sink.literal(", \"transmitPowerWatts\": ")
        try sink.double(figures.transmitPowerWatts)
        try sink.literal(", \"position\": ")
    }

    /// Text shared by many links, formatted once: the direction and bandwidth
    /// when every link has the same bandwidth (a defaulted column).
    struct LinkLiterals {
        /// `, "directed": ..., "bandwidthMbps": B, "latencyMs": ` for undirected and directed links.
        /// (Memory sinks, only read once made.)
        let undirected: ByteSink?
        let directed: ByteSink?

        init(_ table: TopologyTable) throws(StreamingIOError) {
            guard let bandwidth = table.linkBandwidths.constantValue else {
                (undirected, directed) = (nil, nil)
                return
            }
            func literal(_ prefix: StaticString) throws(StreamingIOError) -> ByteSink {
                let text = ByteSink(memoryCapacity: 128)
                try text.literal(prefix)
                try text.double(bandwidth)
                try text.literal(", \"latencyMs\": ")
                return text
            }
            undirected = try literal(", \"directed\": false, \"bandwidthMbps\": ")
            directed = try literal(", \"directed\": true, \"bandwidthMbps\": ")
        }
    }

    private func encodeLink(
        _ link: Int, _ quotedIds: QuotedIds, _ literals: LinkLiterals, _ sink: ByteSink
    ) throws(StreamingIOError) {
        let id = linkId(link)
        if id.isPresent {
            try sink.literal("{\"id\": ")
            try sink.quoted(arena.bytes(id))
            try sink.literal(", \"source\": ")
        } else {
            try sink.literal("{\"id\": null, \"source\": ")
        }
        try sink.bytes(quotedIds[Int(linkSources[link])])
        try sink.literal(", \"target\": ")
        try sink.bytes(quotedIds[Int(linkTargets[link])])
        let isDirected = linkDirected[link]
        if let shared = isDirected ? literals.directed : literals.undirected {
            try sink.bytes(shared.contents)
        } else {
            try sink.literal(isDirected ? ", \"directed\": true, \"bandwidthMbps\": " : ", \"directed\": false, \"bandwidthMbps\": ")
            try sink.double(linkBandwidths[link])
            try sink.literal(", \"latencyMs\": ")
        }
        try sink.double(linkLatencies[link])
        let distribution = distribution(ofLink: link)
        let medium = medium(ofLink: link)
        if distribution == nil && medium < 0 && linkLabels.isEmpty {
            try sink.literal(", \"latencyDistribution\": null, \"sharedMedium\": null, \"labels\": {}}")
            return
        }
        try sink.literal(", \"latencyDistribution\": ")
        switch distribution {
        case .none:
            try sink.literal("null")
        case .lognormal(let shape, let location, let scale):
            try sink.literal("{\"kind\": \"lognormal\", \"shape\": ")
            try sink.double(shape)
            try sink.literal(", \"locationMs\": ")
            try sink.double(location)
            try sink.literal(", \"scaleMs\": ")
            try sink.double(scale)
            try sink.byte(UInt8(ascii: "}"))
        }
        try sink.literal(", \"sharedMedium\": ")
        if medium >= 0 { try sink.quoted(media[Int(medium)].id) } else { try sink.literal("null") }
        try sink.literal(", \"labels\": ")
        try labelMap(linkLabels, link, sink)
        try sink.byte(UInt8(ascii: "}"))
    }

    /// An inline label object: columns are sorted by name, so keys come out
    /// in the order `JSONWriter.stringMap` gives.
    @inline(__always)
    private func labelMap(_ columns: [LabelColumn], _ index: Int, _ sink: ByteSink) throws(StreamingIOError) {
        var first = true
        for column in columns {
            let value = column.values.value(index)
            guard value.isPresent else { continue }
            try sink.literal(first ? "{" : ", ")
            first = false
            try sink.quoted(column.name)
            try sink.literal(": ")
            try sink.quoted(arena.bytes(value))
        }
        try sink.literal(first ? "{}" : "}")
    }

    private func optionalString(_ value: String?, _ sink: ByteSink) throws(StreamingIOError) {
        if let value { try sink.quoted(value) } else { try sink.literal("null") }
    }

    private func stringMap(_ map: [String: String], _ sink: ByteSink) throws(StreamingIOError) {
        var first = true
        for key in map.keys.sorted() {
            try sink.literal(first ? "{" : ", ")
            first = false
            try sink.quoted(key)
            try sink.literal(": ")
            try sink.quoted(map[key] ?? "")
        }
        try sink.literal(first ? "{}" : "}")
    }
}
