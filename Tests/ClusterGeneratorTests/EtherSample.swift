import ScenarioModel

/// An Ether export (`../shared/data/topologies/ether/*.json`, networkx
/// node-link data) reduced to what edgesim's generator makes of the same
/// structure, so the two can be compared count for count.
///
/// Ether's `Link` vertices are capacities, not edges; each connection runs
/// from child (`source`) to parent (`target`). The reduction follows the
/// mapping in FORMAT.md: a host's NIC `Link` vertex and its two connections
/// become one host link with the NIC's bandwidth; a cell switch's connection to
/// its parent becomes a switch link (capacity-less in Ether: the generator's
/// 10 Gbit/s); a shared medium's connection to its parent becomes a shared
/// link with the medium's bandwidth; an `UpDownLink` becomes a directed uplink
/// and downlink with the up/down vertices' bandwidths; internet-to-internet
/// connections are backbone links.
struct EtherSample {
    struct Vertex {
        var kind: String
        var linkType: String?
        var bandwidth: Double?
        var model: String?
    }

    /// A reduced link: what a canonical link is, for counting.
    struct LinkClass: Hashable, CustomStringConvertible {
        var role: String
        var latencyClass: String
        var directed: Bool
        var bandwidthMbps: Double
        var inSharedMedium: Bool

        var description: String {
            "\(role)/\(latencyClass)/\(directed ? "directed" : "undirected")/\(bandwidthMbps)"
                + (inSharedMedium ? "/medium" : "")
        }
    }

    var vertices: [String: Vertex] = [:]
    var computeModels: [String: Int] = [:]
    var linkClasses: [LinkClass: Int] = [:]
    var backboneArcs: [(source: String, target: String, latencyMs: Double)] = []
    /// Per shared medium, the number of 2-rpi3 IoT boxes attached (urban sensing's n).
    var neighbourhoodSizes: [String: Int] = [:]

    static let switchBandwidthMbps = 10_000.0

    init(path: String) throws {
        let document = try JSONValue.parse(path: path)
        for node in document["nodes"]?.array ?? [] {
            guard let id = node["id"]?.string, let kind = node["kind"]?.string else { continue }
            let vertex = Vertex(
                kind: kind, linkType: node["link_type"]?.string, bandwidth: node["bandwidth"]?.number,
                model: node["ether_model"]?.string)
            vertices[id] = vertex
            if kind == "node", let model = vertex.model { computeModels[model, default: 0] += 1 }
        }
        struct Arc {
            var source: String
            var target: String
            var directed: Bool
            var isForward: Bool
            var latencyClass: String
            var latencyMs: Double
        }
        var arcs: [Arc] = []
        for arc in document["links"]?.array ?? [] {
            guard let source = arc["source"]?.string, let target = arc["target"]?.string,
                vertices[source] != nil, vertices[target] != nil
            else { continue }
            arcs.append(
                Arc(
                    source: source, target: target, directed: arc["directed"]?.bool ?? false,
                    isForward: arc["conn_forward"]?.bool ?? true, latencyClass: Self.latencyClass(of: arc),
                    latencyMs: arc["latency"]?.number ?? 0))
        }
        // Each connection runs from child (source) to parent (target) on its forward arc.
        var parent: [String: String] = [:]
        for arc in arcs where !arc.directed && arc.isForward { parent[arc.source] = arc.target }

        for arc in arcs {
            guard let from = vertices[arc.source], let to = vertices[arc.target] else { continue }
            if from.kind == "internet" && to.kind == "internet" {
                backboneArcs.append((arc.source, arc.target, arc.latencyMs))
                if !arc.directed && arc.isForward {
                    count(
                        LinkClass(
                            role: "backbone", latencyClass: "wan", directed: false,
                            bandwidthMbps: 0, inSharedMedium: false))
                }
                continue
            }
            if arc.directed {
                // UpDownLink: the arc into the up or down vertex carries the latency.
                if to.kind == "link", let type = to.linkType, type == "uplink" || type == "downlink" {
                    count(
                        LinkClass(
                            role: type, latencyClass: arc.latencyClass, directed: true,
                            bandwidthMbps: to.bandwidth ?? 0,
                            inSharedMedium: false))
                }
                continue
            }
            guard arc.isForward else { continue }
            let nicParent = parent[arc.target].flatMap { vertices[$0] }
            switch (from.kind, from.linkType) {
            case ("node", _):
                // The host's NIC vertex is `to`; the NIC's own parent decides the medium.
                count(
                    LinkClass(
                        role: "host", latencyClass: arc.latencyClass, directed: false, bandwidthMbps: to.bandwidth ?? 0,
                        inSharedMedium: nicParent?.linkType == "shared"))
            case ("switch", _):
                count(
                    LinkClass(
                        role: "switch", latencyClass: arc.latencyClass, directed: false,
                        bandwidthMbps: Self.switchBandwidthMbps, inSharedMedium: to.linkType == "shared"))
            case ("link", "shared"):
                count(
                    LinkClass(
                        role: "shared", latencyClass: arc.latencyClass, directed: false,
                        bandwidthMbps: from.bandwidth ?? 0,
                        inSharedMedium: false))
            default:
                break  // a NIC's connection to its parent is part of the host link
            }
        }
        // Neighbourhood sizes: switches under a shared medium holding exactly two rpi3 NICs.
        var rpi3PerSwitch: [String: Int] = [:]
        for arc in arcs where !arc.directed && arc.isForward && arc.source.hasPrefix("link_rpi3_") {
            if vertices[arc.target]?.kind == "switch" { rpi3PerSwitch[arc.target, default: 0] += 1 }
        }
        for (switchId, count) in rpi3PerSwitch where count == 2 {
            if let medium = parent[switchId], vertices[medium]?.linkType == "shared" {
                neighbourhoodSizes[medium, default: 0] += 1
            }
        }
    }

    private mutating func count(_ linkClass: LinkClass) {
        linkClasses[linkClass, default: 0] += 1
    }

    /// Ether's latency distributions by their shape parameter.
    static func latencyClass(of arc: JSONValue) -> String {
        if let shape = arc["latency_dist_shape"]?.number {
            switch shape {
            case 0.25: return "lan"
            case 0.635: return "wlan"
            case 0.87: return "business_isp"
            case 0.49: return "mobile_isp"
            default: return "custom"
            }
        }
        if arc["inet"]?.bool == true { return "wan" }
        return (arc["latency"]?.number ?? 0) > 0 ? "fixed" : "direct"
    }

    /// The same reduction of a generated topology.
    static func linkClasses(of topology: Topology) -> [LinkClass: Int] {
        var counts: [LinkClass: Int] = [:]
        for link in topology.links {
            let role = link.labels["role"] ?? "?"
            let linkClass = LinkClass(
                role: role, latencyClass: link.labels["class"] ?? "?", directed: link.directed,
                bandwidthMbps: role == "backbone" ? 0 : link.bandwidthMbps, inSharedMedium: link.sharedMediumId != nil)
            counts[linkClass, default: 0] += 1
        }
        return counts
    }

    /// Compute nodes by Ether model label.
    static func computeModels(of topology: Topology) -> [String: Int] {
        var counts: [String: Int] = [:]
        for node in topology.nodes where node.kind.isCompute {
            counts[node.labels["ether.edgerun.io/model"] ?? "?", default: 0] += 1
        }
        return counts
    }
}
