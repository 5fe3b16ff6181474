import EdgeSimTestSupport
import StreamingIO
import Testing

@Suite("CSVReader")
struct CSVReaderTests {
    let directory = TemporaryDirectory()

    private func records(_ text: String, dialect: CSVDialect = .comma) throws -> [[String]] {
        let path = directory.file("input-\(text.utf8.count).csv")
        Shell.write(text, to: path)
        let reader = try CSVReader(path: path, dialect: dialect)
        var rows: [[String]] = []
        while try reader.nextRecord() {
            rows.append((0..<reader.fieldCount).map { reader.string($0) })
        }
        return rows
    }

    @Test("fields, empty fields and a trailing separator")
    func splitting() throws {
        #expect(try records("a,b,c\n,,\nx,\n") == [["a", "b", "c"], ["", "", ""], ["x", ""]])
    }

    @Test("CRLF line ends and a missing final newline")
    func lineEnds() throws {
        #expect(try records("1,2\r\n3,4\r\n5,6") == [["1", "2"], ["3", "4"], ["5", "6"]])
    }

    @Test("quoted fields: separators, doubled quotes and newlines inside")
    func quoting() throws {
        let rows = try records("\"a,b\",\"say \"\"hi\"\"\",\"two\nlines\"\nnext,row\n")
        #expect(rows == [["a,b", "say \"hi\"", "two\nlines"], ["next", "row"]])
    }

    @Test("line numbers count the lines inside quoted fields")
    func lineNumbers() throws {
        let path = directory.file("lines.csv")
        Shell.write("a\n\"b\nc\"\nd\n", to: path)
        let reader = try CSVReader(path: path)
        var lines: [Int] = []
        while try reader.nextRecord() { lines.append(reader.lineNumber) }
        #expect(lines == [1, 2, 4])
    }

    @Test("an unterminated quote is an error with the line")
    func unterminatedQuote() throws {
        #expect {
            _ = try records("ok,1\n\"never closed,2\n")
        } throws: { error in
            "\(error)".contains(":2: unterminated quoted field")
        }
    }

    @Test("a byte-order mark, comment lines and blank lines are skipped")
    func skipping() throws {
        let dialect = CSVDialect(separator: .byte(UInt8(ascii: ",")), commentPrefix: UInt8(ascii: "#"))
        #expect(try records("\u{FEFF}# header\na,1\n\n# note\nb,2\n", dialect: dialect) == [["a", "1"], ["b", "2"]])
    }

    @Test("whitespace-separated records (SWF)")
    func whitespace() throws {
        let dialect = CSVDialect(separator: .whitespace, allowsQuotes: false, commentPrefix: UInt8(ascii: ";"))
        #expect(try records("; UnixStartTime: 1\n   1   0  -1\t5\n2 3 4\n", dialect: dialect) == [["1", "0", "-1", "5"], ["2", "3", "4"]])
    }

    @Test("records spanning many buffer refills and longer than the initial buffer")
    func largeInput() throws {
        let long = String(repeating: "x", count: 700_000)
        var text = ""
        for index in 0..<30_000 { text += "\(index),\(index * 3),name_\(index)\n" }
        text += "long,\(long)\nend,1\n"
        let rows = try records(text)
        #expect(rows.count == 30_002)
        #expect(rows[29_999] == ["29999", "89997", "name_29999"])
        #expect(rows[30_000][1].count == 700_000)
        #expect(rows.last == ["end", "1"])
    }

    @Test("a record longer than the limit is an error, not unbounded memory")
    func recordLimit() throws {
        let path = directory.file("huge.csv")
        Shell.write("a,1\n" + String(repeating: "y", count: 600_000) + "\n", to: path)
        let reader = CSVReader(input: try InputFile(path: path), maximumRecordBytes: 512 * 1024)
        #expect(try reader.nextRecord())
        #expect {
            _ = try reader.nextRecord()
        } throws: { error in
            "\(error)".contains(":2: record longer than 524288 bytes")
        }
    }

    @Test("typed fields: integers, decimals, empties and errors with line and column")
    func typedFields() throws {
        let path = directory.file("typed.csv")
        Shell.write("5611824441,12846.0,,0.25,1e-3\n99999999999999999999,x\n", to: path)
        let reader = try CSVReader(path: path)
        #expect(try reader.nextRecord())
        #expect(try reader.int64(0) == 5_611_824_441)
        #expect(try reader.int64(1) == 12846)
        #expect(try reader.int64(2) == nil)
        #expect(try reader.double(3) == 0.25)
        #expect(try reader.double(4) == 0.001)
        #expect(reader.fieldEquals(3, "0.25"))
        #expect(try reader.nextRecord())
        #expect {
            _ = try reader.int64(0)
        } throws: { "\($0)".hasSuffix("typed.csv:2:1: field 1: '99999999999999999999' is out of range for an integer") }
        #expect {
            _ = try reader.double(1)
        } throws: { "\($0)".hasSuffix("typed.csv:2:22: field 2: expected a number, found 'x'") }
    }

    @Test("gzip input is read through the same reader")
    func gzipInput() throws {
        let path = directory.file("rows.csv.gz")
        Shell.write(Shell.gzip(Array("1,a\n2,b\n".utf8)), to: path)
        let reader = try CSVReader(path: path)
        var ids: [Int64] = []
        while try reader.nextRecord() { ids.append(try reader.int64(0) ?? -1) }
        #expect(ids == [1, 2])
    }
}

@Suite("CSVReader typed fast paths")
struct CSVReaderFastPathTests {
    let directory = TemporaryDirectory()

    @Test("inline integer and decimal parsing agrees with the general parser")
    func agreement() throws {
        let values = [
            "0", "7", "-7", "+7", "007", "123456789012345678", "1234567890123456789", "9223372036854775807",
            "-9223372036854775808", " 12 ", "12.0", "0.5", "-0.25", ".5", "5.", "123456789012345", "1234567890.12345",
            "0.1234567890123456", "1e3", "-0", "0.000001", "99999999999999999",
        ]
        let path = directory.file("numbers.csv")
        Shell.write(values.joined(separator: ",") + "\n", to: path)
        let reader = try CSVReader(path: path)
        #expect(try reader.nextRecord())
        for (index, text) in values.enumerated() {
            let general = reader.withFieldBytes(index) { NumberParsing.double($0) }
            let fast = Result { try reader.double(index) }
            switch (general, fast) {
            case (.success(let expected), .success(let value)): #expect(value == expected, "\(text)")
            default: #expect(Bool(false), "\(text): \(general) vs \(fast)")
            }
            let generalInteger = reader.withFieldBytes(index) { NumberParsing.int64($0) }
            let fastInteger = Result { try reader.int64(index) }
            switch (generalInteger, fastInteger) {
            case (.success(let expected), .success(let value)): #expect(value == expected, "\(text)")
            case (.failure, .failure): break
            default: #expect(Bool(false), "\(text): \(generalInteger) vs \(fastInteger)")
            }
        }
    }
}
