/// Where a topology came from, so results can be traced back to their inputs.
public struct Provenance: Hashable, Sendable {
    /// The source file, as given to the importer (nil for generated topologies).
    public var source: String?
    /// The importer that read it (`graphml`, `zoo`, `ether`, `peersimgym`, ...).
    public var importer: String?
    /// The generator scenario that synthesised it (`urban-sensing`, ...).
    public var generator: String?
    /// The seed the generator used.
    public var seed: UInt64?
    /// Importer or generator parameters, as strings, for the record.
    public var parameters: [String: String]

    /// Creates a provenance record; everything is optional.
    public init(
        source: String? = nil, importer: String? = nil, generator: String? = nil,
        seed: UInt64? = nil, parameters: [String: String] = [:]
    ) {
        self.source = source
        self.importer = importer
        self.generator = generator
        self.seed = seed
        self.parameters = parameters
    }
}
