import BenchReport
import EdgeSimTestSupport
import Testing

#if canImport(Glibc)
import Glibc
#endif

@Suite("TerminalProgressBar")
struct TerminalProgressBarTests {
    let directory = TemporaryDirectory()

    /// A clock that advances by `step` seconds on every reading.
    final class SteppingClock: @unchecked Sendable {
        var now = 0.0
        let step: Double
        init(step: Double) { self.step = step }
        func read() -> Double {
            defer { now += step }
            return now
        }
    }

    private func capture(isEnabled: Bool?, step: Double, _ body: (TerminalProgressBar) -> Void) -> String {
        let path = directory.file("bar-\(isEnabled.map(String.init) ?? "auto")-\(step)")
        let descriptor = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        let clock = SteppingClock(step: step)
        body(TerminalProgressBar(fileDescriptor: descriptor, isEnabled: isEnabled, width: 10, clock: clock.read))
        close(descriptor)
        return String(decoding: Shell.contents(path) ?? [], as: UTF8.self)
    }

    private func progress(_ done: Int, of total: Int) -> BenchProgress {
        BenchProgress(
            completedJobs: done, totalJobs: total,
            job: BenchJob(index: done - 1, scenario: BenchScenario(name: "s", path: "s"), policy: "p", seed: 1))
    }

    @Test("draws in place with counts, percent, elapsed and remaining time")
    func draws() {
        let text = capture(isEnabled: true, step: 10) { bar in
            bar.update(progress(1, of: 4))
            bar.update(progress(4, of: 4))
            bar.finish()
        }
        #expect(text == "\r[██░░░░░░░░] 1/4 jobs  25%  0:10 elapsed  ~0:30 left\u{1B}[K"
            + "\r[██████████] 4/4 jobs 100%  0:20 elapsed\u{1B}[K\n")
    }

    @Test("redraws at most ten times a second, but always the last job")
    func throttles() {
        let text = capture(isEnabled: true, step: 0.01) { bar in
            for done in 1...50 { bar.update(progress(done, of: 50)) }
            bar.finish()
        }
        // 50 updates 0.01 s apart: a draw about every tenth update (0.1 s), plus the last.
        let draws = text.split(separator: "\r")
        #expect(draws.count == 6)
        #expect(draws.first?.contains(" 1/50 jobs") == true)
        // 0.5 s elapsed rounds to 0:01.
        #expect(text.hasSuffix("50/50 jobs 100%  0:01 elapsed\u{1B}[K\n"))
    }

    @Test("draws nothing when disabled or not on a terminal")
    func silent() {
        let disabled = capture(isEnabled: false, step: 1) { bar in
            bar.update(progress(1, of: 2))
            bar.finish()
        }
        #expect(disabled.isEmpty)
        // A regular file is not a terminal.
        var isEnabled = true
        let automatic = capture(isEnabled: nil, step: 1) { bar in
            isEnabled = bar.isEnabled
            bar.update(progress(1, of: 2))
        }
        #expect(!isEnabled && automatic.isEmpty)
    }
}
