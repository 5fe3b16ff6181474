import StreamingIO

extension WorkloadTask {
    /// The rules one task must satisfy on its own, given the previous arrival:
    /// non-empty ids without `;`, finite arrivals in order, non-negative
    /// counts, a positive finite deadline when present, non-empty dependency ids.
    ///
    /// - Returns: Each broken rule with the column it concerns.
    func problems(previousArrival: Double) -> [(column: WorkloadFormat.Column, message: String)] {
        // The common case, checked without building messages or arrays.
        if isPlainlyValid(previousArrival: previousArrival) { return [] }
        var found: [(WorkloadFormat.Column, String)] = []
        if taskId.isEmpty {
            found.append((.taskId, "task id is empty"))
        } else if taskId.utf8.contains(UInt8(ascii: ";")) {  // bytes: Character iteration is slow
            found.append((.taskId, "task id '\(MessageText.excerpt(taskId))' contains ';', which separates dependencies"))
        }
        if jobId.isEmpty { found.append((.jobId, "job id is empty")) }
        if !arrivalSeconds.isFinite || arrivalSeconds < 0 {
            found.append((.arrivalSeconds, "arrival time must be a finite number >= 0, found \(arrivalSeconds)"))
        } else if arrivalSeconds < previousArrival {
            found.append((.arrivalSeconds, "arrivals must be sorted: \(arrivalSeconds) comes after \(previousArrival)"))
        }
        if let origin, origin.isEmpty { found.append((.origin, "origin is an empty node id")) }
        let counts: [(WorkloadFormat.Column, Int64)] = [
            (.instructions, instructions), (.inputBytes, inputBytes), (.outputBytes, outputBytes),
            (.memoryBytes, memoryBytes),
        ]
        for (column, value) in counts where value < 0 {
            found.append((column, "must be >= 0, found \(value)"))
        }
        if let deadline = relativeDeadlineSeconds, !(deadline > 0) || !deadline.isFinite {
            found.append((.relativeDeadlineSeconds,
                          "deadline must be a positive finite number of seconds or empty, found \(deadline)"))
        }
        if dependencies.contains(where: \.isEmpty) {
            found.append((.dependencies, "empty task id in the dependency list"))
        }
        return found
    }

    /// True when every rule of `problems(previousArrival:)` holds; cheap (byte
    /// scans, no allocation), so writers and readers pay for messages only
    /// when something is wrong.
    @inline(__always)
    private func isPlainlyValid(previousArrival: Double) -> Bool {
        let separator = UInt8(ascii: ";")
        guard !taskId.isEmpty, !jobId.isEmpty, !taskId.utf8.contains(separator) else { return false }
        guard arrivalSeconds.isFinite, arrivalSeconds >= 0, arrivalSeconds >= previousArrival else { return false }
        if let origin, origin.isEmpty { return false }
        guard instructions >= 0, inputBytes >= 0, outputBytes >= 0, memoryBytes >= 0 else { return false }
        if let deadline = relativeDeadlineSeconds, !(deadline > 0 && deadline.isFinite) { return false }
        for dependency in dependencies where dependency.isEmpty { return false }
        return true
    }
}
