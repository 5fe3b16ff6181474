import StreamingIO

extension FuzzTarget {
    // MARK: - Byte streams

    static func gzip(_ bytes: [UInt8], _ scratch: FuzzScratch) -> String? {
        guard let input = try? InputFile(path: scratch.write(bytes, suffix: ".gz")) else { return nil }
        var total = 0
        do {
            try input.forEachChunk(chunkSize: 4096) { total += $0.count }
        } catch {
            _ = "\(error)"
            return nil
        }
        if !input.isCompressed && total != bytes.count { return "a plain file of \(bytes.count) bytes read as \(total)" }
        return nil
    }

    /// Records and every typed accessor, in the comma or the whitespace (SWF) dialect.
    static func csv(_ bytes: [UInt8], _ scratch: FuzzScratch) -> String? {
        guard let choice = bytes.first else { return nil }
        let dialect: CSVDialect = choice & 1 == 0
            ? .comma
            : CSVDialect(separator: .whitespace, allowsQuotes: false, commentPrefix: UInt8(ascii: ";"))
        guard let input = try? InputFile(path: scratch.write(Array(bytes.dropFirst()), suffix: ".csv")) else { return nil }
        let reader = CSVReader(input: input, dialect: dialect, maximumRecordBytes: 1 << 20)
        while (try? reader.nextRecord()) == true {
            for field in 0..<reader.fieldCount {
                _ = try? reader.int64(field)
                _ = try? reader.double(field)
                _ = reader.string(field)
                _ = reader.isEmpty(field)
            }
            if let finding = oneLine(reader.error("probe", field: 0).description) { return finding }
        }
        return nil
    }

    /// Walks any JSON value with every reader call, as decoders do.
    static func json(_ bytes: [UInt8]) -> String? {
        let reader = JSONReader(bytes: bytes, path: "fuzz.json")
        do {
            try walk(reader)
            try reader.expectEnd()
        } catch {
            return oneLine("\(error)")
        }
        return nil
    }

    private static func walk(_ reader: JSONReader) throws {
        switch try reader.peekKind() {
        case .object: try reader.readObject { _ in try walk(reader) }
        case .array: try reader.readArray { _ in try walk(reader) }
        case .string: _ = try reader.readString()
        case .number:
            _ = reader.jsonPath
            do { _ = try reader.readInt64() } catch { _ = try reader.readDouble() }
        case .bool: _ = try reader.readBool()
        case .null: _ = try reader.readNullIfPresent()
        }
    }

    /// A diagnostic must be one line of bounded length, whatever the input held.
    static func oneLine(_ message: String) -> String? {
        if message.utf8.count > 64 * 1024 { return "a diagnostic of \(message.utf8.count) bytes" }
        if message.unicodeScalars.contains(where: { $0 == "\n" || $0 == "\r" }) {
            return "a diagnostic spans lines: \(MessageText.excerpt(message, limit: 200))"
        }
        return nil
    }
}
