import StreamingIO

#if canImport(Glibc)
import Glibc
#endif

/// Writes a replay's result files into a folder, each atomically:
/// `tasks.csv` (streamed by a `TaskRecordCSVWriter`), `nodes.csv`,
/// `summary.json` and, with queue sampling, `queue.csv`.
///
/// Every file is deterministic: the same scenario, policy, seed and options
/// give byte-identical files.
public enum ReplayResultsWriter {
    /// Creates `folder` (and its parents) when missing.
    ///
    /// - Throws: `ReplayError.io` when it cannot be created or is a file.
    public static func prepareFolder(_ folder: String) throws(ReplayError) {
        var status = stat()
        if stat(folder, &status) == 0 {
            guard (status.st_mode & S_IFMT) == S_IFDIR else {
                throw .io(.writeFailed(path: folder, reason: "exists and is not a folder"))
            }
            return
        }
        let parent = FilePaths.directory(of: folder)
        if parent != folder && parent != "." && parent != "/" { try prepareFolder(parent) }
        if mkdir(folder, 0o755) != 0 && errno != EEXIST {
            throw .io(.writeFailed(path: folder, reason: String(cString: strerror(errno))))
        }
    }

    /// The summary object: the keys in order, then `policy`, `seed`,
    /// `scenario`, `decisions`, `invalid_actions`, `offloaded`,
    /// `energy_compute_j`, `energy_transmit_j`, `mean_wait_s`,
    /// `mean_transfer_s`, `mean_execution_s`, `drained`.
    public static func summaryJSON(_ result: ReplayResult, scenarioName: String) -> [UInt8] {
        let writer = JSONWriter()
        encodeSummary(result, scenarioName: scenarioName, into: writer)
        return writer.data + [UInt8(ascii: "\n")]
    }

    /// Writes the summary object into `writer`.
    public static func encodeSummary(_ result: ReplayResult, scenarioName: String, into writer: JSONWriter) {
        func optional(_ value: Double?) {
            if let value { writer.number(value) } else { writer.null() }
        }
        writer.beginObject()
        for (key, value) in result.summary.orderedFigures {
            writer.key(key)
            switch value {
            case .integer(let number): writer.integer(number)
            case .number(let number): writer.number(number)
            case .absent: writer.null()
            }
        }
        let details = result.details
        writer.key("policy")
        writer.string(result.policyName)
        writer.key("seed")
        writer.integer(Int64(bitPattern: result.seed))
        writer.key("scenario")
        writer.string(scenarioName)
        writer.key("decisions")
        writer.integer(details.decisions)
        writer.key("invalid_actions")
        writer.integer(details.invalidActions)
        writer.key("offloaded")
        writer.integer(details.offloaded)
        writer.key("energy_compute_j")
        writer.number(details.computeEnergyJoules)
        writer.key("energy_transmit_j")
        writer.number(details.transmitEnergyJoules)
        writer.key("mean_wait_s")
        optional(details.meanWaitSeconds)
        writer.key("mean_transfer_s")
        optional(details.meanTransferSeconds)
        writer.key("mean_execution_s")
        optional(details.meanExecutionSeconds)
        writer.key("drained")
        writer.bool(details.drained)
        writer.endObject()
    }

    /// Writes `summary.json` into `folder`.
    public static func writeSummary(_ result: ReplayResult, scenarioName: String, to path: String) throws(ReplayError) {
        try write(path) { output throws(StreamingIOError) in
            try output.write(summaryJSON(result, scenarioName: scenarioName))
        }
    }

    /// The columns of `nodes.csv`.
    public static let nodeColumns = [
        "node", "kind", "tasks_received", "tasks_executed", "dropped_queue_full", "dropped_deadline", "offloaded_out",
        "offloaded_in", "busy_core_s", "utilization", "mean_queue_length", "max_queue_length", "bytes_sent",
        "energy_compute_j", "energy_transmit_j", "energy_j",
    ]

    /// Writes per-node statistics (`nodes.csv`), one row per node in topology order.
    public static func writeNodes(_ nodes: [NodeStatistics], to path: String) throws(ReplayError) {
        try write(path) { output throws(StreamingIOError) in
            try output.write(nodeColumns.joined(separator: ",") + "\n")
            let comma = UInt8(ascii: ",")
            for node in nodes {
                try CSVField.write(node.id, to: output)
                try output.write(byte: comma)
                try output.write(node.kind)
                for count in [node.tasksReceived, node.tasksExecuted, node.droppedQueueFull, node.droppedDeadline,
                              node.offloadedOut, node.offloadedIn]
                {
                    try output.write(byte: comma)
                    try output.write(integer: Int64(count))
                }
                for value in [node.busyCoreSeconds, node.utilization, node.meanQueueLength] {
                    try output.write(byte: comma)
                    try DecimalFormatting.write(value, to: output)
                }
                try output.write(byte: comma)
                try output.write(integer: Int64(node.maxQueueLength))
                for value in [node.bytesSent, node.computeEnergyJoules, node.transmitEnergyJoules, node.energyJoules] {
                    try output.write(byte: comma)
                    try DecimalFormatting.write(value, to: output)
                }
                try output.write(byte: UInt8(ascii: "\n"))
            }
        }
    }

    /// The columns of `queue.csv`.
    public static let queueColumns = [
        "time_s", "mean_queue_length", "max_queue_length", "queued_tasks", "busy_core_fraction", "tasks_in_flight",
    ]

    /// Writes queue-occupancy samples (`queue.csv`).
    public static func writeQueueSamples(_ samples: [QueueSample], to path: String) throws(ReplayError) {
        try write(path) { output throws(StreamingIOError) in
            try output.write(queueColumns.joined(separator: ",") + "\n")
            let comma = UInt8(ascii: ",")
            for sample in samples {
                try DecimalFormatting.write(sample.timeSeconds, to: output)
                try output.write(byte: comma)
                try DecimalFormatting.write(sample.meanQueueLength, to: output)
                try output.write(byte: comma)
                try output.write(integer: Int64(sample.maxQueueLength))
                try output.write(byte: comma)
                try output.write(integer: Int64(sample.queuedTasks))
                try output.write(byte: comma)
                try DecimalFormatting.write(sample.busyCoreFraction, to: output)
                try output.write(byte: comma)
                try output.write(integer: Int64(sample.tasksInFlight))
                try output.write(byte: UInt8(ascii: "\n"))
            }
        }
    }

    private static func write(
        _ path: String, _ body: (OutputFile) throws(StreamingIOError) -> Void
    ) throws(ReplayError) {
        do {
            let output = try OutputFile(path: path)
            try body(output)
            try output.commit()
        } catch {
            throw .io(error)
        }
    }
}
