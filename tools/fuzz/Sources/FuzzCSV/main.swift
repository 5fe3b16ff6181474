import FuzzSupport
import StreamingIO

// Records and every typed accessor over arbitrary bytes, in the comma and the
// whitespace (SWF) dialects; the first byte picks the dialect.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    guard let data, size > 0 else { return 0 }
    let dialect: CSVDialect = data[0] & 1 == 0
        ? .comma
        : CSVDialect(separator: .whitespace, allowsQuotes: false, commentPrefix: UInt8(ascii: ";"))
    let path = FuzzScratch.write(data + 1, size - 1)
    guard let input = try? InputFile(path: path) else { return 0 }
    let reader = CSVReader(input: input, dialect: dialect, maximumRecordBytes: 1 << 20)
    while (try? reader.nextRecord()) == true {
        for field in 0..<reader.fieldCount {
            _ = try? reader.int64(field)
            _ = try? reader.double(field)
            _ = reader.string(field)
            _ = reader.isEmpty(field)
        }
        _ = reader.location(field: 0).description
    }
    return 0
}

runFuzzer(fuzzOneInput)
