import ScenarioModel
import StreamingIO

/// A whole cluster as data: extra archetypes, a backbone, and the blocks
/// placed at its routers. Built-in scenarios produce one; spec files
/// (`edgesim generate --spec FILE.json`, format `edgesim-cluster-spec`)
/// decode into one.
public struct ClusterSpec: Hashable, Sendable {
    /// A block placed at a backbone router.
    public struct Site: Hashable, Sendable {
        /// The router the block attaches to.
        public var router: String
        /// The block.
        public var block: Block
        /// Where the site was written in a spec file.
        public var location: SourceLocation?

        /// Creates a site.
        public init(at router: String, _ block: Block, location: SourceLocation? = nil) {
            self.router = router
            self.block = block
            self.location = location
        }
    }

    /// The `format` of spec files.
    public static let formatName = "edgesim-cluster-spec"
    /// The spec format version this build reads.
    public static let formatVersion = 1

    /// The topology's name.
    public var name: String
    /// Archetypes besides the built-in catalogue (they may shadow built-in names).
    public var archetypes: [DeviceArchetype]
    /// The backbone.
    public var backbone: Backbone
    /// The blocks, materialised in order.
    public var sites: [Site]

    /// Creates a spec.
    public init(name: String, archetypes: [DeviceArchetype] = [], backbone: Backbone = .internet, sites: [Site]) {
        self.name = name
        self.archetypes = archetypes
        self.backbone = backbone
        self.sites = sites
    }
}
