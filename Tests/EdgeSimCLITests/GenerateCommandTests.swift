import EdgeSimTestSupport
import Testing

@Suite("edgesim generate")
struct GenerateCommandTests {
    let directory = TemporaryDirectory()

    @Test(
        "the same arguments write byte-identical topologies that validate",
        arguments: [
            ["urban-sensing", "--cells", "10"],
            ["industrial-iot", "--premises", "3"],
            ["cloudlet", "--servers-per-rack", "4", "--racks", "2"],
            ["cloud-regions", "--regions", "eu-west-1,us-east-1,ap-southeast-2"],
            ["mec", "--base-stations", "4", "--devices-per-station", "6", "--device-mix", "rpi4,coral:2"],
            ["--spec", Fixtures.path("topologies/specs/campus-wifi.spec.json")],
        ])
    func deterministic(arguments: [String]) {
        let first = directory.file("first.topology.json")
        let second = directory.file("second.topology.json")
        for output in [first, second] {
            let outcome = Shell.edgesim(["generate"] + arguments + ["--seed", "7", "-o", output])
            #expect(outcome.status == 0, "\(outcome.standardError)")
        }
        let bytes = Shell.contents(first)
        #expect(bytes != nil && !(bytes ?? []).isEmpty)
        #expect(bytes == Shell.contents(second))
        #expect(Shell.edgesim(["validate", first]).status == 0)
    }

    @Test("the summary has nodes, links, nodes_by_kind and seed")
    func summary() {
        let outcome = Shell.edgesim([
            "generate", "industrial-iot", "--premises", "2", "--seed", "5", "-o", directory.file("t.json"),
            "--summary-json", "-",
        ])
        #expect(outcome.status == 0, "\(outcome.standardError)")
        #expect(
            outcome.standardOutput == """
                {
                  "nodes": 55,
                  "links": 58,
                  "media": 2,
                  "nodes_by_kind": {
                    "device": 6,
                    "edge": 34,
                    "cloud": 0,
                    "switch": 14,
                    "router": 1
                  },
                  "seed": 5,
                  "scenario": "industrial-iot",
                  "output": "\(directory.file("t.json"))",
                  "format": "json"
                }

                """)
    }

    @Test("without -o the topology goes to standard output; the seed is recorded")
    func standardOutput() {
        let outcome = Shell.edgesim(["generate", "urban-sensing", "--cells", "2", "--seed", "9"])
        #expect(outcome.status == 0)
        #expect(outcome.standardOutput.hasPrefix("{\n  \"format\": \"edgesim-topology\""))
        #expect(outcome.standardOutput.contains("\"generator\": \"urban-sensing\", \"seed\": 9"))
        let reseeded = Shell.edgesim(["generate", "urban-sensing", "--cells", "2", "--seed", "10"])
        #expect(reseeded.standardOutput != outcome.standardOutput)
    }

    @Test(
        "bad options are usage errors (exit 64)",
        arguments: [
            ["urban-sensing", "--cells", "-1"],
            ["urban-sensing", "--density-shape", "0"],
            ["cloud-regions", "--regions", "mars-1"],
            ["mec", "--device-mix", "rpi4:-1"],
            ["cloudlet", "--archetype", "toaster"],
            ["teleporter"],
            ["industrial-iot", "-o", "-", "--summary-json", "-"],
            ["industrial-iot", "--seed", "18446744073709551615"],
            ["industrial-iot", "--format", "svg"],
        ])
    func usageErrors(arguments: [String]) {
        let outcome = Shell.edgesim(["generate"] + arguments)
        #expect(outcome.status == 64, "\(arguments): \(outcome.standardError)")
    }

    @Test("a bad spec fails with one edgesim: error line naming file, line and column, and writes nothing")
    func badSpec() {
        let spec = directory.file("bad.spec.json")
        Shell.write(
            """
            {"format": "edgesim-cluster-spec", "version": 1,
             "sites": [{"block": {"type": "hosts", "archetype": "rpi3", "cont": 2}}]}
            """, to: spec)
        let output = directory.file("never.json")
        let outcome = Shell.edgesim(["generate", "--spec", spec, "-o", output])
        #expect(outcome.status == 1)
        #expect(outcome.standardError.hasPrefix("edgesim: error: \(spec):2:"))
        #expect(outcome.standardError.contains("unknown key 'cont' in a block"))
        #expect(outcome.standardError.split(separator: "\n").count == 1)
        #expect(!Shell.exists(output))
        let missing = Shell.edgesim(["generate", "--spec", directory.file("absent.json")])
        #expect(missing.status == 1)
        #expect(missing.standardError.contains("absent.json: cannot open"))
    }

    @Test("a cluster over --max-nodes fails cleanly")
    func limits() {
        let big = Shell.edgesim(["generate", "urban-sensing", "--cells", "100", "--max-nodes", "500"])
        #expect(big.status == 1)
        #expect(big.standardError.contains("more than 500 nodes"))
    }

    @Test("--format graphml writes GraphML that imports back to the same topology")
    func graphmlOutput() {
        let graphml = directory.file("c.graphml")
        let json = directory.file("c.topology.json")
        #expect(Shell.edgesim(["generate", "cloudlet", "--seed", "2", "--format", "graphml", "-o", graphml]).status == 0)
        #expect(Shell.edgesim(["generate", "cloudlet", "--seed", "2", "-o", json]).status == 0)
        let back = directory.file("back.topology.json")
        let imported = Shell.edgesim(["import", "topology", graphml, "-o", back, "--summary-json", "-"])
        #expect(imported.status == 0, "\(imported.standardError)")
        let original = Shell.edgesim(["validate", json, "--summary-json", "-"]).standardOutput
        let roundTrip = Shell.edgesim(["validate", back, "--summary-json", "-"]).standardOutput
        for key in ["\"nodes\"", "\"links\"", "\"nodes_edge\"", "\"nodes_switch\""] {
            let line = { (text: String) in text.split(separator: "\n").first { $0.contains(key) } }
            #expect(line(original) != nil && line(original).map { $0.replacing(",", with: "") } == line(roundTrip).map { $0.replacing(",", with: "") })
        }
    }
}
