import ScenarioModel
import StreamingIO

#if canImport(Glibc)
import Glibc
#endif

/// Materialises a plan into nodes, links and media, drawing every random
/// value from the one generator it was given, in materialisation order.
///
/// Names are counted per prefix within this builder (Ether's counters, but
/// per topology, so two generations never continue each other's numbering).
/// Node and link label maps come from the plan and are shared, so a node
/// costs one id string and one array slot.
struct TopologyBuilder {
    private(set) var nodes: [Node] = []
    private(set) var links: [Link] = []
    private(set) var media: [SharedMedium] = []
    private var counters: [Int]
    // Every prefix with its `_`, back to back: a name costs no array retain.
    private let prefixBytes: [UInt8]
    private let prefixStarts: [Int]
    private var generator: SeededGenerator
    private let maximumNodes: Int

    /// Where children attach: the parent node, the medium its members share,
    /// and the point of the enclosing layout.
    struct Parent {
        var id: String
        var medium: String?
        var origin: Point?
    }

    struct Point {
        var x: Double
        var y: Double
    }

    init(prefixes: [String], generator: SeededGenerator, maximumNodes: Int) {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for prefix in prefixes {
            starts.append(bytes.count)
            bytes += Array(prefix.utf8) + [UInt8(ascii: "_")]
        }
        starts.append(bytes.count)
        prefixBytes = bytes
        prefixStarts = starts
        counters = [Int](repeating: 0, count: prefixes.count)
        self.generator = generator
        self.maximumNodes = maximumNodes
    }

    /// Reserves room for about `nodeCount` nodes and `linkCount` links.
    mutating func reserve(nodes nodeCount: Int, links linkCount: Int) {
        nodes.reserveCapacity(nodeCount)
        links.reserveCapacity(linkCount)
    }

    // MARK: - Blocks

    mutating func materialize(_ block: PlannedBlock, under parent: Parent, size: Int?) throws(GeneratorError) {
        switch block {
        case .hosts(let hosts):
            try materialize(hosts, under: parent, size: size)
        case .lan(let cell):
            let id = nextName(cell.switchSlot)
            try appendNetworkNode(id: id, kind: .switch, tier: 1, origin: parent.origin, labels: cell.labels)
            attach(id, to: parent, cell.attachment)
            let inner = Parent(id: id, medium: nil, origin: parent.origin)
            for member in cell.members { try materialize(member, under: inner, size: size) }
        case .shared(let cell):
            let id = nextName(cell.slot)
            try appendNetworkNode(id: id, kind: .switch, tier: 0, origin: parent.origin, labels: cell.nodeLabels)
            media.append(SharedMedium(id: id, bandwidthMbps: cell.bandwidthMbps, labels: cell.mediumLabels))
            attach(id, to: parent, cell.attachment)
            let inner = Parent(id: id, medium: id, origin: parent.origin)
            for member in cell.members { try materialize(member, under: inner, size: size) }
        case .repeated(let repetition):
            let count = try evaluate(repetition.count, size: size, location: repetition.location, what: "count")
            let columns = repetition.gridSpacingMeters == nil ? 1 : Self.gridColumns(count)
            for index in 0..<count {
                var inner = parent
                if let spacing = repetition.gridSpacingMeters {
                    let base = parent.origin ?? Point(x: 0, y: 0)
                    inner.origin = Point(
                        x: base.x + Double(index % columns) * spacing, y: base.y + Double(index / columns) * spacing)
                }
                var innerSize = size
                if let sizeCount = repetition.size {
                    innerSize = try evaluate(sizeCount, size: size, location: repetition.location, what: "size")
                }
                try materialize(repetition.block, under: inner, size: innerSize)
            }
        }
    }

    private mutating func materialize(_ hosts: PlannedHosts, under parent: Parent, size: Int?) throws(GeneratorError) {
        let count = try evaluate(hosts.count, size: size, location: hosts.location, what: "count")
        for _ in 0..<count {
            let archetype =
                hosts.archetypes.count == 1
                ? hosts.archetypes[0] : hosts.archetypes[generator.weightedIndex(hosts.weights)]
            var position: Position?
            if let origin = parent.origin {
                var point = origin
                if let radius = hosts.scatterMeters, radius > 0 {
                    // Uniform in a disc: radius scales with the square root of a uniform draw.
                    let distance = radius * generator.nextUnitInterval().squareRoot()
                    let angle = 2 * Double.pi * generator.nextUnitInterval()
                    point.x += distance * cos(angle)
                    point.y += distance * sin(angle)
                }
                position = Self.planar(point)
            }
            guard nodes.count < maximumNodes else { throw .tooLarge(limit: maximumNodes) }
            let id = nextName(archetype.nameSlot)
            nodes.append(
                Node(
                    id: id, kind: archetype.kind, tier: archetype.tier, cores: archetype.cores,
                    coreSpeedMips: archetype.coreSpeedMips, memoryBytes: archetype.memoryBytes,
                    queueCapacity: archetype.queueCapacity, idlePowerWatts: archetype.idlePowerWatts,
                    busyPowerWatts: archetype.busyPowerWatts, transmitPowerWatts: archetype.transmitPowerWatts,
                    position: position, labels: archetype.labels))
            attach(id, to: parent, hosts.attachment)
        }
    }

    // MARK: - Nodes and links

    /// Appends a backbone router or another node made outside the blocks.
    mutating func append(_ node: Node) throws(GeneratorError) {
        guard nodes.count < maximumNodes else { throw .tooLarge(limit: maximumNodes) }
        nodes.append(node)
    }

    /// Appends a link made outside the blocks (backbone links).
    mutating func append(_ link: Link) {
        links.append(link)
    }

    private mutating func appendNetworkNode(
        id: String, kind: NodeKind, tier: Int, origin: Point?, labels: [String: String]
    ) throws(GeneratorError) {
        guard nodes.count < maximumNodes else { throw .tooLarge(limit: maximumNodes) }
        nodes.append(Node(id: id, kind: kind, tier: tier, position: origin.map(Self.planar), labels: labels))
    }

    private mutating func attach(_ child: String, to parent: Parent, _ attachment: PlannedAttachment) {
        switch attachment.shape {
        case .undirected(let bandwidth, let labels):
            links.append(
                Link(
                    source: child, target: parent.id, directed: false, bandwidthMbps: bandwidth,
                    latencyMs: attachment.latencyMs, latencyDistribution: attachment.distribution,
                    sharedMediumId: parent.medium, labels: labels))
        case .upDown(let down, let up, let upLabels, let downLabels):
            links.append(
                Link(
                    source: child, target: parent.id, directed: true, bandwidthMbps: up,
                    latencyMs: attachment.latencyMs, latencyDistribution: attachment.distribution,
                    sharedMediumId: parent.medium, labels: upLabels))
            links.append(
                Link(
                    source: parent.id, target: child, directed: true, bandwidthMbps: down,
                    latencyMs: attachment.latencyMs, latencyDistribution: attachment.distribution,
                    sharedMediumId: parent.medium, labels: downLabels))
        }
    }

    // MARK: - Helpers

    private mutating func evaluate(
        _ count: Count, size: Int?, location: SourceLocation?, what: String
    ) throws(GeneratorError) -> Int {
        guard let value = count.evaluate(size: size, using: &generator) else {
            throw .countOutOfRange(
                location,
                "\(what) '\(count)' evaluated out of range (0...\(Count.maximum))"
                    + (size.map { " with n = \($0)" } ?? ""))
        }
        return value
    }

    /// The next id for a prefix: `<prefix>_<k>`, built from bytes (ids of up
    /// to 15 bytes are stored inline in the `String`, without allocating).
    private mutating func nextName(_ slot: Int) -> String {
        let number = counters[slot]
        counters[slot] = number &+ 1
        let start = prefixStarts[slot]
        let length = prefixStarts[slot + 1] - start
        var digits = 1
        var probe = number
        while probe >= 10 {
            probe /= 10
            digits += 1
        }
        return prefixBytes.withUnsafeBufferPointer { prefix in
            String(unsafeUninitializedCapacity: length + digits) { buffer in
                guard let base = buffer.baseAddress, let source = prefix.baseAddress else { return 0 }
                base.update(from: source + start, count: length)
                var remaining = number
                var index = length + digits
                while index > length {
                    index -= 1
                    base[index] = UInt8(truncatingIfNeeded: remaining % 10) &+ 0x30
                    remaining /= 10
                }
                return length + digits
            }
        }
    }

    /// Columns of the square grid holding `count` repetitions.
    static func gridColumns(_ count: Int) -> Int {
        var columns = 1
        while columns * columns < count { columns += 1 }
        return columns
    }

    /// Planar positions rounded to the centimetre, so platform differences in
    /// `sin`/`cos` cannot change the written bytes.
    static func planar(_ point: Point) -> Position {
        .planar(xMeters: (point.x * 100).rounded() / 100, yMeters: (point.y * 100).rounded() / 100)
    }
}
