extension TopologyImportOptions {
    /// The options that shaped a topology mapped with `format`, as provenance
    /// parameters, so the import can be repeated exactly.
    func provenanceParameters(for format: TopologyFormat) -> [String: String] {
        var parameters: [String: String] = [:]
        if self.format != .auto { parameters["format"] = self.format.rawValue }
        if case .index(let index) = graphSelection { parameters["graph"] = String(index) }
        if undeclaredNodes != .error { parameters["undeclaredNodes"] = undeclaredNodes.rawValue }
        if !applyKeyDefaults { parameters["applyKeyDefaults"] = "false" }
        switch format {
        case .graphml, .auto:
            parameters["nodeKind"] = genericNodeKind.rawValue
            parameters["defaultBandwidthMbps"] = String(defaultBandwidthMbps)
            parameters["defaultLatencyMs"] = String(defaultLatencyMs)
            parameters["defaultCores"] = String(defaultCores)
            parameters["defaultCoreSpeedMips"] = String(defaultCoreSpeedMips)
            parameters["defaultMemoryBytes"] = String(defaultMemoryBytes)
        case .zoo:
            parameters["fibreMsPerKm"] = String(fibreMsPerKm)
            parameters["hopOverheadMs"] = String(hopOverheadMs)
            parameters["defaultBandwidthMbps"] = String(defaultBandwidthMbps)
            parameters["defaultLatencyMs"] = String(defaultLatencyMs)
            parameters["edgeServersPerPoP"] = String(edgeServersPerPoP)
            if edgeServersPerPoP > 0 {
                parameters["edgeServerCores"] = String(edgeServerCores)
                parameters["edgeServerCoreSpeedMips"] = String(edgeServerCoreSpeedMips)
                parameters["edgeServerMemoryBytes"] = String(edgeServerMemoryBytes)
                parameters["edgeServerLinkBandwidthMbps"] = String(edgeServerLinkBandwidthMbps)
                parameters["edgeServerLinkLatencyMs"] = String(edgeServerLinkLatencyMs)
            }
        case .ether:
            parameters["etherLinks"] = etherLinks.rawValue
            parameters["unconstrainedBandwidthMbps"] = String(unconstrainedBandwidthMbps)
            parameters["defaultCoreSpeedMips"] = String(defaultCoreSpeedMips)
        case .peersimgym:
            parameters["defaultBandwidthMbps"] = String(defaultBandwidthMbps)
            parameters["defaultLatencyMs"] = String(defaultLatencyMs)
            parameters["defaultCoreSpeedMips"] = String(defaultCoreSpeedMips)
        }
        return parameters
    }
}
