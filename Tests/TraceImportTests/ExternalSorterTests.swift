import EdgeSimTestSupport
import Testing

@testable import TraceImport

@Suite("ExternalSorter")
struct ExternalSorterTests {
}
