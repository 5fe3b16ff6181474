import StreamingIO

/// A reader of one trace format: rows in, task records out (into the context's arrival sort).
protocol TraceFormatReader: AnyObject {
    /// How the format's files are split into fields.
    var dialect: CSVDialect { get }
    /// Data rows read (comments and headers excluded).
    var rows: Int { get }
    /// Distinct jobs seen.
    var jobs: Int { get }
    /// Distinct tasks found in the input.
    var tasksSeen: Int { get }
    /// Reads one logical file (inputs are read in order, as one stream).
    func read(_ csv: CSVReader) throws(TraceImportError)
    /// Emits what is left once every input was read.
    func finish() throws(TraceImportError)
    /// The format's own counts, in report order.
    func summaryEntries() -> [(String, TraceImportSummary.Value)]
}
