import ScenarioModel

extension TopologyTable {
    /// The table as a `Topology` of value types.
    ///
    /// - Complexity: O(nodes + links) allocations (a label dictionary per element).
    func makeTopology() -> Topology {
        var topology = Topology(name: name, provenance: provenance, media: media)
        topology.nodes.reserveCapacity(nodeCount)
        for node in 0..<nodeCount {
            let figures = figures(ofNode: node)
            topology.nodes.append(Node(
                id: arena.string(nodeIds[node]), kind: figures.kind, tier: figures.tier, cores: figures.cores,
                coreSpeedMips: figures.coreSpeedMips, memoryBytes: figures.memoryBytes,
                queueCapacity: figures.queueCapacity, idlePowerWatts: figures.idlePowerWatts,
                busyPowerWatts: figures.busyPowerWatts, transmitPowerWatts: figures.transmitPowerWatts,
                position: position(ofNode: node), labels: labels(ofNode: node)))
        }
        topology.links.reserveCapacity(linkCount)
        for link in 0..<linkCount {
            let id = linkId(link)
            let medium = medium(ofLink: link)
            topology.links.append(Link(
                id: id.isPresent ? arena.string(id) : nil,
                source: arena.string(nodeIds[Int(linkSources[link])]),
                target: arena.string(nodeIds[Int(linkTargets[link])]),
                directed: linkDirected[link], bandwidthMbps: linkBandwidths[link], latencyMs: linkLatencies[link],
                latencyDistribution: distribution(ofLink: link),
                sharedMediumId: medium >= 0 ? media[Int(medium)].id : nil, labels: labels(ofLink: link)))
        }
        return topology
    }
}
