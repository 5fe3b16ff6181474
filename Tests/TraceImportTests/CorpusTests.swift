import EdgeSimTestSupport
import Foundation
import ScenarioModel
import Testing

@testable import TraceImport

/// Imports of the real samples in ../shared/data/traces, checked against the
/// independent oracles in their `expected.json` files.
@Suite("Corpus: ../shared/data/traces", .enabled(if: Fixtures.sharedData != nil, "../shared/data absent: skipped"))
struct CorpusTests {
    private func folder(_ name: String) -> String {
        (Fixtures.sharedData ?? "") + "/traces/" + name + "/"
    }

    /// The oracle object for `file` in `folder/expected.json`.
    private func oracle(_ folder: String, _ file: String) throws -> [String: Any] {
        let data = try Data(contentsOf: URL(fileURLWithPath: self.folder(folder) + "expected.json"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        return try #require(root[file] as? [String: Any])
    }

    private func int(_ object: [String: Any], _ key: String) -> Int? {
        (object[key] as? NSNumber)?.intValue
    }

    @Test("Google 2011 task_events part 00001: rows, jobs, tasks with SUBMIT, event counts")
    func googleTaskEvents() throws {
        let expected = try oracle("google-2011-task_events", "part-00001-of-00500.csv.gz")
        let outcome = try importTrace(.google2011, [folder("google-2011-task_events") + "part-00001-of-00500.csv.gz"])
        #expect(outcome.integer("rows") == int(expected, "rows"))
        #expect(outcome.integer("malformed_rows") == int(expected, "malformed_rows"))
        #expect(outcome.integer("jobs") == int(expected, "distinct_jobs"))
        #expect(outcome.integer("tasks_seen") == int(expected, "distinct_tasks_with_submit"))
        #expect(outcome.integer("rows_time_zero") == int(expected, "rows_time_zero"))
        let events = try #require(expected["event_type_counts"] as? [String: Any])
        let names = ["submit", "schedule", "evict", "fail", "finish", "kill", "lost", "update_pending", "update_running"]
        for (type, name) in names.enumerated() {
            #expect(outcome.integer("events_\(name)") == int(events, "\(type)") ?? 0, "\(name)")
        }
        #expect(outcome.integer("tasks") == outcome.integer("tasks_completed"))
    }

    @Test("Google 2011 job_events part 00001 read alongside the task events")
    func googleJobEvents() throws {
        let expected = try oracle("google-2011-job_events", "part-00001-of-00500.csv.gz")
        let outcome = try importTrace(
            .google2011, [folder("google-2011-task_events") + "part-00001-of-00500.csv.gz"],
            options: options {
                $0.origins = .hash
                $0.originKey = .logicalJob
                $0.originNodes = ["a", "b", "c"]
            },
            jobEvents: [folder("google-2011-job_events") + "part-00001-of-00500.csv.gz"])
        #expect(outcome.integer("job_events_rows") == int(expected, "rows"))
        #expect(outcome.integer("job_events_jobs") == int(expected, "distinct_jobs"))
        #expect(outcome.tasks.allSatisfy { $0.origin != nil })
    }

    @Test("CloudSim Plus task_events sample: '#' header line, empty missing-info fields")
    func cloudSimSample() throws {
        let expected = try oracle("google-2011-cloudsimplus-samples", "task-events-sample-1.csv.gz")
        let outcome = try importTrace(.google2011, [folder("google-2011-cloudsimplus-samples") + "task-events-sample-1.csv.gz"])
        #expect(outcome.integer("rows") == int(expected, "rows"))
        #expect(outcome.integer("jobs") == int(expected, "distinct_jobs"))
        #expect(outcome.integer("malformed_rows") == 0)
    }

    @Test("another table given as task_events: every row is reported as malformed, nothing is written")
    func wrongTable() throws {
        let expected = try oracle("google-2011-cloudsimplus-samples", "task-usage-sample-1.csv.gz")
        let path = folder("google-2011-cloudsimplus-samples") + "task-usage-sample-1.csv.gz"
        let outcome = try importTrace(.google2011, [path])
        #expect(outcome.integer("malformed_rows") == int(expected, "rows"))
        #expect(outcome.tasks.isEmpty)
        #expect(outcome.diagnostics.first?.description
            == "\(path):2: skipped malformed row: expected 13 fields (a task_events row), found 20")
    }

    @Test("SWF NASA iPSC log: jobs, header, core-seconds preserved as instructions")
    func swf() throws {
        let expected = try oracle("swf-nasa-ipsc-1993", "NASA-iPSC-1993-3.1-cln.swf.gz")
        let outcome = try importTrace(.swf, [folder("swf-nasa-ipsc-1993") + "NASA-iPSC-1993-3.1-cln.swf.gz"],
                                      options: options {
                                          $0.timeOrigin = .trace
                                          $0.mipsPerCore = 1
                                      })
        #expect(outcome.integer("rows") == int(expected, "rows"))
        #expect(outcome.integer("comment_lines") == int(expected, "comment_lines"))
        #expect(outcome.integer("tasks_seen") == int(expected, "distinct_job_ids"))
        #expect(outcome.integer("jobs") == int(expected, "distinct_job_ids"))  // no preceding jobs
        #expect(outcome.integer("dependencies") == int(expected, "rows_with_preceding_job"))
        #expect(outcome.integer("tasks") == int(expected, "rows"))  // run time is never -1
        #expect(outcome.integer("processors_unknown") == int(expected, "rows_alloc_procs_missing"))
        #expect(outcome.summary.number("first_arrival_s") == Double(int(expected, "min_submit_s") ?? -1))
        #expect(outcome.summary.number("last_arrival_s") == Double(int(expected, "max_submit_s") ?? -1))
        let coreSeconds = outcome.tasks.reduce(0) { $0 + $1.instructions / 1_000_000 }
        #expect(coreSeconds == Int64(int(expected, "sum_core_seconds_run_x_alloc") ?? -1))
        let header = try #require(expected["header_fields"] as? [String: String])
        guard case .textMap(let parsed)? = outcome.summary["header"] else {
            Issue.record("no header")
            return
        }
        for key in ["UnixStartTime", "TimeZoneString", "MaxJobs", "Version", "Computer", "Note", "Queue"] {
            #expect(parsed[key] == header[key], "\(key)")
        }
        #expect(parsed["http"] == nil, "a continuation line is not a key")
        #expect(outcome.integer("unix_start_time") == Int(header["UnixStartTime"] ?? ""))
        #expect(outcome.summary["status_counts"] == .textMap(["-1": "\(int(expected, "rows") ?? 0)"]))
    }

    @Test("Alibaba 2017 batch_task: uploader's header, unsorted rows, empty plans")
    func alibaba2017() throws {
        let expected = try oracle("alibaba-v2017-batch_task", "batch_task.csv.gz")
        let outcome = try importTrace(.alibaba2017, [folder("alibaba-v2017-batch_task") + "batch_task.csv.gz"])
        #expect(outcome.integer("rows") == int(expected, "rows"))
        #expect(outcome.integer("header_lines") == 1)
        #expect(outcome.integer("malformed_rows") == int(expected, "malformed_rows"))
        #expect(outcome.integer("jobs") == int(expected, "distinct_jobs"))
        #expect(outcome.integer("tasks_seen") == int(expected, "distinct_tasks_job_task"))
        #expect(outcome.integer("duplicate_tasks") == int(expected, "duplicate_job_task_pairs"))
        #expect(outcome.integer("tasks_missing_plan") == int(expected, "rows_plan_cpu_empty"))
        #expect(outcome.integer("end_before_create") == int(expected, "rows_end_before_create"))
        #expect(outcome.integer("tasks") == (int(expected, "rows") ?? 0) - (int(expected, "rows_end_before_create") ?? 0))
        let statuses = try #require(expected["status_counts"] as? [String: Any])
        #expect(outcome.summary["status_counts"] == .textMap(statuses.mapValues { "\($0)" }))
        let sorted = zip(outcome.tasks, outcome.tasks.dropFirst()).allSatisfy { $0.arrivalSeconds <= $1.arrivalSeconds }
        #expect(sorted)
    }

    @Test("Alibaba 2018 quoted rows: tasks, DAG edges and roots per job")
    func alibaba2018() throws {
        for file in ["j3_quoted_rows.csv", "issue_quoted_rows.csv"] {
            let expected = try oracle("alibaba-v2018-batch_task-quoted", file)
            let outcome = try importTrace(.alibaba2018, [folder("alibaba-v2018-batch_task-quoted") + file])
            #expect(outcome.integer("rows") == int(expected, "rows"))
            #expect(outcome.integer("jobs") == int(expected, "distinct_jobs"))
            #expect(outcome.integer("dependencies") == int(expected, "dag_edges"))
            #expect(outcome.integer("dependencies_missing") == 0)
            let jobs = try #require(expected["per_job"] as? [String: [String: Any]])
            for (job, figures) in jobs {
                let tasks = outcome.tasks.filter { $0.jobId == job }
                #expect(tasks.count == int(figures, "tasks"))
                #expect(tasks.filter(\.dependencies.isEmpty).count == int(figures, "roots"))
            }
            #expect(outcome.integer("tasks_seen") == int(expected, "rows"))
            #expect(dependenciesPrecede(outcome.tasks))
        }
    }

    @Test("Alibaba 2018 task names quoted in the docs and issues parse as the oracle says")
    func alibaba2018Names() throws {
        let expected = try oracle("alibaba-v2018-batch_task-quoted", "task_names_quoted.txt")
        let parsed = try #require(expected["parsed"] as? [String: [String: Any]])
        let text = try String(contentsOfFile: folder("alibaba-v2018-batch_task-quoted") + "task_names_quoted.txt", encoding: .utf8)
        let names = text.split(separator: "\n").filter { !$0.hasPrefix("#") }.map(String.init)
        #expect(names.count == parsed.count)
        for name in names {
            let oracle = try #require(parsed[name])
            let dependencies = (oracle["deps"] as? [Int]) ?? []
            var bytes = name
            let result = bytes.withUTF8 { Alibaba2018TaskName.parse(UnsafeRawBufferPointer($0)) }
            switch result {
            case .dag(let number, let parsedDependencies, _, _):
                #expect(number == (oracle["task_id"] as? Int), "\(name)")
                #expect(parsedDependencies == dependencies, "\(name)")
            case .independent:
                #expect(oracle["task_id"] is NSNull, "\(name)")
            case .unparsed:
                Issue.record("\(name) did not parse")
            }
        }
    }

    @Test("Azure Functions 2021 rows from the publisher's docs")
    func azure() throws {
        let expected = try oracle("azure-functions-2021-readme-rows", "sample_rows.csv")
        let outcome = try importTrace(.azure2021, [folder("azure-functions-2021-readme-rows") + "sample_rows.csv"],
                                      options: options { $0.timeOrigin = .trace })
        #expect(outcome.integer("rows") == int(expected, "rows"))
        #expect(outcome.integer("apps") == int(expected, "distinct_apps"))
        #expect(outcome.integer("jobs") == int(expected, "distinct_app_func"))
        #expect(outcome.integer("rows_out_of_order") == int(expected, "rows_not_sorted_by_end_timestamp"))
        #expect(outcome.summary.number("first_arrival_s") == (expected["min_arrival_s_end_minus_duration"] as? Double))
        let seconds = outcome.tasks.reduce(0.0) { $0 + Double($1.instructions) / 1e9 }
        #expect(abs(seconds - ((expected["sum_duration_s"] as? Double) ?? 0)) < 1e-6)
    }
}
