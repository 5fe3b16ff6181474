import ScenarioModel

/// What `TopologyImporter` produced: the canonical topology (kept compact
/// until asked for), the summary counts and the warnings.
public struct TopologyImportResult {
    /// The mapping used (`graphml`, `zoo`, `ether` or `peersimgym`).
    public let format: TopologyFormat
    /// Counts for `--summary-json`, in order.
    public let summary: TopologyImportSummary
    /// Non-fatal findings.
    public let warnings: ImportWarnings
    let table: TopologyTable

    /// Canonical nodes.
    public var nodeCount: Int { table.nodeCount }
    /// Canonical links.
    public var linkCount: Int { table.linkCount }

    /// The topology as value types.
    ///
    /// - Complexity: O(nodes + links), building a struct (and a label
    ///   dictionary) per element; `write(to:)` streams without doing so.
    public var topology: Topology { table.makeTopology() }

    /// Writes the canonical topology JSON atomically (`-` for standard output).
    ///
    /// The bytes equal `topology.write(to:)`'s.
    /// - Throws: `.invalidTopology` when a figure breaks a validation rule
    ///   (nothing is written), `.io` when writing fails.
    public func write(to path: String) throws(TopologyImportError) {
        try table.write(to: path)
    }
}
