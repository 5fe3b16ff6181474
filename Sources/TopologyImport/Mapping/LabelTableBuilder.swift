/// Collects per-element labels with arbitrary names (Ether and PeersimGym
/// label maps) into label columns.
struct LabelTableBuilder {
    private var columns: [String: [TextRef]] = [:]
    let arena: TextArena

    init(arena: TextArena) {
        self.arena = arena
    }

    /// Sets label `name` of element `index`.
    mutating func set(_ name: String, _ value: String, at index: Int) {
        set(name, arena.append(value), at: index)
    }

    mutating func set(_ name: String, _ value: TextRef, at index: Int) {
        SourceGraph.store(value, at: index, in: &columns[name, default: []])
    }

    /// The columns, sorted by name (the order the canonical writers use).
    func labelColumns() -> [TopologyTable.LabelColumn] {
        columns.map { TopologyTable.LabelColumn(name: $0.key, values: TextColumn(name: $0.key, values: $0.value)) }
            .sorted { $0.name < $1.name }
    }
}
