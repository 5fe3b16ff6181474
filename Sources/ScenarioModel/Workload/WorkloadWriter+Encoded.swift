#if canImport(Glibc)
import Glibc
#endif
import StreamingIO

extension WorkloadWriter {
    /// Appends one task whose text fields are UTF-8 bytes, without creating a
    /// `String` per field: for writers that stream tasks out of binary records
    /// (the trace importer writes millions of tasks this way).
    ///
    /// The checks and the bytes written are exactly those of `append(_:)`; a
    /// task that breaks a rule, or needs quoting, takes that slower path.
    ///
    /// - Parameters:
    ///   - dependencies: The dependency ids joined with `;` (the column's
    ///     format), or empty.
    /// - Throws: What `append(_:)` throws.
    /// - Complexity: O(bytes of the row), no allocation when nothing needs quoting.
    public func appendEncoded(
        taskId: UnsafeRawBufferPointer, jobId: UnsafeRawBufferPointer, arrivalSeconds: Double,
        origin: UnsafeRawBufferPointer?, instructions: Int64, inputBytes: Int64, outputBytes: Int64,
        memoryBytes: Int64, relativeDeadlineSeconds: Double?, dependencies: UnsafeRawBufferPointer
    ) throws(ScenarioError) {
        let plain = taskId.count > 0 && jobId.count > 0 && !Self.contains(taskId, UInt8(ascii: ";"))
            && arrivalSeconds.isFinite && arrivalSeconds >= 0 && arrivalSeconds >= previousArrival
            && (origin.map { $0.count > 0 && !Self.needsQuotes($0) } ?? true)
            && instructions >= 0 && inputBytes >= 0 && outputBytes >= 0 && memoryBytes >= 0
            && (relativeDeadlineSeconds.map { $0 > 0 && $0.isFinite } ?? true)
            && Self.wellFormedList(dependencies)
            && !Self.needsQuotes(taskId) && !Self.needsQuotes(jobId) && !Self.needsQuotes(dependencies)
        guard plain else {
            func text(_ bytes: UnsafeRawBufferPointer) -> String { String(decoding: bytes, as: UTF8.self) }
            try append(WorkloadTask(
                taskId: text(taskId), jobId: text(jobId), arrivalSeconds: arrivalSeconds, origin: origin.map(text),
                instructions: instructions, inputBytes: inputBytes, outputBytes: outputBytes,
                memoryBytes: memoryBytes, relativeDeadlineSeconds: relativeDeadlineSeconds,
                dependencies: dependencies.isEmpty
                    ? [] : text(dependencies).split(separator: ";", omittingEmptySubsequences: false).map(String.init)))
            return
        }
        previousArrival = arrivalSeconds
        let comma = UInt8(ascii: ",")
        try ScenarioError.catching {
            try output.write(taskId)
            try output.write(byte: comma)
            try output.write(jobId)
            try output.write(byte: comma)
            try output.write(double: arrivalSeconds)
            try output.write(byte: comma)
            if let origin { try output.write(origin) }
            try output.write(byte: comma)
            try output.write(integer: instructions)
            try output.write(byte: comma)
            try output.write(integer: inputBytes)
            try output.write(byte: comma)
            try output.write(integer: outputBytes)
            try output.write(byte: comma)
            try output.write(integer: memoryBytes)
            try output.write(byte: comma)
            if let relativeDeadlineSeconds { try output.write(double: relativeDeadlineSeconds) }
            try output.write(byte: comma)
            try output.write(dependencies)
            try output.write(byte: UInt8(ascii: "\n"))
        }
        tasksWritten += 1
    }

    @inline(__always)
    private static func contains(_ bytes: UnsafeRawBufferPointer, _ byte: UInt8) -> Bool {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
        return memchr(base, Int32(byte), bytes.count) != nil
    }

    /// True when a field must be quoted: a comma, quote or line end inside, or
    /// a space at either end (as `writeField` decides for strings).
    @inline(__always)
    private static func needsQuotes(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 0 else { return false }
        if bytes[0] == 0x20 || bytes[bytes.count - 1] == 0x20 { return true }
        for byte in bytes where byte == 0x2C || byte == 0x22 || byte == 0x0A || byte == 0x0D { return true }
        return false
    }

    /// True for an empty list or `;`-separated non-empty ids.
    @inline(__always)
    private static func wellFormedList(_ bytes: UnsafeRawBufferPointer) -> Bool {
        guard bytes.count > 0 else { return true }
        let separator = UInt8(ascii: ";")
        if bytes[0] == separator || bytes[bytes.count - 1] == separator { return false }
        var previous: UInt8 = 0
        for byte in bytes {
            if byte == separator && previous == separator { return false }
            previous = byte
        }
        return true
    }
}
