import StreamingIO

/// The fields of one 512-byte tar header that the reader needs.
struct TarHeader {
    var name: String
    var size: Int64
    var type: UInt8

    init(_ block: UnsafeRawBufferPointer, location: SourceLocation) throws(TraceImportError) {
        let rawName = Self.text(block, 0, 100)
        let isUstar = UnsafeRawBufferPointer(rebasing: block[257..<262]).elementsEqual("ustar".utf8)
        let prefix = isUstar ? Self.text(block, 345, 155) : ""
        name = prefix.isEmpty ? rawName : prefix + "/" + rawName
        type = block[156]
        guard let size = Self.number(block, 124, 12) else {
            throw .unsupportedInput(location, message: "invalid size field in the tar header of '\(MessageText.excerpt(name))'")
        }
        self.size = size
    }

    /// The NUL-terminated text of a field.
    static func text(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> String {
        let field = UnsafeRawBufferPointer(rebasing: block[offset..<(offset + length)])
        let used = field.firstIndex(of: 0) ?? field.count
        return String(decoding: UnsafeRawBufferPointer(rebasing: field[0..<used]), as: UTF8.self)
    }

    /// An octal number field, or GNU's base-256 form (high bit of the first byte set).
    static func number(_ block: UnsafeRawBufferPointer, _ offset: Int, _ length: Int) -> Int64? {
        let field = UnsafeRawBufferPointer(rebasing: block[offset..<(offset + length)])
        if field[0] & 0x80 != 0 {
            guard field[0] & 0x40 == 0 else { return nil }  // negative base-256 values
            var value: Int64 = Int64(field[0] & 0x3f)
            for byte in field.dropFirst() {
                guard value < Int64.max >> 8 else { return nil }
                value = value << 8 | Int64(byte)
            }
            return value
        }
        var value: Int64 = 0
        var sawDigit = false
        for byte in field {
            if byte == 0 || (byte == 0x20 && sawDigit) { break }
            if byte == 0x20 { continue }
            let digit = byte &- UInt8(ascii: "0")
            guard digit < 8, value < Int64.max >> 3 else { return nil }
            value = value << 3 | Int64(digit)
            sawDigit = true
        }
        return value
    }

    /// True when the checksum field matches the header's bytes (the unsigned
    /// sum, or the historic signed sum, with the checksum field read as spaces).
    static func checksumMatches(_ block: UnsafeRawBufferPointer) -> Bool {
        guard let stored = number(block, 148, 8) else { return false }
        var unsigned: Int64 = 0
        var signed: Int64 = 0
        for index in 0..<512 {
            let byte = (148..<156).contains(index) ? UInt8(0x20) : block[index]
            unsigned += Int64(byte)
            signed += Int64(Int8(bitPattern: byte))
        }
        return stored == unsigned || stored == signed
    }

    /// PAX records `LENGTH key=value\n` (LENGTH counts the whole record) as a dictionary.
    static func paxValues(_ records: [UInt8]) -> [String: String] {
        var values: [String: String] = [:]
        var position = 0
        while position < records.count {
            var length = 0
            var index = position
            while index < records.count, records[index] >= 0x30, records[index] <= 0x39, length < 1 << 20 {
                length = length * 10 + Int(records[index] - 0x30)
                index += 1
            }
            // The length covers its own digits and the space: "1 " claims one byte and is corrupt.
            guard index < records.count, records[index] == 0x20, length > index - position,
                position + length <= records.count
            else { break }
            let body = records[(index + 1)..<(position + length)]
            if let equals = body.firstIndex(of: UInt8(ascii: "=")) {
                let key = String(decoding: body[body.startIndex..<equals], as: UTF8.self)
                var valueEnd = body.endIndex
                if valueEnd > equals + 1 && records[valueEnd - 1] == 0x0A { valueEnd -= 1 }
                values[key] = String(decoding: records[(equals + 1)..<valueEnd], as: UTF8.self)
            }
            position += length
        }
        return values
    }
}
