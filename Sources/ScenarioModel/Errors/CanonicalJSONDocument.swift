import StreamingIO

/// A canonical JSON file's value (a topology or a scenario): how it encodes
/// and which rules must hold before it is written.
protocol CanonicalJSONDocument {
    /// Writes the document's object into `writer`.
    func encode(into writer: JSONWriter) throws(StreamingIOError)
    /// The rules the value breaks; a document with issues is never written.
    func issuesBeforeWriting(to path: String) -> [ValidationIssue]
}

extension CanonicalJSONDocument {
    /// Validates, then writes atomically to `path` (`-` for standard output).
    func writeDocument(to path: String) throws(ScenarioError) {
        let issues = issuesBeforeWriting(to: path)
        if !issues.isEmpty { throw .invalid(issues) }
        try ScenarioError.catching {
            let output = try OutputFile(path: path)
            let writer = JSONWriter(output: output)
            try encode(into: writer)
            try writer.finish()
            try output.commit()
        }
    }

    /// The canonical text, ending in a newline.
    var documentText: String {
        let writer = JSONWriter()
        try? encode(into: writer)
        return writer.text + "\n"
    }
}
