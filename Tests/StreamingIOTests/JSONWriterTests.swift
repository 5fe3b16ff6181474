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
