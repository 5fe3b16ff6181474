import StreamingIO
import Testing

@Suite("JSONWriter")
struct JSONWriterTests {
    @Test("multi-line containers with inline elements")
    func layout() {
        let writer = JSONWriter()
        writer.beginObject()
        writer.key("name")
        writer.string("demo")
        writer.key("items")
        writer.beginArray()
        writer.beginObject(.inline)
        writer.key("id")
        writer.string("a")
        writer.key("size")
        writer.number(0.1)
        writer.key("tags")
        writer.stringMap(["z": "1", "a": "2"])
        writer.endObject()
        writer.endArray()
        writer.key("empty")
        writer.beginArray()
        writer.endArray()
        writer.endObject()
        #expect(writer.text == """
            {
              "name": "demo",
              "items": [
                {"id": "a", "size": 0.1, "tags": {"a": "2", "z": "1"}}
              ],
              "empty": []
            }
            """)
    }

    @Test("strings are escaped; numbers use the shortest round-trip form")
    func escaping() {
        let writer = JSONWriter()
        writer.beginArray(.inline)
        writer.string("q\"b\\n\nt\t\u{1}é")
        writer.number(250)
        writer.number(1e-5)
        writer.number(.nan)
        writer.integer(-9_223_372_036_854_775_807)
        writer.endArray()
        #expect(writer.text == #"["q\"b\\n\nt\t\u0001é", 250.0, 1e-05, null, -9223372036854775807]"#)
    }
}

@Suite("JSONWriter number formatting")
struct JSONWriterNumberTests {
    /// A small deterministic bit source for the sweep (the tests of StreamingIO
    /// do not depend on ScenarioModel's generator).
    struct Bits {
        var state: UInt64
        mutating func next() -> UInt64 {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
    }

    static func sweep(_ kind: String) -> [Double] {
        var bits = Bits(state: UInt64(kind.utf8.count) &* 7919)
        var values: [Double] = []
        for _ in 0..<60_000 {
            let raw = bits.next()
            switch kind {
            case "short decimals":
                // m / 10^k with up to 17 digits: the fast path and its edges.
                let digits = Int(raw % 17) + 1
                var mantissa = bits.next() % 100_000_000_000_000_000
                var limit: UInt64 = 1
                for _ in 0..<digits { limit &*= 10 }
                mantissa %= limit
                let scale = Int(bits.next() % 20)
                var value = Double(mantissa)
                for _ in 0..<scale { value /= 10 }
                values.append(raw & 1 == 0 ? value : -value)
            case "bit patterns":
                let value = Double(bitPattern: raw)
                if value.isFinite { values.append(value) }
            case "ranges":
                let exponent = Int(raw % 40) - 20
                var value = Double(bits.next() >> 11) * 0x1.0p-53
                for _ in 0..<abs(exponent) { value = exponent < 0 ? value / 10 : value * 10 }
                values.append(value)
            default:
                // Integral values around 2^53 and rounded figures.
                let value = Double(Int64(bitPattern: raw) >> Int64(raw % 60))
                values.append(value)
                values.append((Double(raw % 1_000_000) / 1000).rounded() / 100)
            }
        }
        return values
    }

    @Test("doubles are written exactly as Swift's description", arguments: [
        "short decimals", "bit patterns", "ranges", "integral",
    ])
    func matchesDescription(kind: String) {
        let values = Self.sweep(kind) + [
            0, -0.0, 0.1, 0.001, 0.0001, 0.00012, 1e-5, Double.leastNonzeroMagnitude, 1e15, 1e16, 9_007_199_254_740_991,
            9_007_199_254_740_992, 4_503_599_627_370_496.5, 0.30000000000000004, 0.5003060900501561,
            1.7976931348623157e308, -1.5, 123456.7, 1.0 / 3,
        ]
        let writer = JSONWriter()
        writer.beginArray(.inline)
        for value in values { writer.number(value) }
        writer.endArray()
        let expected = "[" + values.map { $0.description }.joined(separator: ", ") + "]"
        #expect(writer.text == expected)
    }

    @Test("long doubles written many times, evicting each other in the cache, keep their exact form")
    func repeatedLongDoubles() {
        let long = (0..<300).map { 0.5003060900501561 + Double($0) * 1.1e-7 } + [1.0 / 3, 22.508279412, 2e-300, 1e200]
        var values: [Double] = []
        for round in 0..<5 { values += round % 2 == 0 ? long : long.reversed() }
        let writer = JSONWriter()
        writer.beginArray(.inline)
        for value in values { writer.number(value) }
        writer.endArray()
        #expect(writer.text == "[" + values.map { $0.description }.joined(separator: ", ") + "]")
    }

    @Test("integers at the limits")
    func integers() {
        let writer = JSONWriter()
        writer.beginArray(.inline)
        for value in [Int64.min, Int64.max, 0, -1, 9, 10, 99, 100, 1_000_000_007] { writer.integer(value) }
        writer.endArray()
        #expect(writer.text == "[-9223372036854775808, 9223372036854775807, 0, -1, 9, 10, 99, 100, 1000000007]")
    }

    @Test("long strings and label maps grow the buffer")
    func growth() {
        let writer = JSONWriter()
        let long = String(repeating: "ab\"c", count: 5000)
        writer.beginObject(.inline)
        writer.key("long")
        writer.string(long)
        writer.key("labels")
        writer.stringMap(["b": "2", "a": "1", "c": "3", "aa": "0"])
        writer.endObject()
        let escaped = String(repeating: "ab\\\"c", count: 5000)
        let labels = #"{"a": "1", "aa": "0", "b": "2", "c": "3"}"#
        #expect(writer.text == #"{"long": ""# + escaped + #"", "labels": "# + labels + "}")
    }
}
