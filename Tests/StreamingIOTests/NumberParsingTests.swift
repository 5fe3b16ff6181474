import StreamingIO
import Testing

@Suite("NumberParsing")
struct NumberParsingTests {
    private func int(_ text: String) -> Result<Int64, NumberParsing.Failure> {
        Array(text.utf8).withUnsafeBytes { NumberParsing.int64($0) }
    }

    private func double(_ text: String) -> Result<Double, NumberParsing.Failure> {
        Array(text.utf8).withUnsafeBytes { NumberParsing.double($0) }
    }

    @Test("integers", arguments: [
        ("0", Int64(0)), ("-17", -17), ("+42", 42), (" 7 ", 7), ("339.0", 339), ("12846.000", 12846),
        ("9223372036854775807", Int64.max), ("-9223372036854775808", Int64.min),
    ])
    func integers(text: String, expected: Int64) throws {
        #expect(try int(text).get() == expected)
    }

    @Test("integer failures", arguments: [
        ("", NumberParsing.Failure.empty), ("9223372036854775808", .outOfRange),
        ("123456789012345678901234", .outOfRange), ("1.5", .notAnInteger), ("abc", .notANumber),
        ("1e3", .notANumber), ("-", .notANumber), ("12a", .notANumber),
    ])
    func integerFailures(text: String, failure: NumberParsing.Failure) {
        #expect(int(text) == .failure(failure))
    }

    @Test("decimals match strtod exactly", arguments: [
        "0.1", "0.3", "-2.5", "66865.2716183", "5611.824441", "1e-05", "3.14159265358979", "123456789012345678",
        "0.000000000000000000000001", "1.7976931348623157e308", "4e7", "100.0", "2.0000000000000004",
    ])
    func decimals(text: String) throws {
        let expected = Double(text)!
        #expect(try double(text).get() == expected)
    }

    @Test("special and invalid decimals")
    func specials() throws {
        #expect(try double("NaN").get().isNaN)
        #expect(try double("inf").get() == .infinity)
        #expect(double("1e999") == .failure(.outOfRange))
        #expect(double("0x1p3") == .failure(.notANumber))
        #expect(double("1.2.3") == .failure(.notANumber))
        #expect(double("   ") == .failure(.empty))
    }
}
