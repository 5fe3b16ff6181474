import EdgeSimTestSupport
import ScenarioModel
import StreamingIO
import Testing

@Suite("Canonical samples round-trip")
struct SampleRoundTripTests {
    let directory = TemporaryDirectory()

    @Test("decode then encode reproduces the bundled topology byte for byte")
    func topologyRoundTrip() throws {
        let path = Fixtures.path("topologies/sample-edge.topology.json")
        let topology = try Topology.load(path: path)
        #expect(topology.nodes.count == 14)
        #expect(topology.nodeCountsByKind[.device] == 3)
        try topology.write(to: directory.file("copy.topology.json"))
        #expect(Shell.contents(directory.file("copy.topology.json")) == Shell.contents(path))
        #expect(topology.jsonText == String(decoding: Shell.contents(path) ?? [], as: UTF8.self))
    }

    @Test("decode then encode reproduces the bundled workload byte for byte, compressed")
    func workloadRoundTrip() throws {
        let path = Fixtures.path("traces/sample.workload.csv.gz")
        let reader = try WorkloadReader(path: path)
        let writer = try WorkloadWriter(path: directory.file("copy.workload.csv.gz"))
        var tasks: [WorkloadTask] = []
        while let task = try reader.next() {
            tasks.append(task)
            try writer.append(task)
        }
        try writer.commit()
        #expect(tasks.count == 176)
        #expect(tasks.first?.dependencies.isEmpty == true)
        #expect(tasks[3].dependencies == ["j_0/M2", "j_0/M3"])
        #expect(Shell.contents(directory.file("copy.workload.csv.gz")) == Shell.contents(path))
    }

    @Test("the sample workload validates against the sample topology's compute nodes")
    func workloadFitsTopology() throws {
        let topology = try Topology.load(path: Fixtures.path("topologies/sample-edge.topology.json"))
        let compute = Set(topology.nodes.filter(\.kind.isCompute).map(\.id))
        let (summary, issues) = try WorkloadValidator(originNodes: compute)
            .validate(path: Fixtures.path("traces/sample.workload.csv.gz"))
        #expect(issues.isEmpty)
        #expect(summary.tasks == 176)
        #expect(summary.jobs == 60)
        #expect(summary.dependencies == 72)
    }
}
