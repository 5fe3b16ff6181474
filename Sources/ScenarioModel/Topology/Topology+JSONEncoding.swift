import StreamingIO

extension Topology: CanonicalJSONDocument {
    /// Writes the topology atomically to `path` (`-` for standard output).
    ///
    /// The output is deterministic: keys in the documented order, labels sorted,
    /// numbers in shortest round-trip form, one node or link per line.
    ///
    /// Large topologies written to a file are validated on a second thread
    /// while they are encoded; an invalid one is discarded before it replaces
    /// the destination, so the outcome is the same as validating first.
    /// - Throws: `ScenarioError.invalid` if the topology breaks a validation
    ///   rule (nothing is written), or `.io` when writing fails.
    /// - Complexity: O(nodes + links + media); no allocation per element.
    public func write(to path: String) throws(ScenarioError) {
        let sourceMap = TopologySourceMap(path: path)
        let isLarge = nodes.count + links.count >= Self.concurrentValidationThreshold
        guard isLarge && path != "-" else {
            try writeDocument(to: path)
            return
        }
        let validation = BackgroundComputation { [self] in validationIssues(sourceMap: sourceMap) }
        try ScenarioError.catching {
            let output = try OutputFile(path: path)
            let writer = JSONWriter(output: output)
            do {
                try encode(into: writer)
                try writer.finish()
            } catch {
                _ = validation.wait()
                throw error
            }
            let issues = validation.wait()
            guard issues.isEmpty else {
                output.discard()
                throw ScenarioError.invalid(issues)
            }
            try output.commit()
        }
    }

    /// Elements (nodes + links) from which `write(to:)` validates on a second thread.
    static let concurrentValidationThreshold = 50_000

    /// The canonical JSON text of the topology.
    public var jsonText: String { documentText }

    func issuesBeforeWriting(to path: String) -> [ValidationIssue] {
        validationIssues(sourceMap: TopologySourceMap(path: path))
    }

    /// Writes the topology object into `writer` (for files and for embedding).
    public func encode(into writer: JSONWriter) throws(StreamingIOError) {
        writer.beginObject()
        writer.key("format")
        writer.string(Self.formatName)
        writer.key("version")
        writer.integer(Self.formatVersion)
        writer.key("name")
        writer.string(name)
        writer.key("provenance")
        encodeProvenance(into: writer)
        writer.key("nodes")
        writer.beginArray()
        // Elements are encoded in place (borrowed from the array's buffer), not copied.
        try nodes.withUnsafeBufferPointer { (buffer) throws(StreamingIOError) in
            for index in buffer.indices {
                encode(buffer[index], into: writer)
                try writer.flushIfNeeded()
            }
        }
        writer.endArray()
        writer.key("links")
        writer.beginArray()
        try links.withUnsafeBufferPointer { (buffer) throws(StreamingIOError) in
            for index in buffer.indices {
                encode(buffer[index], into: writer)
                try writer.flushIfNeeded()
            }
        }
        writer.endArray()
        writer.key("media")
        writer.beginArray()
        for medium in media {
            writer.beginObject(.inline)
            writer.key("id")
            writer.string(medium.id)
            writer.key("bandwidthMbps")
            writer.number(medium.bandwidthMbps)
            writer.key("labels")
            writer.stringMap(medium.labels)
            writer.endObject()
        }
        writer.endArray()
        writer.endObject()
    }

    private func encodeProvenance(into writer: JSONWriter) {
        writer.beginObject(.inline)
        writer.key("source")
        writer.optionalString(provenance.source)
        writer.key("importer")
        writer.optionalString(provenance.importer)
        writer.key("generator")
        writer.optionalString(provenance.generator)
        writer.key("seed")
        if let seed = provenance.seed { writer.integer(Int64(bitPattern: seed)) } else { writer.null() }
        writer.key("parameters")
        writer.stringMap(provenance.parameters)
        writer.endObject()
    }

    private func encode(_ node: Node, into writer: JSONWriter) {
        writer.beginObject(.inline)
        writer.key("id")
        writer.string(node.id)
        writer.key("kind")
        writer.string(node.kind.rawValue)
        writer.key("tier")
        writer.integer(node.tier)
        writer.key("cores")
        writer.integer(node.cores)
        writer.key("coreSpeedMips")
        writer.number(node.coreSpeedMips)
        writer.key("memoryBytes")
        writer.integer(node.memoryBytes)
        writer.key("queueCapacity")
        if let capacity = node.queueCapacity { writer.integer(capacity) } else { writer.null() }
        writer.key("idlePowerWatts")
        writer.number(node.idlePowerWatts)
        writer.key("busyPowerWatts")
        writer.number(node.busyPowerWatts)
        writer.key("transmitPowerWatts")
        writer.number(node.transmitPowerWatts)
        writer.key("position")
        switch node.position {
        case .none:
            writer.null()
        case .geographic(let latitude, let longitude):
            writer.beginObject(.inline)
            writer.key("latitudeDegrees")
            writer.number(latitude)
            writer.key("longitudeDegrees")
            writer.number(longitude)
            writer.endObject()
        case .planar(let x, let y):
            writer.beginObject(.inline)
            writer.key("xMeters")
            writer.number(x)
            writer.key("yMeters")
            writer.number(y)
            writer.endObject()
        }
        writer.key("labels")
        writer.stringMap(node.labels)
        writer.endObject()
    }

    private func encode(_ link: Link, into writer: JSONWriter) {
        writer.beginObject(.inline)
        writer.key("id")
        writer.optionalString(link.id)
        writer.key("source")
        writer.string(link.source)
        writer.key("target")
        writer.string(link.target)
        writer.key("directed")
        writer.bool(link.directed)
        writer.key("bandwidthMbps")
        writer.number(link.bandwidthMbps)
        writer.key("latencyMs")
        writer.number(link.latencyMs)
        writer.key("latencyDistribution")
        switch link.latencyDistribution {
        case .none:
            writer.null()
        case .lognormal(let shape, let location, let scale):
            writer.beginObject(.inline)
            writer.key("kind")
            writer.string("lognormal")
            writer.key("shape")
            writer.number(shape)
            writer.key("locationMs")
            writer.number(location)
            writer.key("scaleMs")
            writer.number(scale)
            writer.endObject()
        }
        writer.key("sharedMedium")
        writer.optionalString(link.sharedMediumId)
        writer.key("labels")
        writer.stringMap(link.labels)
        // Written only for wireless links, so wired topologies keep their bytes.
        if let wireless = link.wireless {
            writer.key("wireless")
            writer.beginObject(.inline)
            for (key, value) in [
                ("channelBandwidthHz", wireless.channelBandwidthHz), ("carrierFrequencyHz", wireless.carrierFrequencyHz),
                ("pathLossExponent", wireless.pathLossExponent),
                ("referenceDistanceMeters", wireless.referenceDistanceMeters), ("noiseFigureDb", wireless.noiseFigureDb),
            ] {
                writer.key(key)
                writer.number(value)
            }
            writer.endObject()
        }
        writer.endObject()
    }
}
