import FuzzSupport
import StreamingIO

// Any bytes, read as a (possibly gzip) file to the end: errors are fine,
// crashes, hangs and unbounded memory are not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let path = FuzzScratch.write(data, size)
    guard let input = try? InputFile(path: path) else { return 0 }
    var total = 0
    try? input.forEachChunk(chunkSize: 4096) { total += $0.count }
    return 0
}

runFuzzer(fuzzOneInput)
