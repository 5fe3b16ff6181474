import EdgeSimTestSupport
import Testing
@testable import TopologyImport

@Suite("GraphML security: no entity expansion, no external fetches, bounded nesting")
struct GraphMLSecurityTests {
    @Test("an XXE file fails with a clear error and never leaks the referenced file")
    func externalEntity() throws {
        let error = try #require(ImportTestSupport.failure("security/xxe.graphml"))
        guard case .unsafe = error else {
            Issue.record("expected an unsafe-input error, got \(error)")
            return
        }
        #expect(error.description.contains("entity declarations are refused"))
        #expect(!error.description.contains("TOP-SECRET"))
        #expect(error.location?.line == 4)
    }

    @Test("a parameter entity naming a remote DTD is refused before anything is fetched")
    func parameterEntity() throws {
        let error = try #require(ImportTestSupport.failure("security/xxe-parameter.graphml"))
        #expect(error.description.contains("<!ENTITY remote"))
    }

    @Test("billion laughs fails at the first declaration, nothing is expanded")
    func billionLaughs() throws {
        let error = try #require(ImportTestSupport.failure("security/billion-laughs.graphml"))
        #expect(error.description.contains("billion laughs"))
        #expect(error.location?.line == 4)
    }

    @Test("an external DTD by URL is refused (never fetched) with its line")
    func externalDTD() throws {
        let error = try #require(ImportTestSupport.failure("security/external-dtd.graphml"))
        guard case .unsafe = error else {
            Issue.record("expected an unsafe-input error, got \(error)")
            return
        }
        #expect(error.description.contains("external DTDs are refused, never fetched"))
        #expect(error.description.contains("http://example.invalid/graphml.dtd"))
        #expect(error.location?.line == 3)
    }

    @Test("a DOCTYPE without an external DTD is harmless and accepted")
    func internalDoctype() throws {
        let result = try ImportTestSupport.load("security/doctype-internal.graphml")
        #expect(result.count("nodes") == 2)
        #expect(result.count("edges") == 1)
    }

    @Test("10,000-deep nesting is a clean error, not a stack overflow")
    func deepNesting() throws {
        let error = try #require(ImportTestSupport.failure("security/deep-nesting.graphml.gz"))
        #expect(error.description.contains("nested deeper than \(XMLSAXParser.maximumDepth) levels"))
    }

    @Test("the XXE secret stays out of every output of the CLI too")
    func commandLineDoesNotLeak() throws {
        let directory = TemporaryDirectory()
        let output = directory.file("out.topology.json")
        let outcome = Shell.edgesim([
            "import", "topology", ImportTestSupport.fixture("security/xxe.graphml"), "-o", output, "--summary-json", "-",
        ])
        #expect(outcome.status == 1)
        #expect(!outcome.standardError.contains("TOP-SECRET"))
        #expect(!outcome.standardOutput.contains("TOP-SECRET"))
        #expect(!Shell.exists(output))
    }
}
