import EdgeSimTestSupport

#if canImport(Glibc)
import Glibc
#endif

/// The writing end of a named pipe that a child process reads as its input.
///
/// Holding the pipe open keeps the reader waiting for more data, so a test
/// can stop a process deterministically in the middle of its work: while the
/// pipe is open the process cannot reach the end of its input (nor commit an
/// output), whatever the machine's speed.
final class FIFOFeeder {
    let path: String
    private var descriptor: Int32 = -1

    /// Creates the pipe at `path`.
    init(path: String) {
        self.path = path
        mkfifo(path, 0o644)
        // A reader that fails would make writes raise SIGPIPE in the test process.
        signal(SIGPIPE, SIG_IGN)
    }

    deinit {
        if descriptor >= 0 { close(descriptor) }
    }

    /// Opens the pipe for reading and writing, so a child can then open it (as
    /// its standard input, say) without either side blocking; data written
    /// here waits in the pipe for the child.
    func openBeforeReader() -> Bool {
        descriptor = open(path, O_RDWR)
        return descriptor >= 0
    }

    /// Waits until `pid` opens the pipe for reading; false when it exits first.
    func waitForReader(_ pid: pid_t, timeoutSeconds: Double = BoundedProcess.defaultTimeoutSeconds) -> Bool {
        let deadline = BoundedProcess.now() + timeoutSeconds
        while BoundedProcess.now() < deadline {
            let opened = open(path, O_WRONLY | O_NONBLOCK)
            if opened >= 0 {
                _ = fcntl(opened, F_SETFL, fcntl(opened, F_GETFL) & ~O_NONBLOCK)
                descriptor = opened
                return true
            }
            if ProcessProbe.hasExited(pid) { return false }
            usleep(2_000)
        }
        return false
    }

    /// Writes `text` (blocking while the reader catches up); false when the reader went away.
    func write(_ text: String) -> Bool {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return false }
            bytes = bytes.dropFirst(written)
        }
        return true
    }
}

/// Looks at a running process through /proc.
enum ProcessProbe {
    /// True when `pid` is no longer running (a zombie counts as exited; it is not reaped).
    static func hasExited(_ pid: pid_t) -> Bool {
        guard let status = Shell.contents("/proc/\(pid)/stat") else { return true }
        let text = String(decoding: status, as: UTF8.self)
        guard let close = text.lastIndex(of: ")") else { return true }
        let state = text[text.index(close, offsetBy: 2)...].first
        return state == "Z" || state == "X"
    }

    /// The sizes of the unnamed temporary files (`O_TMPFILE`, shown as
    /// `FOLDER/#inode (deleted)`) that `pid` has open in `folder`.
    static func unnamedFileSizes(of pid: pid_t, in folder: String) -> [Int] {
        var sizes: [Int] = []
        for descriptor in Shell.listing("/proc/\(pid)/fd") {
            var buffer = [CChar](repeating: 0, count: 4096)
            let length = readlink("/proc/\(pid)/fd/\(descriptor)", &buffer, buffer.count - 1)
            guard length > 0 else { continue }
            let target = String(decoding: buffer[0..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
            guard target.hasPrefix(folder + "/"), target.hasSuffix(" (deleted)") else { continue }
            // Only files directly in `folder`: an import's sort runs in a subfolder may be open and
            // unlinked too, and counting them would make the result depend on timing.
            guard !target.dropFirst(folder.count + 1).dropLast(" (deleted)".count).contains("/") else { continue }
            var status = stat()
            if stat("/proc/\(pid)/fd/\(descriptor)", &status) == 0 { sizes.append(Int(status.st_size)) }
        }
        return sizes
    }
}
