import ScenarioModel
import StreamingIO

/// The wide-area part of a cluster: routers (Ether's `internet*` vertices)
/// and the one-way latencies between them.
///
/// Unlike Ether's inet graphs, every backbone link is **undirected** (both
/// directions exist; Ether loses the reverse arc of undirected graphs) and its
/// latency is **one way** (Ether uses measured round-trip averages as one-way
/// arc latencies, so its routes come out about twice too slow). Latencies come
/// from the spec as one-way values, as round trips (halved), or from the
/// routers' coordinates through `GeographicLatencyModel`.
public struct Backbone: Hashable, Sendable {
    /// A backbone router.
    public struct Router: Hashable, Sendable {
        /// The node id (`internet`, `internet_chix`, `internet_eu-west-1`).
        public var id: String
        /// WGS 84 position, when known (built-in regions have one).
        public var latitudeDegrees: Double?
        /// WGS 84 position, when known.
        public var longitudeDegrees: Double?
        /// Labels of the router node (`region`, `city`).
        public var labels: [String: String]
        /// Where the router was written in a spec file.
        public var location: SourceLocation?

        /// Creates a router.
        public init(
            id: String, latitudeDegrees: Double? = nil, longitudeDegrees: Double? = nil,
            labels: [String: String] = [:], location: SourceLocation? = nil
        ) {
            self.id = id
            self.latitudeDegrees = latitudeDegrees
            self.longitudeDegrees = longitudeDegrees
            self.labels = labels
            self.location = location
        }

        /// A router at a built-in cloud region.
        public init(id: String, region: CloudRegion) {
            self.init(
                id: id, latitudeDegrees: region.latitudeDegrees, longitudeDegrees: region.longitudeDegrees,
                labels: ["region": region.id, "city": region.city])
        }
    }

    /// How a backbone link's latency is given.
    public enum Latency: Hashable, Sendable {
        /// A one-way latency in milliseconds.
        case oneWayMs(Double)
        /// A measured round trip in milliseconds; the link gets half of it.
        case roundTripMs(Double)
        /// From the two routers' coordinates (`GeographicLatencyModel`).
        case geographic
    }

    /// A link between two routers.
    public struct Link: Hashable, Sendable {
        /// One end.
        public var source: String
        /// The other end.
        public var target: String
        /// Its latency.
        public var latency: Latency
        /// Where the link was written in a spec file.
        public var location: SourceLocation?

        /// Creates a link.
        public init(source: String, target: String, latency: Latency, location: SourceLocation? = nil) {
            self.source = source
            self.target = target
            self.latency = latency
            self.location = location
        }
    }

    /// The routers, in node order.
    public var routers: [Router]
    /// Explicit links.
    public var links: [Link]
    /// Also join every pair of positioned routers that has no explicit link,
    /// with the geographic model (a full mesh of regions).
    public var meshByGeography: Bool
    /// Capacity of every backbone link (assumption: 100 Gbit/s long-haul).
    public var bandwidthMbps: Double
    /// The model for geographic latencies.
    public var latencyModel: GeographicLatencyModel

    /// Creates a backbone.
    public init(
        routers: [Router], links: [Link] = [], meshByGeography: Bool = false, bandwidthMbps: Double = 100_000,
        latencyModel: GeographicLatencyModel = GeographicLatencyModel()
    ) {
        self.routers = routers
        self.links = links
        self.meshByGeography = meshByGeography
        self.bandwidthMbps = bandwidthMbps
        self.latencyModel = latencyModel
    }

    /// Ether's default: one `internet` vertex.
    public static let internet = Backbone(routers: [Router(id: "internet")])

    /// Routers at built-in cloud regions, named `<prefix><region>`, fully meshed by geography.
    public static func regions(_ regions: [CloudRegion], prefix: String = "internet_") -> Backbone {
        Backbone(routers: regions.map { Router(id: prefix + $0.id, region: $0) }, meshByGeography: true)
    }
}
