#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar on standard error, drawn only when standard error
/// is a terminal (so logs and pipes stay clean): bytes read of the total,
/// rate, time left.
final class ProgressBar {
    private let enabled: Bool
    private let started: Double
    private var lastDrawn = 0.0
    private var drewSomething = false
    private var writingStarted: Double?

    init() {
        enabled = isatty(2) == 1
        started = Self.now()
    }

    /// Redraws the writing phase: records merged of the total, tasks written.
    func update(merged: Int, total: Int, tasks: Int) {
        guard enabled, total > 0 else { return }
        let now = Self.now()
        guard now - lastDrawn >= 0.1 else { return }
        lastDrawn = now
        if writingStarted == nil { writingStarted = now }
        let fraction = min(Double(merged) / Double(total), 1)
        let elapsed = max(now - (writingStarted ?? now), 1e-6)
        var line = "\r\u{1B}[Kwriting " + Self.bar(fraction) + Self.fixed(fraction * 100) + "% \(tasks) tasks "
        if merged > 0 && elapsed > 0.05 {
            let left = Double(total - merged) / (Double(merged) / elapsed)
            line += "ETA " + Self.duration(left)
        }
        StandardError.writeRaw(line)
        drewSomething = true
    }

    /// Redraws the reading phase at most ten times a second.
    func update(bytes: Int64, total: Int64?, rows: Int, label: String) {
        guard enabled else { return }
        let now = Self.now()
        guard now - lastDrawn >= 0.1 else { return }
        lastDrawn = now
        let elapsed = max(now - started, 1e-6)
        let rate = Double(bytes) / elapsed
        var line = "\r\u{1B}[K\(label) "
        if let total, total > 0 {
            let fraction = min(Double(bytes) / Double(total), 1)
            line += Self.bar(fraction) + Self.fixed(fraction * 100) + "% "
            line += "\(Self.megabytes(bytes))/\(Self.megabytes(total)) MB "
            if rate > 0 {
                line += "\(Self.fixed(rate / 1e6)) MB/s ETA " + Self.duration(Double(total - bytes) / rate) + " "
            }
        } else {
            line += "\(Self.megabytes(bytes)) MB \(Self.fixed(rate / 1e6)) MB/s "
        }
        line += "\(rows) rows"
        StandardError.writeRaw(line)
        drewSomething = true
    }

    /// Clears the line.
    func finish() {
        guard enabled, drewSomething else { return }
        StandardError.writeRaw("\r\u{1B}[K")
    }

    private static func bar(_ fraction: Double) -> String {
        let filled = Int(fraction * 24)
        return "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 24 - filled) + "] "
    }

    private static func duration(_ seconds: Double) -> String {
        let whole = Int(min(max(seconds, 0), 359_999))
        return "\(whole / 60):\(whole % 60 < 10 ? "0" : "")\(whole % 60)"
    }

    private static func megabytes(_ bytes: Int64) -> String {
        fixed(Double(bytes) / 1e6)
    }

    /// `value` with one decimal (no Foundation formatting).
    static func fixed(_ value: Double) -> String {
        guard value.isFinite else { return "-" }
        let tenths = Int((max(value, 0) * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
