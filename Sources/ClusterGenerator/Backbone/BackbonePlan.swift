import ScenarioModel
import StreamingIO

/// A backbone checked and turned into router nodes and undirected links.
struct BackbonePlan {
    var nodes: [Node] = []
    var links: [Link] = []
    var routerIds: Set<String> = []

    init(_ backbone: Backbone, planner: inout ClusterPlanner) throws(GeneratorError) {
        guard backbone.bandwidthMbps > 0, backbone.bandwidthMbps.isFinite else {
            throw .invalidSpec(nil, "the backbone bandwidthMbps must be positive, found \(backbone.bandwidthMbps)")
        }
        guard !backbone.routers.isEmpty else {
            throw .invalidSpec(nil, "the backbone needs at least one router")
        }
        var positions: [String: (latitude: Double, longitude: Double)] = [:]
        let routerLabels = planner.labels(["block", "backbone"])
        for router in backbone.routers {
            guard !router.id.isEmpty else { throw .invalidSpec(router.location, "a router id is empty") }
            guard routerIds.insert(router.id).inserted else {
                throw .invalidSpec(router.location, "duplicate router id '\(MessageText.excerpt(router.id))'")
            }
            var position: Position?
            switch (router.latitudeDegrees, router.longitudeDegrees) {
            case (nil, nil):
                break
            case (let latitude?, let longitude?):
                guard (-90...90).contains(latitude), (-180...180).contains(longitude) else {
                    throw .invalidSpec(
                        router.location,
                        "router '\(MessageText.excerpt(router.id))': latitude must be in [-90, 90] and longitude in [-180, 180]")
                }
                positions[router.id] = (latitude, longitude)
                position = .geographic(latitudeDegrees: latitude, longitudeDegrees: longitude)
            default:
                throw .invalidSpec(
                    router.location, "router '\(MessageText.excerpt(router.id))' needs both latitudeDegrees and longitudeDegrees")
            }
            var labels = routerLabels
            for (key, value) in router.labels { labels[key] = value }
            nodes.append(Node(id: router.id, kind: .router, tier: 2, position: position, labels: labels))
        }

        var linked: Set<String> = []
        for link in backbone.links {
            for end in [link.source, link.target] where !routerIds.contains(end) {
                throw .invalidSpec(link.location, "backbone link to unknown router '\(MessageText.excerpt(end))'")
            }
            guard link.source != link.target else {
                throw .invalidSpec(link.location, "backbone link from '\(MessageText.excerpt(link.source))' to itself")
            }
            guard linked.insert(Self.pairKey(link.source, link.target)).inserted else {
                throw .invalidSpec(
                    link.location,
                    "duplicate backbone link between '\(MessageText.excerpt(link.source))' and '\(MessageText.excerpt(link.target))' (links are undirected)")
            }
            let latencyMs: Double
            let source: String
            switch link.latency {
            case .oneWayMs(let value):
                latencyMs = value
                source = "one-way"
            case .roundTripMs(let value):
                latencyMs = value / 2
                source = "round-trip/2"
            case .geographic:
                guard let from = positions[link.source], let to = positions[link.target] else {
                    throw .invalidSpec(
                        link.location,
                        "a geographic latency needs positions on both '\(MessageText.excerpt(link.source))' and '\(MessageText.excerpt(link.target))'")
                }
                latencyMs = backbone.latencyModel.latencyMs(
                    latitude1: from.latitude, longitude1: from.longitude, latitude2: to.latitude,
                    longitude2: to.longitude)
                source = "geographic"
            }
            guard latencyMs >= 0, latencyMs.isFinite else {
                throw .invalidSpec(
                    link.location, "a backbone latency must be a non-negative number, found \(latencyMs)")
            }
            links.append(
                Link(
                    source: link.source, target: link.target, directed: false, bandwidthMbps: backbone.bandwidthMbps,
                    latencyMs: latencyMs,
                    labels: planner.labels(["class", "wan", "role", "backbone", "latencySource", source])))
        }
        if backbone.meshByGeography {
            let positioned = backbone.routers.filter { positions[$0.id] != nil }
            guard positioned.count <= Self.maximumMeshRouters else {
                throw .invalidSpec(
                    nil,
                    "a geographic mesh of \(positioned.count) routers is too large "
                        + "(at most \(Self.maximumMeshRouters)); list the backbone links instead")
            }
            let labels = planner.labels(["class", "wan", "role", "backbone", "latencySource", "geographic"])
            for (index, first) in positioned.enumerated() {
                for second in positioned[(index + 1)...] where !linked.contains(Self.pairKey(first.id, second.id)) {
                    guard let from = positions[first.id], let to = positions[second.id] else { continue }
                    links.append(
                        Link(
                            source: first.id, target: second.id, directed: false, bandwidthMbps: backbone.bandwidthMbps,
                            latencyMs: backbone.latencyModel.latencyMs(
                                latitude1: from.latitude, longitude1: from.longitude, latitude2: to.latitude,
                                longitude2: to.longitude),
                            labels: labels))
                }
            }
        }
    }

    /// Routers a geographic full mesh may join (about 2 million links).
    static let maximumMeshRouters = 2048

    /// An order-independent key for a router pair.
    static func pairKey(_ first: String, _ second: String) -> String {
        first < second ? first + "\u{0}" + second : second + "\u{0}" + first
    }
}
