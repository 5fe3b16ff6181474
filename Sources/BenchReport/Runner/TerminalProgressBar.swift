#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress bar for matrix runs, redrawn in place on standard
/// error, and only when standard error is a terminal (so logs and pipes get
/// no control characters).
///
/// ```
/// [███████████░░░░░░░░░░░░░░░░░░░]  57/150 jobs  38%  0:42 elapsed  ~1:08 left
/// ```
///
/// Use it from the thread that calls `MatrixRunner.run`: its progress callback
/// runs there.
public final class TerminalProgressBar {
    /// Whether the bar draws anything.
    public let isEnabled: Bool
    private let fileDescriptor: Int32
    private let width: Int
    private let clock: () -> Double
    private let startSeconds: Double
    private var lastDrawSeconds = -Double.infinity
    private var hasDrawn = false

    /// Creates a bar.
    ///
    /// - Parameters:
    ///   - fileDescriptor: Where to draw (standard error by default).
    ///   - isEnabled: Forces drawing on or off; nil draws only when the descriptor is a terminal.
    ///   - width: The bar's width in characters.
    ///   - clock: Seconds from a monotonic clock (injectable for tests).
    public init(
        fileDescriptor: Int32 = 2, isEnabled: Bool? = nil, width: Int = 30,
        clock: @escaping () -> Double = TerminalProgressBar.monotonicSeconds
    ) {
        self.fileDescriptor = fileDescriptor
        self.isEnabled = isEnabled ?? (isatty(fileDescriptor) == 1)
        self.width = max(width, 5)
        self.clock = clock
        startSeconds = clock()
    }

    /// Redraws the bar for `progress` (at most ten times a second, and always for the last job).
    public func update(_ progress: BenchProgress) {
        guard isEnabled else { return }
        let now = clock()
        let isLast = progress.completedJobs >= progress.totalJobs
        guard isLast || now - lastDrawSeconds >= 0.1 else { return }
        lastDrawSeconds = now
        hasDrawn = true
        emit("\r" + Self.line(progress, elapsedSeconds: now - startSeconds, width: width) + "\u{1B}[K")
    }

    /// Ends the bar's line, so later output starts on a fresh line.
    public func finish() {
        guard isEnabled, hasDrawn else { return }
        hasDrawn = false
        emit("\n")
    }

    /// The bar's text for `progress` after `elapsedSeconds`.
    static func line(_ progress: BenchProgress, elapsedSeconds: Double, width: Int) -> String {
        let fraction = min(max(progress.fraction, 0), 1)
        let filled = Int((fraction * Double(width)).rounded(.down))
        var text = "[" + String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled) + "]"
        let digits = String(progress.totalJobs).count
        let done = String(progress.completedJobs)
        text += " " + String(repeating: " ", count: max(digits - done.count, 0)) + done + "/\(progress.totalJobs) jobs"
        let percent = String(Int((fraction * 100).rounded(.down)))
        text += " " + String(repeating: " ", count: 3 - percent.count) + percent + "%"
        text += "  " + duration(elapsedSeconds) + " elapsed"
        if progress.completedJobs > 0 && progress.completedJobs < progress.totalJobs {
            let remaining = elapsedSeconds / Double(progress.completedJobs) * Double(progress.totalJobs - progress.completedJobs)
            text += "  ~" + duration(remaining) + " left"
        }
        return text
    }

    /// `m:ss`, or `h:mm:ss` from an hour.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "-:--" }
        let total = Int(min(seconds, 359_999).rounded())
        let hours = total / 3600, minutes = (total / 60) % 60, remainder = total % 60
        let twoDigits: (Int) -> String = { $0 < 10 ? "0\($0)" : "\($0)" }
        return hours > 0 ? "\(hours):\(twoDigits(minutes)):\(twoDigits(remainder))" : "\(minutes):\(twoDigits(remainder))"
    }

    /// Seconds on the monotonic clock (`CLOCK_MONOTONIC`).
    public static func monotonicSeconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }

    private func emit(_ text: String) {
        var text = text
        text.withUTF8 { bytes in
            guard let base = bytes.baseAddress else { return }
            var offset = 0
            while offset < bytes.count {
                let written = write(fileDescriptor, base + offset, bytes.count - offset)
                if written <= 0 { break }
                offset += written
            }
        }
    }
}
