import ScenarioModel
import StreamingIO

extension TopologyTable {
    /// Every canonical validation rule the table breaks (the rules of
    /// `Topology.validationIssues`), checked on the columns without building
    /// the topology. Locations are JSON paths in the file to be written.
    ///
    /// - Complexity: O(nodes + links) with one hash lookup per id.
    func validationIssues(path: String, limit: Int = 20) -> [ValidationIssue] {
        var issues: [ValidationIssue] = []
        func report(_ jsonPath: String, _ message: String) {
            if issues.count < limit { issues.append(ValidationIssue(SourceLocation(path: path, jsonPath: jsonPath), message)) }
        }
        var firstNodeOfProfile = Array(repeating: -1, count: profiles.count)
        for (node, profile) in nodeProfiles.enumerated() where firstNodeOfProfile[Int(profile)] < 0 {
            firstNodeOfProfile[Int(profile)] = node
        }
        for (number, figures) in profiles.enumerated() {
            let node = firstNodeOfProfile[number]
            guard node >= 0 else { continue }
            let at = "$.nodes[\(node)]"
            let id = arena.string(nodeIds[node])
            if figures.tier < 0 { report(at + ".tier", "tier must be >= 0, found \(figures.tier)") }
            if figures.cores < 0 { report(at + ".cores", "cores must be >= 0, found \(figures.cores)") }
            if figures.memoryBytes < 0 { report(at + ".memoryBytes", "memoryBytes must be >= 0, found \(figures.memoryBytes)") }
            if let capacity = figures.queueCapacity, capacity < 0 {
                report(at + ".queueCapacity", "queueCapacity must be >= 0 or null, found \(capacity)")
            }
            for (name, value) in [("coreSpeedMips", figures.coreSpeedMips), ("idlePowerWatts", figures.idlePowerWatts),
                                  ("busyPowerWatts", figures.busyPowerWatts), ("transmitPowerWatts", figures.transmitPowerWatts)]
            where !(value.isFinite && value >= 0) {
                report(at + ".\(name)", "\(name) must be a finite number >= 0, found \(value)")
            }
            if figures.kind.isCompute {
                if figures.cores < 1 { report(at + ".cores", "\(figures.kind.rawValue) node '\(MessageText.excerpt(id))' must have at least 1 core") }
                if !(figures.coreSpeedMips > 0) {
                    report(at + ".coreSpeedMips", "\(figures.kind.rawValue) node '\(MessageText.excerpt(id))' must have coreSpeedMips > 0")
                }
            }
        }
        let ids = TextIndex(expectedCount: nodeIdsAreUnique ? 0 : nodeCount)
        for node in 0..<nodeCount {
            let bytes = arena.bytes(nodeIds[node])
            if bytes.count == 0 { report("$.nodes[\(node)].id", "node id is empty") }
            if !nodeIdsAreUnique {
                let hash = TextIndex.hash(bytes)
                if let first = ids.find(bytes, hash: hash, arena: arena) {
                    report("$.nodes[\(node)].id", "duplicate node id '\(MessageText.excerpt(arena.string(nodeIds[node])))' (first defined at $.nodes[\(first)])")
                } else {
                    ids.insert(Int32(truncatingIfNeeded: node), reference: nodeIds[node], bytes: bytes, hash: hash, arena: arena)
                }
            }
            switch position(ofNode: node) {
            case .geographic(let latitude, let longitude):
                if !(latitude >= -90 && latitude <= 90) {
                    report("$.nodes[\(node)].position.latitudeDegrees", "latitude must be within [-90, 90], found \(latitude)")
                }
                if !(longitude >= -180 && longitude <= 180) {
                    report("$.nodes[\(node)].position.longitudeDegrees", "longitude must be within [-180, 180], found \(longitude)")
                }
            case .planar(let x, let y):
                if !x.isFinite || !y.isFinite { report("$.nodes[\(node)].position", "position coordinates must be finite") }
            case .none:
                break
            }
        }
        var mediumIds: Set<String> = []
        for (index, medium) in media.enumerated() {
            if medium.id.isEmpty { report("$.media[\(index)].id", "medium id is empty") }
            if !mediumIds.insert(medium.id).inserted { report("$.media[\(index)].id", "duplicate medium id '\(MessageText.excerpt(medium.id))'") }
            if !(medium.bandwidthMbps > 0 && medium.bandwidthMbps.isFinite) {
                report("$.media[\(index)].bandwidthMbps", "bandwidthMbps must be a positive finite number, found \(medium.bandwidthMbps)")
            }
        }
        let linkIndex = TextIndex(expectedCount: linkIdsAreUnique || linkIds.isEmpty ? 0 : linkCount)
        for link in 0..<linkCount {
            if !linkIdsAreUnique && !linkIds.isEmpty && linkIds[link].isPresent {
                let bytes = arena.bytes(linkIds[link])
                let hash = TextIndex.hash(bytes)
                if let first = linkIndex.find(bytes, hash: hash, arena: arena) {
                    report("$.links[\(link)].id", "duplicate link id '\(MessageText.excerpt(arena.string(linkIds[link])))' (first defined at $.links[\(first)])")
                } else {
                    linkIndex.insert(Int32(truncatingIfNeeded: link), reference: linkIds[link], bytes: bytes, hash: hash, arena: arena)
                }
            }
            if !(linkSources[link] >= 0 && Int(linkSources[link]) < nodeCount) { report("$.links[\(link)].source", "unknown node") }
            if !(linkTargets[link] >= 0 && Int(linkTargets[link]) < nodeCount) { report("$.links[\(link)].target", "unknown node") }
            let bandwidth = linkBandwidths[link]
            if !(bandwidth > 0 && bandwidth.isFinite) {
                report("$.links[\(link)].bandwidthMbps", "bandwidthMbps must be a positive finite number, found \(bandwidth)")
            }
            let latency = linkLatencies[link]
            if !(latency >= 0 && latency.isFinite) { report("$.links[\(link)].latencyMs", "latencyMs must be a finite number >= 0, found \(latency)") }
            if case .lognormal(let shape, let location, let scale) = distribution(ofLink: link) {
                if !(shape > 0 && shape.isFinite) { report("$.links[\(link)].latencyDistribution.shape", "shape must be a positive finite number, found \(shape)") }
                if !(scale > 0 && scale.isFinite) { report("$.links[\(link)].latencyDistribution.scaleMs", "scaleMs must be a positive finite number, found \(scale)") }
                if !(location >= 0 && location.isFinite) {
                    report("$.links[\(link)].latencyDistribution.locationMs", "locationMs must be a finite number >= 0, found \(location)")
                }
            }
            let medium = medium(ofLink: link)
            if medium >= 0 && Int(medium) >= media.count { report("$.links[\(link)].sharedMedium", "unknown shared medium") }
        }
        return issues
    }
}
