import ScenarioModel
import StreamingIO

/// A composable building block of a cluster, in the spirit of Ether's cells:
/// hosts, a LAN cell behind a switch, a shared medium (wired or wireless),
/// a cloudlet of racks, or a repetition of another block.
///
/// Blocks are values: a scenario or a spec file composes them, and the
/// generator materialises them under a parent (a backbone router or the
/// switch of an enclosing cell). Each block attaches to its parent by its
/// `uplink` (an `Attachment`), or by Ether's default for the block:
///
/// | block | default attachment to the parent |
/// |---|---|
/// | hosts | the host's NIC link: 1000 Mbit/s, the parent cell's member latency (`lan`) |
/// | lan, cloudlet | a switch link: 10,000 Mbit/s (assumption; Ether's switches have no capacity), member latency |
/// | shared | a `direct` (0 ms) link with the medium's bandwidth |
public indirect enum Block: Hashable, Sendable {
    /// Compute nodes of one or more archetypes.
    case hosts(Hosts)
    /// A switch with member blocks (Ether's `LANCell`, `IoTComputeBox`).
    case lan(LANCell)
    /// A shared medium with member blocks (Ether's `SharedLinkCell`; a Wi-Fi
    /// cell or a radio cell with another member latency).
    case shared(SharedCell)
    /// Racks of servers behind a cloudlet switch (Ether's `Cloudlet`).
    case cloudlet(Cloudlet)
    /// Another block, several times (Ether's `GeoCell`).
    case repeated(Repeat)

    /// Where the block was written in a spec file, for messages.
    public var location: SourceLocation? {
        switch self {
        case .hosts(let block): return block.location
        case .lan(let block): return block.location
        case .shared(let block): return block.location
        case .cloudlet(let block): return block.location
        case .repeated(let block): return block.location
        }
    }
}

extension Block {
    /// Compute nodes: `count` hosts, each of an archetype drawn by weight.
    public struct Hosts: Hashable, Sendable {
        /// Archetype names with weights; one entry means every host is of it.
        public var archetypes: [WeightedArchetype]
        /// How many hosts.
        public var count: Count
        /// Overrides the archetypes' node kind (e.g. servers as `cloud`).
        public var kind: NodeKind?
        /// Overrides the NIC link.
        public var uplink: Attachment?
        /// With a layout, hosts are scattered uniformly in a disc of this
        /// radius around the repetition's point; nil puts them on the point.
        public var scatterMeters: Double?
        /// Where the block was written in a spec file.
        public var location: SourceLocation?

        /// Creates a hosts block.
        public init(
            _ archetypes: [WeightedArchetype], count: Count = .fixed(1), kind: NodeKind? = nil,
            uplink: Attachment? = nil, scatterMeters: Double? = nil, location: SourceLocation? = nil
        ) {
            self.archetypes = archetypes
            self.count = count
            self.kind = kind
            self.uplink = uplink
            self.scatterMeters = scatterMeters
            self.location = location
        }
    }

    /// An archetype name and its weight in a random mix.
    public struct WeightedArchetype: Hashable, Sendable {
        /// The archetype's name (built in or defined by the spec).
        public var name: String
        /// Relative weight (> 0).
        public var weight: Double

        /// Creates an entry.
        public init(_ name: String, weight: Double = 1) {
            self.name = name
            self.weight = weight
        }
    }

    /// A switch and its members.
    public struct LANCell: Hashable, Sendable {
        /// The members, attached to the switch.
        public var members: [Block]
        /// How the switch attaches to the parent (default: a switch link).
        public var uplink: Attachment?
        /// Switch ids are `<switchPrefix>_<k>` (Ether: `switch_lan`).
        public var switchPrefix: String
        /// Where the block was written in a spec file.
        public var location: SourceLocation?

        /// Creates a LAN cell.
        public init(
            _ members: [Block], uplink: Attachment? = nil, switchPrefix: String = "switch_lan",
            location: SourceLocation? = nil
        ) {
            self.members = members
            self.uplink = uplink
            self.switchPrefix = switchPrefix
            self.location = location
        }
    }

    /// A shared medium: members contend for `bandwidthMbps` (a canonical
    /// shared medium), reach each other through the medium's hub node, and
    /// attach with `memberLatency` (Ether: `lan`; `wlan` for Wi-Fi).
    public struct SharedCell: Hashable, Sendable {
        /// The members.
        public var members: [Block]
        /// The capacity all members share.
        public var bandwidthMbps: Double
        /// The latency of member links.
        public var memberLatency: LatencyClass
        /// How the hub attaches to the parent (default: a `direct` link with the shared bandwidth).
        public var uplink: Attachment?
        /// Hub and medium ids are `<prefix>_<k>` (Ether: `shared`).
        public var prefix: String
        /// Where the block was written in a spec file.
        public var location: SourceLocation?

        /// Creates a shared cell.
        public init(
            _ members: [Block], bandwidthMbps: Double = 300, memberLatency: LatencyClass = .lan,
            uplink: Attachment? = nil, prefix: String = "shared", location: SourceLocation? = nil
        ) {
            self.members = members
            self.bandwidthMbps = bandwidthMbps
            self.memberLatency = memberLatency
            self.uplink = uplink
            self.prefix = prefix
            self.location = location
        }
    }

    /// Racks of servers, each rack a LAN cell joined to the cloudlet switch.
    public struct Cloudlet: Hashable, Sendable {
        /// Servers in each rack.
        public var serversPerRack: Count
        /// Racks.
        public var racks: Count
        /// The servers' archetype.
        public var archetype: String
        /// Overrides the archetype's node kind.
        public var kind: NodeKind?
        /// How the cloudlet switch attaches to the parent.
        public var uplink: Attachment?
        /// Where the block was written in a spec file.
        public var location: SourceLocation?

        /// Creates a cloudlet (Ether's default: 5 servers per rack, 1 rack).
        public init(
            serversPerRack: Count = .fixed(5), racks: Count = .fixed(1), archetype: String = "server",
            kind: NodeKind? = nil, uplink: Attachment? = nil, location: SourceLocation? = nil
        ) {
            self.serversPerRack = serversPerRack
            self.racks = racks
            self.archetype = archetype
            self.kind = kind
            self.uplink = uplink
            self.location = location
        }
    }

    /// A block repeated `count` times; with a `size`, each repetition first
    /// draws `n` from it, and counts inside may use `n` (Ether's
    /// `GeoCell(count, density, [neighborhood])`).
    public struct Repeat: Hashable, Sendable {
        /// Repetitions.
        public var count: Count
        /// The size drawn per repetition (binds `n`).
        public var size: Count?
        /// The repeated block.
        public var block: Block
        /// Places repetitions on a square grid with this spacing (planar
        /// positions); nil leaves positions to an enclosing layout or unset.
        public var gridSpacingMeters: Double?
        /// Where the block was written in a spec file.
        public var location: SourceLocation?

        /// Creates a repetition.
        public init(
            _ block: Block, count: Count, size: Count? = nil, gridSpacingMeters: Double? = nil,
            location: SourceLocation? = nil
        ) {
            self.count = count
            self.size = size
            self.block = block
            self.gridSpacingMeters = gridSpacingMeters
            self.location = location
        }
    }
}

// MARK: - Conveniences for scenarios written in Swift

extension Block {
    /// `count` hosts of one archetype.
    public static func hosts(_ archetype: String, count: Count = .fixed(1), kind: NodeKind? = nil) -> Block {
        .hosts(Hosts([WeightedArchetype(archetype)], count: count, kind: kind))
    }
}
