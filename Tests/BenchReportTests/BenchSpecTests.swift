import BenchReport
import EdgeSimTestSupport
import StreamingIO
import Testing

@Suite("BenchSpec")
struct BenchSpecTests {
    let directory = TemporaryDirectory()

    private func decode(_ text: String) throws(BenchError) -> BenchSpec {
        try BenchSpec(reading: JSONReader(bytes: Array(text.utf8), path: "study.bench.json"), relativeTo: "studies")
    }

    @Test("a full spec decodes, resolving paths against the spec's folder")
    func fullSpec() throws {
        let spec = try decode("""
            {
              "format": "edgesim-bench", "version": 1, "name": "load study",
              "scenarios": ["edge.scenario.json", {"path": "/data/campus.scenario.json", "name": "campus"}, "x/edge.scenario.json"],
              "policies": ["local", "random"],
              "seeds": "1..3,9",
              "sweep": {"parameter": "arrivalRateScale", "from": 0.5, "to": 1.5, "steps": 3, "label": "Load (×)"}
            }
            """)
        #expect(spec.name == "load study")
        #expect(spec.scenarios == [
            BenchScenario(name: "edge", path: "studies/edge.scenario.json"),
            BenchScenario(name: "campus", path: "/data/campus.scenario.json"),
            BenchScenario(name: "edge-2", path: "studies/x/edge.scenario.json"),
        ])
        #expect(spec.policies == ["local", "random"])
        #expect(spec.seeds == [1, 2, 3, 9])
        #expect(spec.sweep == ParameterSweep(parameter: "arrivalRateScale", values: [0.5, 1, 1.5], label: "Load (×)"))
    }

    @Test("seeds may be a JSON list; the sweep may list its values; the name defaults")
    func listForms() throws {
        let spec = try decode("""
            {"format": "edgesim-bench", "version": 1, "scenarios": ["a.json"], "policies": ["p"], "seeds": [5, 3],
             "sweep": {"parameter": "arrivalRateScale", "values": [0.5, 2]}}
            """)
        #expect(spec.name == "bench")
        #expect(spec.scenarios == [BenchScenario(name: "a", path: "studies/a.json")])
        #expect(spec.seeds == [5, 3])
        #expect(spec.sweep?.values == [0.5, 2])
        #expect(spec.sweep?.axisTitle == "arrivalRateScale")
    }

    @Test("errors name the line, column and JSON path", arguments: [
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": "1..2", "colour": 1}"#,
         "study.bench.json:1:99: $.colour: unknown key 'colour' in a bench spec (allowed: format, version, name, scenarios, policies, seeds, sweep)"),
        (#"{"format": "edgesim-scenario", "version": 1}"#,
         "study.bench.json:1:12: $.format: expected format 'edgesim-bench', found 'edgesim-scenario'"),
        (#"{"format": "edgesim-bench", "version": 2}"#,
         "study.bench.json:1:40: $.version: unsupported version 2 (this build reads version 1)"),
        ("{\"format\": \"edgesim-bench\", \"version\": 1,\n \"scenarios\": [\"a\"], \"policies\": [\"p\"],\n \"seeds\": \"3..1\"}",
         "study.bench.json:3:11: $.seeds: empty seed range '3..1'"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p", "p"], "seeds": [1]}"#,
         "study.bench.json:1:75: $.policies: policy 'p' appears twice"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1, -2]}"#,
         "study.bench.json:1:95: $.seeds[1]: seeds are non-negative"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1, 1]}"#,
         "study.bench.json:1:95: $.seeds[1]: seed 1 appears twice"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"]}"#,
         "study.bench.json:1:1: $: missing key 'seeds'"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": [], "policies": ["p"], "seeds": [1]}"#,
         "study.bench.json:1:56: $.scenarios: a bench needs at least one scenario"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": [{"name": "x"}], "policies": ["p"], "seeds": [1]}"#,
         "study.bench.json:1:57: $.scenarios[0]: a scenario object needs a 'path'"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": [{"path": "a", "name": "x"}, {"path": "b", "name": "x"}], "policies": ["p"], "seeds": [1]}"#,
         "study.bench.json:1:85: $.scenarios[1]: scenario name 'x' is already used by $.scenarios[0]"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a", "a"], "policies": ["p"], "seeds": [1]}"#,
         "study.bench.json:1:62: $.scenarios[1]: scenario file 'a' is already listed at $.scenarios[0]"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1], "sweep": {"parameter": "x", "from": 1, "to": 2}}"#,
         "study.bench.json:1:105: $.sweep: a sweep needs either 'values' or all of 'from', 'to' and 'steps'"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1], "sweep": {"parameter": "x", "values": [2, 1]}}"#,
         "study.bench.json:1:105: $.sweep: sweep values must increase: 1 follows 2"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1], "sweep": {"parameter": "x", "values": [1], "step": 2}}"#,
         "study.bench.json:1:139: $.sweep.step: unknown key 'step' in a sweep (allowed: parameter, values, from, to, steps, label)"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": 7}"#,
         "study.bench.json:1:91: $.seeds: expected a list of seeds or a string such as \"1..10\""),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": "p", "seeds": [1]}"#,
         "study.bench.json:1:75: $.policies: expected an array, found a string"),
        (#"{"format": "edgesim-bench", "version": 1, "scenarios": ["a"], "policies": ["p"], "seeds": [1]"#,
         "study.bench.json:1:94: $: unexpected end of JSON inside an object"),
    ])
    func errors(text: String, message: String) {
        do {
            _ = try decode(text)
            Issue.record("expected an error for \(text)")
        } catch {
            #expect(error.description == message)
        }
    }

    @Test("loading checks that scenario files exist, at the entry's location")
    func load() throws {
        Shell.write("{}", to: directory.file("edge.scenario.json"))
        let specPath = directory.file("study.bench.json")
        Shell.write("""
            {"format": "edgesim-bench", "version": 1,
             "scenarios": ["edge.scenario.json",
                           "missing.scenario.json"],
             "policies": ["p"], "seeds": "1..2"}
            """, to: specPath)
        #expect(throws: BenchError.invalidSpec(
            SourceLocation(path: specPath, line: 3, column: 16, jsonPath: "$.scenarios[1]"),
            message: "scenario file '\(directory.path)/missing.scenario.json' does not exist or is not a file")) {
            try BenchSpec.load(path: specPath)
        }
        Shell.write("{}", to: directory.file("missing.scenario.json"))
        let spec = try BenchSpec.load(path: specPath)
        #expect(spec.scenarios.map(\.path) == [directory.file("edge.scenario.json"), directory.file("missing.scenario.json")])
    }

    @Test("an unreadable spec is an input error naming the file")
    func missingFile() {
        #expect(throws: BenchError.self) { try BenchSpec.load(path: directory.file("none.bench.json")) }
        do {
            _ = try BenchSpec.load(path: directory.file("none.bench.json"))
        } catch {
            #expect(error.description.hasPrefix("\(directory.file("none.bench.json")): cannot open"))
        }
    }
}

@Suite("The sample bench spec")
struct SampleBenchSpecTests {
    /// tools/tests/test_bench_report.py checks the same file against tools/schemas/bench.schema.json.
    @Test("Tests/Fixtures/report/sample.bench.json loads and expands")
    func sample() throws {
        let spec = try BenchSpec.load(path: Fixtures.fixture("report/sample.bench.json"))
        #expect(spec.name == "load study")
        #expect(spec.scenarios.map(\.name) == ["tiny edge"])
        #expect(spec.scenarios[0].path.hasSuffix("Tests/Fixtures/report/../valid/tiny.scenario.json"))
        #expect(spec.policies == ["local", "random", "least-queue", "earliest-finish", "cloud"])
        #expect(spec.seeds == [1, 2, 3, 4, 5, 9])
        #expect(spec.sweep?.values == [0.5, 0.75, 1, 1.25, 1.5])
        #expect(spec.sweep?.axisTitle == "Arrival-rate scale (×)")
        #expect(try BenchPlan(spec: spec).jobs.count == 5 * 5 * 6)
    }
}
