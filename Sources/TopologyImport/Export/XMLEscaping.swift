import StreamingIO

/// XML 1.0 escaping for the GraphML writer.
enum XMLEscaping {
    /// Why a text cannot be written as XML 1.0.
    static func problem(in text: String) -> String? {
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if (value < 0x20 && value != 0x09 && value != 0x0A && value != 0x0D) || value == 0xFFFE || value == 0xFFFF {
                return "contains U+\(String(value, radix: 16, uppercase: true)), which XML 1.0 cannot represent"
            }
        }
        return nil
    }

    /// Appends `text` escaped for an attribute value in double quotes (tabs and
    /// line breaks as character references, which attribute normalisation keeps).
    static func attribute(_ text: String, into sink: ByteSink) throws(StreamingIOError) {
        try escape(text, into: sink, inAttribute: true)
    }

    /// Appends `text` escaped for element content (CR as `&#13;`, which XML
    /// line-end normalisation would otherwise turn into LF).
    static func content(_ text: String, into sink: ByteSink) throws(StreamingIOError) {
        try escape(text, into: sink, inAttribute: false)
    }

    private static func escape(_ text: String, into sink: ByteSink, inAttribute: Bool) throws(StreamingIOError) {
        var text = text
        let result: Result<Void, StreamingIOError> = text.withUTF8 { utf8 in
            do throws(StreamingIOError) {
                var clean = 0
                for index in 0..<utf8.count {
                    let byte = utf8[index]
                    let replacement: StaticString
                    switch byte {
                    case UInt8(ascii: "&"): replacement = "&amp;"
                    case UInt8(ascii: "<"): replacement = "&lt;"
                    case UInt8(ascii: ">"): replacement = "&gt;"
                    case UInt8(ascii: "\"") where inAttribute: replacement = "&quot;"
                    case 0x09 where inAttribute: replacement = "&#9;"
                    case 0x0A where inAttribute: replacement = "&#10;"
                    case 0x0D: replacement = "&#13;"
                    default: continue
                    }
                    try sink.bytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[clean..<index]))
                    try sink.literal(replacement)
                    clean = index + 1
                }
                try sink.bytes(UnsafeRawBufferPointer(rebasing: UnsafeRawBufferPointer(utf8)[clean..<utf8.count]))
                return .success(())
            } catch {
                return .failure(error)
            }
        }
        try result.get()
    }
}
