import StreamingIO
import Testing

@Suite("JSONReader")
struct JSONReaderTests {
    private func reader(_ text: String) -> JSONReader {
        JSONReader(bytes: Array(text.utf8), path: "test.json")
    }

    @Test("reads nested values in order")
    func nested() throws {
        let json = reader(#"{"name": "a\"b\u00e9\ud83d\ude00", "n": [1, 2.5, -3e2], "ok": true, "none": null}"#)
        var name = ""
        var numbers: [Double] = []
        var flag = false
        var sawNull = false
        try json.readObject { key in
            switch key {
            case "name": name = try json.readString()
            case "n": try json.readArray { _ in numbers.append(try json.readDouble()) }
            case "ok": flag = try json.readBool()
            default: sawNull = try json.readNullIfPresent()
            }
        }
        try json.expectEnd()
        #expect(name == "a\"bé😀")
        #expect(numbers == [1, 2.5, -300])
        #expect(flag && sawNull)
    }

    @Test("errors carry line, column and JSON path")
    func errorLocations() throws {
        let json = reader("{\n  \"nodes\": [\n    {\"id\": 3}\n  ]\n}")
        #expect {
            try json.readObject { _ in
                try json.readArray { _ in try json.readObject { _ in _ = try json.readString() } }
            }
        } throws: { error in
            "\(error)" == "test.json:3:12: $.nodes[0].id: expected a string, found a number"
        }
    }

    @Test("duplicate keys are rejected")
    func duplicateKeys() {
        let json = reader(#"{"a": 1, "b": 2, "a": 3}"#)
        #expect {
            try json.readObject { _ in _ = try json.readInt64() }
        } throws: { "\($0)".contains("duplicate key 'a'") }
    }

    @Test("integers: 64-bit range, exponent forms, fractions rejected")
    func integers() throws {
        let json = reader("[9223372036854775807, 4e7, 12.0, 1.5, 99999999999999999999]")
        var values: [Int64] = []
        var failures: [String] = []
        try json.readArray { _ in
            do { values.append(try json.readInt64()) } catch { failures.append("\(error)") }
        }
        #expect(values == [Int64.max, 40_000_000, 12])
        #expect(failures.count == 2)
        #expect(failures[0].contains("expected an integer"))
        #expect(failures[1].contains("out of the 64-bit range"))
    }

    @Test("malformed documents", arguments: [
        ("{\"a\": 1,}", "expected a quoted key"), ("[1 2]", "expected ',' or ']'"), ("{\"a\" 1}", "expected ':'"),
        ("\"unterminated", "unterminated string"), ("{\"a\": tru}", "expected true or false"),
        ("[1] x", "unexpected data after the JSON value"), ("\"tab\there\"", "control character"),
        ("\"\\x\"", "invalid escape"), ("", "unexpected end of JSON"),
    ])
    func malformed(text: String, message: String) {
        let json = reader(text)
        #expect {
            try json.skipValue()
            try json.expectEnd()
        } throws: { "\($0)".contains(message) }
    }

    @Test("deep nesting is an error, not a stack overflow")
    func depthLimit() {
        let json = reader(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect {
            try json.skipValue()
        } throws: { "\($0)".contains("nested deeper than 512 levels") }
    }
}
