/// A built-in scenario: a named, parameterised way to compose blocks into a
/// `ClusterSpec`, with Ether's parameters and defaults where Ether has the
/// scenario.
public protocol ClusterScenario: Sendable {
    /// The scenario's name on the command line and in provenance (`urban-sensing`).
    static var name: String { get }
    /// The parameters as strings, recorded in the topology's provenance.
    var parameters: [String: String] { get }
    /// The composition of blocks.
    var spec: ClusterSpec { get }
}

extension ClusterScenario {
    /// Formats a number for provenance: integers without a fraction.
    static func text(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int64(value)) : String(value)
    }
}
