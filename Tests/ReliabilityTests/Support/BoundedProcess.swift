import EdgeSimTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// Runs a process with a wall-clock bound and reports how it ended and its
/// peak memory, so a test can assert "bounded time and memory" without timing
/// anything: the bound only stops a runaway process.
///
/// Standard output and error go to files (no pipe can fill up and block the
/// child); standard input comes from a file or `/dev/null`.
struct BoundedProcess {
    /// How a process ended.
    struct Outcome: CustomStringConvertible {
        /// The exit status, or nil when a signal ended the process.
        var exitStatus: Int32?
        /// The signal that ended the process, if one did.
        var signal: Int32?
        /// True when the process ran past the bound and was killed.
        var timedOut: Bool
        /// Peak resident memory in bytes.
        var peakMemoryBytes: Int
        var standardOutput: [UInt8]
        var standardError: String

        /// The lines printed on standard error.
        var errorLines: [Substring] { standardError.split(separator: "\n", omittingEmptySubsequences: false).dropLast() }

        var description: String {
            let how = timedOut ? "timed out" : exitStatus.map { "exit \($0)" } ?? "signal \(signal ?? 0)"
            return "\(how), peak \(peakMemoryBytes >> 20) MiB, stderr: \(standardError.prefix(2000))"
        }
    }

    /// The bound on a run, far above what any test input needs.
    static let defaultTimeoutSeconds = 120.0
    /// The memory a hostile input may make the CLI use (the fuzzing threshold).
    static let memoryLimitBytes = 512 << 20

    /// Runs `edgesim` with `arguments`.
    static func edgesim(
        _ arguments: [String], standardInput: String? = nil, timeoutSeconds: Double = defaultTimeoutSeconds
    ) -> Outcome {
        run([Shell.edgesimExecutable] + arguments, standardInput: standardInput, timeoutSeconds: timeoutSeconds)
    }

    /// Runs `arguments[0]` with the rest as arguments.
    static func run(
        _ arguments: [String], standardInput: String? = nil, timeoutSeconds: Double = defaultTimeoutSeconds
    ) -> Outcome {
        let scratch = TemporaryDirectory()
        let outputPath = scratch.file("stdout")
        let errorPath = scratch.file("stderr")
        guard let pid = spawn(arguments, standardInput: standardInput ?? "/dev/null", output: outputPath, error: errorPath)
        else {
            return Outcome(
                exitStatus: nil, signal: nil, timedOut: false, peakMemoryBytes: 0, standardOutput: [],
                standardError: "could not start \(arguments[0])")
        }
        let (status, peak, timedOut) = wait(for: pid, timeoutSeconds: timeoutSeconds)
        let exited = (status & 0x7F) == 0
        return Outcome(
            exitStatus: exited ? (status >> 8) & 0xFF : nil, signal: exited ? nil : status & 0x7F, timedOut: timedOut,
            peakMemoryBytes: peak, standardOutput: Shell.contents(outputPath) ?? [],
            standardError: String(decoding: Shell.contents(errorPath) ?? [], as: UTF8.self))
    }

    /// Starts a process with the given standard streams; nil when it cannot start.
    static func spawn(_ arguments: [String], standardInput: String, output: String, error: String) -> pid_t? {
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, standardInput, O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, output, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        posix_spawn_file_actions_addopen(&actions, 2, error, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { for pointer in argv { free(pointer) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, arguments[0], &actions, nil, &argv, environ)
        return result == 0 ? pid : nil
    }

    /// Waits for `pid`, killing it past the bound; returns the wait status and
    /// the process's peak resident memory.
    ///
    /// The peak is the kernel's high-water mark of the process's own memory
    /// (`VmHWM` in /proc/PID/status, read while it runs; it only grows).
    /// `wait4`'s `ru_maxrss` would not do: a spawned child shares the test
    /// process's memory until it executes, and that RSS counts as its own.
    static func wait(for pid: pid_t, timeoutSeconds: Double) -> (status: Int32, peakMemoryBytes: Int, timedOut: Bool) {
        let deadline = now() + timeoutSeconds
        var status: Int32 = 0
        var timedOut = false
        var peak = 0
        while true {
            peak = max(peak, highWaterMark(of: pid))
            let result = waitpid(pid, &status, WNOHANG)
            if result == pid { break }
            if result < 0 && errno != EINTR { break }
            if !timedOut && now() > deadline {
                timedOut = true
                kill(pid, SIGKILL)
            }
            usleep(2_000)
        }
        return (status, peak, timedOut)
    }

    /// `VmHWM` of a running process in bytes (0 once it has exited).
    static func highWaterMark(of pid: pid_t) -> Int {
        guard let bytes = Shell.contents("/proc/\(pid)/status") else { return 0 }
        let text = String(decoding: bytes, as: UTF8.self)
        guard let line = text.split(separator: "\n").first(where: { $0.hasPrefix("VmHWM:") }) else { return 0 }
        let kilobytes = line.split(separator: " ", omittingEmptySubsequences: true).dropFirst().first.flatMap { Int($0) }
        return (kilobytes ?? 0) * 1024
    }

    static func now() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
    }
}
