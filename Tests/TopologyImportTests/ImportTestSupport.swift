import EdgeSimTestSupport
import ScenarioModel
import Testing
@testable import TopologyImport

/// Helpers the topology import suites share.
enum ImportTestSupport {
    /// A fixture under `Tests/Fixtures/graphml`.
    static func fixture(_ name: String) -> String {
        Fixtures.fixture("graphml/" + name)
    }

    /// Imports a fixture with `options`.
    static func load(
        _ name: String, _ configure: (inout TopologyImportOptions) -> Void = { _ in }
    ) throws -> TopologyImportResult {
        var options = TopologyImportOptions()
        configure(&options)
        return try TopologyImporter.importTopology(path: fixture(name), options: options)
    }

    /// The error importing a fixture raises (nil when it imports).
    static func failure(
        _ name: String, _ configure: (inout TopologyImportOptions) -> Void = { _ in }
    ) -> TopologyImportError? {
        do {
            _ = try load(name, configure)
            return nil
        } catch let error as TopologyImportError {
            return error
        } catch {
            Issue.record("unexpected error type: \(error)")
            return nil
        }
    }

    /// A shared-data path, when the corpus is present.
    static func shared(_ relative: String) -> String? {
        Fixtures.sharedData.map { $0 + "/" + relative }
    }
}

extension Topology {
    func node(_ id: String) -> Node? { nodes.first { $0.id == id } }
    func links(from source: String, to target: String) -> [Link] {
        links.filter { $0.source == source && $0.target == target }
    }
}

extension TopologyImportResult {
    func count(_ key: String) -> Int { summary.integer(key) }
}
