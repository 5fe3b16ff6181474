import ScenarioModel
import StreamingIO
import TraceImport

extension FuzzTarget {
    // MARK: - Traces

    /// Imports a trace in `format` (byte 0 picks the options) into a workload;
    /// errors are fine, and a written workload must validate.
    static func trace(_ bytes: [UInt8], _ scratch: FuzzScratch, formats: [TraceFormat]) -> String? {
        guard let choice = bytes.first else { return nil }
        let format = formats[Int(choice >> 5) % formats.count]
        var options = TraceImportOptions()
        options.readAhead = choice & 0x01 != 0
        options.backgroundCompression = choice & 0x02 != 0
        options.strict = choice & 0x04 != 0
        options.sortMemoryBytes = 1 << 20
        let sortFolder = scratch.subfolder("sort")
        options.temporaryDirectory = sortFolder
        options.maximumInstancesPerTask = 1_000
        if choice & 0x08 != 0 {
            options.origins = .hash
            options.originKey = format.originKeys[0]
            options.originNodes = ["n0", "n1", "n2"]
        }
        if choice & 0x10 != 0 { options.deadline = .runtimeFactor(2) }
        let input = scratch.write(Array(bytes.dropFirst()), suffix: ".trace")
        let output = scratch.outputPath(suffix: ".workload.csv.gz")
        let importer = TraceImporter(format: format, inputs: [input], output: output, options: options)
        var diagnostics: [String] = []
        importer.diagnostics = { diagnostics.append($0.description) }
        let outcome: Result<TraceImportSummary, TraceImportError>
        do {
            outcome = .success(try importer.run())
        } catch {
            outcome = .failure(error)
        }
        let leftovers = scratch.listing(sortFolder)
        if !leftovers.isEmpty { return "the import left temporary files behind: \(leftovers.prefix(3))" }
        if case .failure(let error) = outcome { return oneLine(error.description) }
        for message in diagnostics { if let finding = oneLine(message) { return finding } }
        do {
            let (_, issues) = try WorkloadValidator(maximumIssues: 3).validate(path: output)
            if let first = issues.first { return "an imported \(format.rawValue) workload does not validate: \(first)" }
        } catch {
            return "an imported \(format.rawValue) workload cannot be read back: \(error)"
        }
        return nil
    }
}
