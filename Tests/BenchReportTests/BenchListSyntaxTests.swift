import BenchReport
import Testing

@Suite("BenchListSyntax")
struct BenchListSyntaxTests {
    @Test("seed lists and ranges expand in the order written", arguments: [
        ("1..10", Array(UInt64(1)...10)),
        ("3", [3]),
        ("1,2,5", [1, 2, 5]),
        (" 1..3 , 10 ", [1, 2, 3, 10]),
        ("0..0", [0]),
        ("18446744073709551615", [UInt64.max]),
        ("7,1..2", [7, 1, 2]),
    ] as [(String, [UInt64])])
    func seeds(text: String, expected: [UInt64]) throws {
        #expect(try BenchListSyntax.seeds(text).get() == expected)
    }

    @Test("bad seed lists say what is wrong", arguments: [
        ("", "expected at least one seed"),
        ("1,,2", "empty item in the seed list '1,,2'"),
        ("a", "expected a seed (a non-negative integer) or a range such as 1..10, found 'a'"),
        ("-1", "expected a seed (a non-negative integer) or a range such as 1..10, found '-1'"),
        ("5..3", "empty seed range '5..3'"),
        ("1..x", "expected a seed or a range such as 1..10, found '1..x'"),
        ("1..3,2", "seed 2 appears twice"),
        ("0..18446744073709551615", "more than 100000 seeds"),
        ("1..100001", "more than 100000 seeds"),
        ("18446744073709551616", "expected a seed (a non-negative integer) or a range such as 1..10, found '18446744073709551616'"),
    ])
    func badSeeds(text: String, message: String) {
        #expect(throws: SyntaxProblem(message)) { try BenchListSyntax.seeds(text).get() }
    }

    @Test("names are trimmed and must be unique and non-empty")
    func names() throws {
        #expect(try BenchListSyntax.names("local, random ,cloud", what: "policy").get() == ["local", "random", "cloud"])
        #expect(throws: SyntaxProblem("policy 'local' appears twice")) {
            try BenchListSyntax.names("local,local", what: "policy").get()
        }
        #expect(throws: SyntaxProblem("empty policy name")) { try BenchListSyntax.names("a,,b", what: "policy").get() }
        #expect(throws: SyntaxProblem("expected at least one policy")) { try BenchListSyntax.names(" ", what: "policy").get() }
    }

    @Test("a sweep range gives evenly spaced values rounded to 12 digits")
    func sweepRange() throws {
        let sweep = try BenchListSyntax.sweep("arrivalRateScale=0.5..1.5:5").get()
        #expect(sweep.parameter == "arrivalRateScale")
        #expect(sweep.values == [0.5, 0.75, 1.0, 1.25, 1.5])
        #expect(try BenchListSyntax.sweep("x=0.1..0.3:3").get().values == [0.1, 0.2, 0.3])
        #expect(try BenchListSyntax.sweep("x=2..2:1").get().values == [2])
    }

    @Test("a sweep list keeps its values")
    func sweepList() throws {
        let sweep = try BenchListSyntax.sweep("syntheticArrivals.ratePerSecondPerOrigin=0.25, 0.5,1").get()
        #expect(sweep.parameter == "syntheticArrivals.ratePerSecondPerOrigin")
        #expect(sweep.values == [0.25, 0.5, 1])
    }

    @Test("bad sweeps say what is wrong", arguments: [
        ("arrivalRateScale", "expected NAME=FROM..TO:STEPS or NAME=V1,V2,... (such as arrivalRateScale=0.5..1.5:5)"),
        ("x=1..2", "expected NAME=FROM..TO:STEPS or NAME=V1,V2,... (such as arrivalRateScale=0.5..1.5:5); '1..2' is not a finite number"),
        ("x=2..1:3", "a sweep range needs from < to"),
        ("x=1..2:0", "steps must be between 1 and 1000, found 0"),
        ("x=1..2:1", "one step needs from == to; use at least 2 steps for a range"),
        ("x=1,0.5", "sweep values must increase: 0.5 follows 1"),
        ("x=1,nan", "expected NAME=FROM..TO:STEPS or NAME=V1,V2,... (such as arrivalRateScale=0.5..1.5:5); 'nan' is not a finite number"),
        ("9x=1,2", "invalid parameter name '9x' (expected letters, digits, '_' or '.', starting with a letter)"),
        ("=1,2", "invalid parameter name '' (expected letters, digits, '_' or '.', starting with a letter)"),
    ])
    func badSweeps(text: String, message: String) {
        #expect(throws: SyntaxProblem(message)) { try BenchListSyntax.sweep(text).get() }
    }
}
