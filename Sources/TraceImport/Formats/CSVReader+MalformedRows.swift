import StreamingIO

/// Field accessors that report problems as `TraceImportError.malformedRow`, so
/// a format reader can count a bad row and go on (or stop, with `--strict`).
extension CSVReader {
    /// A malformed-row error at the current record (and field, when given).
    func malformedRow(_ message: String, field: Int? = nil) -> TraceImportError {
        .malformedRow(location(field: field), message: message)
    }

    /// True when the field is valid UTF-8. Identifiers taken from a trace become
    /// canonical ids, which are text: two names differing only in invalid bytes
    /// would read back as the same id.
    @inline(__always)
    func isText(_ index: Int) -> Bool {
        let bytes = fieldBytes(index)
        // ASCII is the rule in every trace; only other bytes need the full check.
        guard bytes.contains(where: { $0 >= 0x80 }) else { return true }
        return String(validating: bytes, as: UTF8.self) != nil
    }

    /// The field as an integer, nil when empty.
    @inline(__always)
    func int64Field(_ index: Int) throws(TraceImportError) -> Int64? {
        do {
            return try int64(index)
        } catch {
            throw .fromCSV(error)
        }
    }

    /// The field as a number, nil when empty.
    @inline(__always)
    func doubleField(_ index: Int) throws(TraceImportError) -> Double? {
        do {
            return try double(index)
        } catch {
            throw .fromCSV(error)
        }
    }

    /// The field as an integer; empty is malformed.
    @inline(__always)
    func requiredInt64(_ index: Int, _ name: StaticString) throws(TraceImportError) -> Int64 {
        guard let value = try int64Field(index) else {
            throw malformedRow("field \(index + 1): \(name) is empty", field: index)
        }
        return value
    }

    /// The field as a finite number; empty is malformed.
    @inline(__always)
    func requiredDouble(_ index: Int, _ name: StaticString) throws(TraceImportError) -> Double {
        guard let value = try doubleField(index) else {
            throw malformedRow("field \(index + 1): \(name) is empty", field: index)
        }
        guard value.isFinite else { throw malformedRow("field \(index + 1): \(name) must be finite", field: index) }
        return value
    }

    /// The field as a finite number >= 0, nil when empty.
    @inline(__always)
    func nonNegativeDouble(_ index: Int, _ name: StaticString) throws(TraceImportError) -> Double? {
        guard let value = try doubleField(index) else { return nil }
        guard value >= 0, value.isFinite else {
            throw malformedRow("field \(index + 1): \(name) must be a finite number >= 0", field: index)
        }
        return value
    }

    /// Advances to the next record, wrapping stream errors.
    @inline(__always)
    func nextRow() throws(TraceImportError) -> Bool {
        do {
            return try nextRecord()
        } catch {
            throw .fromCSV(error)
        }
    }
}

extension TraceImportError {
    /// A CSV problem in one record becomes a malformed row; anything else stays an I/O error.
    static func fromCSV(_ error: StreamingIOError) -> TraceImportError {
        if case .malformedRecord(let location, let message) = error { return .malformedRow(location, message: message) }
        return .io(error)
    }
}

extension ProblemLog {
    /// Counts a malformed row (or throws it in strict mode); rethrows every other error.
    func handle(_ error: TraceImportError) throws(TraceImportError) {
        guard case .malformedRow(let location, let message) = error else { throw error }
        try malformed(location, message)
    }
}
