/// The element kinds a GraphML `<key>` can be declared `for`.
enum AttributeDomain: String, Sendable, CaseIterable {
    case all, graphml, graph, node, edge, hyperedge, port, endpoint

    /// True when a key of this domain applies to elements of `domain`.
    func covers(_ domain: AttributeDomain) -> Bool {
        self == domain || self == .all
    }
}

/// The value type of an attribute (`attr.type`).
enum AttributeType: String, Sendable {
    case boolean, int, long, float, double, string

    /// Parses an `attr.type` value: the six GraphML types plus the non-standard
    /// `integer` (Gephi, some Topology Zoo files). Unknown types return nil.
    init?(declared text: String) {
        switch text.lowercased() {
        case "boolean", "bool": self = .boolean
        case "int", "integer": self = .int
        case "long": self = .long
        case "float": self = .float
        case "double": self = .double
        case "string": self = .string
        default: return nil
        }
    }

    /// True for the types whose values are trimmed and checked.
    var isTyped: Bool { self != .string }

    /// True for int and long.
    var isInteger: Bool { self == .int || self == .long }

    /// True for float and double.
    var isFloatingPoint: Bool { self == .float || self == .double }
}

/// One attribute declaration and its values: a GraphML `<key>` (or a
/// node-link JSON attribute, or a value harvested from yEd graphics).
///
/// Values are dense columns of `TextRef`s indexed by node, edge or graph
/// number (`absent` where an element has no value); `<default>`s are kept
/// aside and applied by readers of the column, never copied into it.
struct AttributeKey {
    /// Where the value came from.
    enum Origin: Sendable, Equatable {
        /// Declared with `<key>` (or inferred from node-link JSON).
        case declared
        /// Used by `<data>` but never declared: kept as a string attribute named after its id.
        case undeclared
        /// Harvested from a yEd/yFiles payload (node labels, geometry).
        case harvested
        /// Recorded by the reader (`<desc>`, ports, nesting).
        case recorded
    }

    /// The key id (`d3`) or, for JSON and harvested values, the name.
    var id: String
    /// The attribute name (`attr.name`; the id when missing).
    var name: String
    /// The value type.
    var type: AttributeType
    /// The `for` domain.
    var domain: AttributeDomain
    /// The `<default>` value, or `absent`.
    var defaultValue: TextRef = .absent
    /// True for `yfiles.type` keys, whose `<data>` holds graphics, not values.
    var isPayload = false
    /// How the key came to exist.
    var origin: Origin = .declared
    /// The line of the declaration (0 when not declared).
    var line: Int32 = 0
    /// Values per node number.
    var nodeValues: [TextRef] = []
    /// Values per edge number.
    var edgeValues: [TextRef] = []
    /// Values per graph number.
    var graphValues: [TextRef] = []
    /// Set when values were stored before the declaration gave the key a type:
    /// they are checked once the document ends.
    var needsLateCheck = false

    /// The values of one element domain.
    func values(for domain: AttributeDomain) -> [TextRef] {
        switch domain {
        case .node: return nodeValues
        case .edge: return edgeValues
        case .graph: return graphValues
        default: return []
        }
    }
}
