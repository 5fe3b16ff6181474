import EdgeSimTestSupport
import ScenarioModel
import Testing

@testable import TraceImport

/// Extreme values never trap (integer overflow is a trap in Swift): they are
/// clamped, counted or reported as malformed rows, and the output stays valid.
@Suite("Extreme values")
struct ExtremeValueTests {
    static let cases: [(TraceFormat, String)] = [
        (.alibaba2018, """
            M1,1,j_1,1,Terminated,-9223372036854775808,9223372036854775807,100,0.5
            M2_1,9223372036854775807,j_1,1,Terminated,0,9223372036854775807,1e308,1e308
            M99999999999999999999999_1,1,j_1,1,Terminated,0,1,1,1

            """),
        (.alibaba2017, "-9223372036854775808,9223372036854775807,1,1,9223372036854775807,Terminated,1e308,1e308\n"),
        (.google2011, """
            9223372036854775807,,9223372036854775807,67108863,,0,u,0,0,1e308,1e308,0,0
            9223372036854775807,,9223372036854775807,67108863,9223372036854775807,1,u,0,0,1e308,1e308,0,0
            0,,1,67108864,,0,u,0,0,1,1,0,0

            """),
        (.azure2021, "a,f,1e308,1e308\na,f,-1e308,0\na,f,inf,1\na,f,nan,1\na,f,1,-1\n"),
        (.swf, "9223372036854775807 1e300 -1 1e300 9223372036854775807 -1 1e300 -1 -1 1e300 1 1 1 1 1 -1 -1 -1\n"),
    ]

    @Test("no trap, a valid workload", arguments: cases.indices)
    func extremes(index: Int) throws {
        let (format, text) = Self.cases[index]
        let directory = TemporaryDirectory()
        let path = directory.file("extreme.txt")
        Shell.write(text, to: path)
        let outcome = try importTrace(format, [path], options: options {
            $0.instances = .expand
            $0.maximumInstancesPerTask = 3
            $0.unknownRuntime = .seconds(1)
            $0.deadline = .runtimeFactor(1e300)
        })
        #expect(outcome.integer("tasks") ?? 0 > 0)
        #expect(outcome.tasks.allSatisfy { $0.instructions >= 0 && $0.memoryBytes >= 0 })
    }
}
