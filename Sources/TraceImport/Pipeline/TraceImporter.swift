#if canImport(Glibc)
import Glibc
#endif
import ScenarioModel
import StreamingIO

/// Imports one trace into a canonical workload (`*.workload.csv.gz`).
///
/// Inputs are read in order as one stream (500 Google part files are one
/// trace); each may be plain, gzip (multi-member) or a `.tar.gz` archive
/// whose members are read in turn. Rows become task records, which an
/// external sort puts in arrival order within a memory budget; the records
/// are then mapped (window, time origin and scale, sampling, rate scaling,
/// task limit, bytes, deadlines, origins) and written atomically.
///
/// ```swift
/// var options = TraceImportOptions()
/// options.maximumTasks = 10_000
/// let importer = TraceImporter(format: .google2011, inputs: parts, output: "g.workload.csv.gz", options: options)
/// let summary = try importer.run()
/// ```
public final class TraceImporter {
    public let format: TraceFormat
    public let inputs: [String]
    public let outputPath: String
    public let options: TraceImportOptions
    /// Google 2011 `job_events` files, read before the task events (job
    /// metadata for `--origin-key logical-job`).
    public var jobEventInputs: [String] = []
    /// Receives malformed rows and repairs as they are found (the first
    /// `options.reportedProblems` of each).
    public var diagnostics: (TraceDiagnostic) -> Void = { _ in }
    /// Receives progress now and then (about every 64 Ki rows).
    public var progress: ((TraceImportProgress) -> Void)?

    /// Prepares an import; nothing is read until `run()`.
    public init(format: TraceFormat, inputs: [String], output: String, options: TraceImportOptions = TraceImportOptions()) {
        self.format = format
        self.inputs = inputs
        self.outputPath = output
        self.options = options
    }

    /// Reads every input and writes the workload.
    ///
    /// - Returns: The import's figures (common keys, mapping counts, format counts).
    /// - Throws: `TraceImportError`; the output is then left untouched.
    /// - Complexity: O(rows + tasks log tasks) time; memory bounded by the sort
    ///   budget plus the format's open state (e.g. Google tasks not yet finished).
    public func run() throws(TraceImportError) -> TraceImportSummary {
        try options.validate(for: format)
        guard !inputs.isEmpty else { throw .invalidOption("name at least one input") }
        guard inputs.filter({ $0 == "-" }).count + jobEventInputs.filter({ $0 == "-" }).count <= 1 else {
            throw .invalidOption("standard input (-) can be read only once")
        }
        if !jobEventInputs.isEmpty && format != .google2011 {
            throw .invalidOption("--job-events applies to google2011 only")
        }
        if options.origins == .hash && options.originKey == .logicalJob && jobEventInputs.isEmpty {
            throw .invalidOption("--origin-key logical-job needs --job-events")
        }
        // Sort runs of an import that was killed outright: gone before this one adds its own.
        TemporaryFolder.removeAbandonedFolders(in: TemporaryFolder.base(options.temporaryDirectory))
        let writer = try TraceImportError.catching {
            try WorkloadWriter(
                path: outputPath, compressionLevel: options.compressionLevel,
                backgroundCompression: options.backgroundCompression)
        }
        let problems = ProblemLog(strict: options.strict, reportLimit: options.reportedProblems, handler: diagnostics)
        let budget = format == .alibaba2018 ? options.sortMemoryBytes / 2 : options.sortMemoryBytes
        let context = ImportContext(
            options: options, problems: problems, storedBytesTotal: Self.totalStoredSize(inputs + jobEventInputs),
            progress: progress, sortMemoryBytes: budget)
        let reader = try makeReader(context: context, budget: budget)

        for path in inputs {
            let input = try TraceInput(path: path, readAhead: options.readAhead)
            guard !input.isEmpty else {
                // An empty file is a failed download or a wrong path far more often than an empty trace.
                throw .unsupportedInput(
                    SourceLocation(path: input.path, line: 1), message: "the input is empty: no rows to import")
            }
            context.beginInput(input)
            while let file = try input.nextFile() {
                try reader.read(CSVReader(input: file, dialect: reader.dialect))
            }
            context.endInput(input)
        }
        try reader.finish()
        context.report(rows: reader.rows, phase: .writing)

        let stream = try context.arrivals.finish()
        let assembler = WorkloadAssembler(options: options, format: format, writer: writer)
        assembler.add(context.earlyDrops)
        let rows = reader.rows
        try assembler.consume(stream, progress: context.reportsProgress ? { merged in
            context.report(rows: rows, phase: .writing, tasksWritten: assembler.tasksWritten, recordsMerged: merged)
        } : nil)
        try TraceImportError.catching { try writer.commit() }
        context.report(
            rows: rows, phase: .writing, tasksWritten: assembler.tasksWritten,
            recordsMerged: context.arrivals.recordCount)

        var summary = TraceImportSummary()
        summary.set("rows", reader.rows)
        summary.set("malformed_rows", problems.malformedRows)
        summary.set("jobs", reader.jobs)
        summary.set("tasks_seen", reader.tasksSeen)
        summary.set("tasks", assembler.tasksWritten)
        summary.set("dependencies", assembler.dependenciesWritten)
        summary.set("first_arrival_s", assembler.firstArrivalSeconds.map { .number($0) } ?? .null)
        summary.set("last_arrival_s", assembler.lastArrivalSeconds.map { .number($0) } ?? .null)
        for (key, value) in assembler.summaryEntries() { summary.set(key, value) }
        summary.set("sort_runs_spilled", context.arrivals.spilledRuns + ((reader as? Alibaba2018Reader)?.spilledRuns ?? 0))
        for (key, value) in reader.summaryEntries() { summary.set(key, value) }
        return summary
    }

    private func makeReader(context: ImportContext, budget: Int) throws(TraceImportError) -> any TraceFormatReader {
        switch format {
        case .google2011:
            let reader = Google2011Reader(context: context)
            for path in jobEventInputs {
                let input = try TraceInput(path: path, readAhead: false)
                while let file = try input.nextFile() {
                    try reader.readJobEvents(CSVReader(input: file, dialect: reader.dialect))
                }
            }
            return reader
        case .alibaba2018: return Alibaba2018Reader(context: context, groupingBudgetBytes: budget)
        case .alibaba2017: return Alibaba2017Reader(context: context)
        case .swf: return SWFReader(context: context)
        case .azure2021: return Azure2021Reader(context: context)
        }
    }

    /// The sum of the inputs' sizes, or nil when one is not a regular file (standard input, a pipe).
    ///
    /// The corresponding C function is `stat`.
    static func totalStoredSize(_ paths: [String]) -> Int64? {
        var total: Int64 = 0
        for path in paths {
            guard path != "-" else { return nil }
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
            total += Int64(status.st_size)
        }
        return total
    }
}
