import StreamingIO

extension Topology {
    /// Every validation rule the topology breaks, in file order.
    ///
    /// Rules: unique non-empty node, link and medium ids; links between existing
    /// nodes and media; finite, non-negative numbers; compute nodes with at
    /// least one core and a positive core speed; positive bandwidths; latitude
    /// and longitude in range; sane latency distributions; wireless channels
    /// with positive parameters between positioned nodes.
    ///
    /// - Parameter sourceMap: Element positions, for messages with lines.
    /// - Complexity: O(nodes + links + media).
    public func validationIssues(sourceMap: TopologySourceMap) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        var nodeIndexById = IdentifierTable(capacity: nodes.count)

        for (index, node) in nodes.enumerated() {
            func report(_ field: String, _ message: String) {
                issues.append(ValidationIssue(sourceMap.node(index, field), message))
            }
            if node.id.isEmpty {
                report(".id", "node id is empty")
            } else if let first = nodeIndexById.insert(node.id, index: index) {
                report(".id", "duplicate node id '\(MessageText.excerpt(node.id))' (first defined at $.nodes[\(first)])")
            }
            if node.tier < 0 { report(".tier", "tier must be >= 0, found \(node.tier)") }
            if node.cores < 0 { report(".cores", "cores must be >= 0, found \(node.cores)") }
            checkNonNegative(node.coreSpeedMips, "coreSpeedMips") { report(".coreSpeedMips", $0) }
            if node.memoryBytes < 0 { report(".memoryBytes", "memoryBytes must be >= 0, found \(node.memoryBytes)") }
            if let capacity = node.queueCapacity, capacity < 0 {
                report(".queueCapacity", "queueCapacity must be >= 0 or null (unbounded), found \(capacity)")
            }
            checkNonNegative(node.idlePowerWatts, "idlePowerWatts") { report(".idlePowerWatts", $0) }
            checkNonNegative(node.busyPowerWatts, "busyPowerWatts") { report(".busyPowerWatts", $0) }
            checkNonNegative(node.transmitPowerWatts, "transmitPowerWatts") { report(".transmitPowerWatts", $0) }
            if node.kind.isCompute {
                if node.cores < 1 {
                    report(".cores", "\(node.kind.rawValue) node '\(MessageText.excerpt(node.id))' must have at least 1 core")
                }
                if !(node.coreSpeedMips > 0) {
                    report(".coreSpeedMips", "\(node.kind.rawValue) node '\(MessageText.excerpt(node.id))' must have coreSpeedMips > 0")
                }
            }
            switch node.position {
            case .geographic(let latitude, let longitude):
                if !(latitude >= -90 && latitude <= 90) {
                    report(".position.latitudeDegrees", "latitude must be within [-90, 90], found \(latitude)")
                }
                if !(longitude >= -180 && longitude <= 180) {
                    report(".position.longitudeDegrees", "longitude must be within [-180, 180], found \(longitude)")
                }
            case .planar(let x, let y):
                if !x.isFinite || !y.isFinite { report(".position", "position coordinates must be finite") }
            case .none:
                break
            }
        }

        var mediumIds = IdentifierTable(capacity: media.count)
        for (index, medium) in media.enumerated() {
            if medium.id.isEmpty {
                issues.append(ValidationIssue(sourceMap.medium(index, ".id"), "medium id is empty"))
            } else if mediumIds.insert(medium.id, index: index) != nil {
                issues.append(ValidationIssue(sourceMap.medium(index, ".id"), "duplicate medium id '\(MessageText.excerpt(medium.id))'"))
            }
            if !(medium.bandwidthMbps > 0) || !medium.bandwidthMbps.isFinite {
                issues.append(ValidationIssue(
                    sourceMap.medium(index, ".bandwidthMbps"),
                    "bandwidthMbps must be a positive finite number, found \(medium.bandwidthMbps)"))
            }
        }

        var linkIds: [String: Int] = [:]
        for (index, link) in links.enumerated() {
            func report(_ field: String, _ message: String) {
                issues.append(ValidationIssue(sourceMap.link(index, field), message))
            }
            if let id = link.id {
                if let first = linkIds[id] {
                    report(".id", "duplicate link id '\(MessageText.excerpt(id))' (first defined at $.links[\(first)])")
                } else {
                    linkIds[id] = index
                }
            }
            if !nodeIndexById.contains(link.source) {
                report(".source", "unknown node '\(MessageText.excerpt(link.source))'")
            }
            if !nodeIndexById.contains(link.target) {
                report(".target", "unknown node '\(MessageText.excerpt(link.target))'")
            }
            if !(link.bandwidthMbps > 0) || !link.bandwidthMbps.isFinite {
                report(".bandwidthMbps", "bandwidthMbps must be a positive finite number, found \(link.bandwidthMbps)")
            }
            checkNonNegative(link.latencyMs, "latencyMs") { report(".latencyMs", $0) }
            if case .lognormal(let shape, let location, let scale) = link.latencyDistribution {
                if !(shape > 0) || !shape.isFinite {
                    report(".latencyDistribution.shape", "shape must be a positive finite number, found \(shape)")
                }
                if !(scale > 0) || !scale.isFinite {
                    report(".latencyDistribution.scaleMs", "scaleMs must be a positive finite number, found \(scale)")
                }
                checkNonNegative(location, "locationMs") { report(".latencyDistribution.locationMs", $0) }
            }
            if let medium = link.sharedMediumId, !mediumIds.contains(medium) {
                report(".sharedMedium", "unknown shared medium '\(MessageText.excerpt(medium))'")
            }
            if let wireless = link.wireless {
                for (field, value) in [
                    ("channelBandwidthHz", wireless.channelBandwidthHz), ("carrierFrequencyHz", wireless.carrierFrequencyHz),
                    ("pathLossExponent", wireless.pathLossExponent),
                    ("referenceDistanceMeters", wireless.referenceDistanceMeters),
                ] where !(value > 0) || !value.isFinite {
                    report(".wireless." + field, "\(field) must be a positive finite number, found \(value)")
                }
                checkNonNegative(wireless.noiseFigureDb, "noiseFigureDb") { report(".wireless.noiseFigureDb", $0) }
                if let source = nodeIndexById[link.source], let target = nodeIndexById[link.target] {
                    let ends = (nodes[source].position, nodes[target].position)
                    if let first = ends.0, let second = ends.1 {
                        if first.distanceMeters(to: second) == nil {
                            report(".wireless", "a wireless link needs both ends positioned the same way (both planar or both geographic)")
                        }
                    } else {
                        report(".wireless", "a wireless link needs positions on both end nodes, to compute the distance")
                    }
                }
            }
        }
        return issues
    }

    private func checkNonNegative(_ value: Double, _ name: String, _ report: (String) -> Void) {
        if !value.isFinite {
            report("\(name) must be finite, found \(value)")
        } else if value < 0 {
            report("\(name) must be >= 0, found \(value)")
        }
    }
}
