import FuzzSupport
import StreamingIO

/// Walks any JSON value with every reader call, as decoders do.
func walk(_ reader: JSONReader) throws {
    switch try reader.peekKind() {
    case .object: try reader.readObject { _ in try walk(reader) }
    case .array: try reader.readArray { _ in try walk(reader) }
    case .string: _ = try reader.readString()
    case .number:
        _ = reader.jsonPath
        do { _ = try reader.readInt64() } catch { try reader.skipValue() }
    case .bool: _ = try reader.readBool()
    case .null: _ = try reader.readNullIfPresent()
    }
}

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let reader = JSONReader(bytes: fuzzBytes(data, size), path: "fuzz.json")
    do {
        try walk(reader)
        try reader.expectEnd()
    } catch {
        _ = "\(error)"
    }
    return 0
}

runFuzzer(fuzzOneInput)
