import ScenarioModel
import StreamingIO

extension GenericMapper {
    // MARK: - Links

    /// The edge attributes the link mapping reads.
    struct LinkColumns {
        var bandwidths, latencies, directedFlags, distributions: TextColumn?
        var shapes, locations, scales, media: TextColumn?
        var mediumNumbers: [String: Int32]
    }

    /// The links of one range of edges, mapped independently of the others.
    struct LinkPart {
        var bandwidths = DoubleColumn()
        var latencies = DoubleColumn()
        var directedOverrides: [(edge: Int, isDirected: Bool)] = []
        var distributions: [(edge: Int, distribution: LatencyDistribution)] = []
        var media: [(edge: Int, medium: Int32)] = []
        var bandwidthDefaulted = 0
        var latencyDefaulted = 0
        var anyDefaulted = 0
    }

    /// Edges below which the links map on one thread.
    static let parallelLinkThreshold = 50_000

    /// Maps every edge to a link (two threads for large graphs, each taking
    /// half the edges); `summary` receives the defaulted counts.
    ///
    /// - Throws: `.invalid` at the first edge, in order, whose figures break a rule.
    func mapLinks(into table: TopologyTable, summary: inout TopologyImportSummary) throws(TopologyImportError) {
        var mediumNumbers: [String: Int32] = [:]
        for (index, medium) in table.media.enumerated() { mediumNumbers[medium.id] = Int32(index) }
        let columns = LinkColumns(
            bandwidths: support.column(anyOf: Self.bandwidthNames, .edge),
            latencies: support.column(anyOf: Self.latencyNames, .edge),
            directedFlags: support.column("directed", .edge),
            distributions: support.column("latencyDistribution", .edge),
            shapes: support.column("latencyDistributionShape", .edge),
            locations: support.column("latencyDistributionLocationMs", .edge),
            scales: support.column("latencyDistributionScaleMs", .edge),
            media: support.column("sharedMedium", .edge), mediumNumbers: mediumNumbers)
        let count = graph.edgeCount
        var parts: [LinkPart]
        if count >= Self.parallelLinkThreshold && ProcessorCount.online > 1 {
            let middle = count / 2
            let second = SecondHalf()
            let helper = WorkerThread { [self] in
                do throws(TopologyImportError) {
                    second.part = try mapLinks(middle..<count, columns)
                } catch {
                    second.failure = error
                }
            }
            if helper == nil { second.part = try mapLinks(middle..<count, columns) }
            let first: LinkPart
            do {
                first = try mapLinks(0..<middle, columns)
            } catch {
                helper?.join()
                throw error
            }
            helper?.join()
            if let failure = second.failure { throw failure }
            parts = [first, second.part]
        } else {
            parts = [try mapLinks(0..<count, columns)]
        }
        table.linkSources = graph.edgeSources
        table.linkTargets = graph.edgeTargets
        table.linkIdsAreUnique = true
        if graph.edgeIds.contains(where: \.isPresent) { table.linkIds = graph.edgeIds }
        table.linkDirected = graph.edgeDirected
        table.linkBandwidths.reserveCapacity(count)
        table.linkLatencies.reserveCapacity(count)
        var counts = (bandwidth: 0, latency: 0, any: 0)
        for index in parts.indices {
            let part = parts[index]
            table.linkBandwidths.append(contentsOf: part.bandwidths)
            table.linkLatencies.append(contentsOf: part.latencies)
            for override in part.directedOverrides { table.linkDirected[override.edge] = override.isDirected }
            for entry in part.distributions {
                if table.linkDistributions.isEmpty { table.linkDistributions = Array(repeating: nil, count: count) }
                table.linkDistributions[entry.edge] = entry.distribution
            }
            for entry in part.media {
                if table.linkMedia.isEmpty { table.linkMedia = Array(repeating: -1, count: count) }
                table.linkMedia[entry.edge] = entry.medium
            }
            counts.bandwidth += part.bandwidthDefaulted
            counts.latency += part.latencyDefaulted
            counts.any += part.anyDefaulted
            parts[index] = LinkPart()
        }
        table.linkLabels = support.labelColumns(for: .edge, consumed: Set(Self.linkFields))
        summary.set("links_defaulted", counts.any)
        summary.set("links_bandwidth_defaulted", counts.bandwidth)
        summary.set("links_latency_defaulted", counts.latency)
    }

    /// Carries the second half's links or error back from the helper thread.
    private final class SecondHalf {
        var part = LinkPart()
        var failure: TopologyImportError?
    }

    /// Maps edges `range`.
    private func mapLinks(_ range: Range<Int>, _ columns: LinkColumns) throws(TopologyImportError) -> LinkPart {
        var part = LinkPart()
        part.bandwidths.reserveCapacity(range.count)
        part.latencies.reserveCapacity(range.count)
        for edge in range {
            var defaulted = false
            var bandwidth = options.defaultBandwidthMbps
            if let value = try support.double(columns.bandwidths, edge, domain: .edge) {
                guard value > 0 && value.isFinite else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): bandwidth must be a positive number of Mbit/s, found \(value)")
                }
                bandwidth = value
            } else {
                part.bandwidthDefaulted += 1
                defaulted = true
            }
            var latency = options.defaultLatencyMs
            if let value = try support.double(columns.latencies, edge, domain: .edge) {
                guard value >= 0 && value.isFinite else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): latency must be a number of ms >= 0, found \(value)")
                }
                latency = value
            } else {
                part.latencyDefaulted += 1
                defaulted = true
            }
            if defaulted { part.anyDefaulted += 1 }
            part.bandwidths.append(bandwidth)
            part.latencies.append(latency)
            if let flag = try support.bool(columns.directedFlags, edge, domain: .edge) {
                part.directedOverrides.append((edge, flag))
            }
            if let kind = support.string(columns.distributions, edge) {
                guard kind == "lognormal" else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): latencyDistribution '\(MessageText.excerpt(kind))' is not 'lognormal'")
                }
                guard let shape = try support.double(columns.shapes, edge, domain: .edge),
                    let location = try support.double(columns.locations, edge, domain: .edge),
                    let scale = try support.double(columns.scales, edge, domain: .edge)
                else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): a lognormal latencyDistribution needs latencyDistributionShape, latencyDistributionLocationMs and latencyDistributionScaleMs")
                }
                part.distributions.append((edge, try support.lognormal(shape: shape, locationMs: location, scaleMs: scale, edge: edge)))
            }
            if let medium = support.string(columns.media, edge) {
                guard let number = columns.mediumNumbers[medium] else {
                    throw .invalid(graph.edgeLocation(edge), message: "\(support.what(.edge, edge)): sharedMedium '\(MessageText.excerpt(medium))' is not among the graph's media")
                }
                part.media.append((edge, number))
            }
        }
        return part
    }
}
