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

    init() {
        enabled = isatty(2) == 1
        started = Self.now()
    }

    /// Redraws at most ten times a second.
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
            let filled = Int(fraction * 24)
            line += "[" + String(repeating: "#", count: filled) + String(repeating: ".", count: 24 - filled) + "] "
            line += Self.fixed(fraction * 100) + "% "
            line += "\(Self.megabytes(bytes))/\(Self.megabytes(total)) MB "
            if rate > 0 {
                let left = Double(total - bytes) / rate
                let seconds = Int(min(left, 359_999))
                line += "\(Self.fixed(rate / 1e6)) MB/s ETA \(seconds / 60):\(seconds % 60 < 10 ? "0" : "")\(seconds % 60) "
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
