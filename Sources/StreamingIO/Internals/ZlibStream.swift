internal import CZlib

/// Owner of one heap-allocated `z_stream`, for inflating or deflating.
///
/// zlib keeps a back-pointer from its state to the stream, so the stream must
/// never move: it lives in manually allocated memory for the object's lifetime.
final class ZlibStream {
    enum Direction { case inflate, deflate }

    let direction: Direction
    let stream: UnsafeMutablePointer<z_stream>

    /// Prepares an inflater for gzip members (window bits 15 + 16).
    ///
    /// The corresponding zlib call is `inflateInit2`.
    init(inflatingGzipFor path: String) throws(StreamingIOError) {
        direction = .inflate
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = czlib_inflateInit2(stream, 15 + 16)
        if code != Z_OK {
            stream.deallocate()
            throw .readFailed(path: path, reason: "zlib inflateInit2 failed with code \(code)")
        }
    }

    /// Prepares a deflater writing a gzip member (window bits 15 + 16). zlib's
    /// default gzip header has modification time 0, so output is reproducible.
    ///
    /// The corresponding zlib call is `deflateInit2`.
    init(deflatingGzipAtLevel level: Int32, for path: String) throws(StreamingIOError) {
        direction = .deflate
        stream = UnsafeMutablePointer<z_stream>.allocate(capacity: 1)
        stream.initialize(to: z_stream())
        let code = czlib_deflateInit2(stream, level, 15 + 16)
        if code != Z_OK {
            stream.deallocate()
            throw .writeFailed(path: path, reason: "zlib deflateInit2 failed with code \(code)")
        }
    }

    deinit {
        switch direction {
        case .inflate: inflateEnd(stream)
        case .deflate: deflateEnd(stream)
        }
        stream.deinitialize(count: 1)
        stream.deallocate()
    }

    /// Outcome of one `inflate` call.
    enum InflateResult {
        case progressed
        case memberEnded
        case failed(message: String)
        case needsMoreInput
    }

    /// Runs `inflate` over the pending input into `output`, returning the bytes
    /// produced and how the call ended.
    ///
    /// The corresponding zlib call is `inflate`.
    func inflate(
        input: UnsafeRawBufferPointer, output: UnsafeMutableRawBufferPointer
    ) -> (consumed: Int, produced: Int, result: InflateResult) {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        stream.pointee.next_out = output.baseAddress?.assumingMemoryBound(to: Bytef.self)
        stream.pointee.avail_out = UInt32(output.count)
        let code = CZlib.inflate(stream, Z_NO_FLUSH)
        let consumed = input.count - Int(stream.pointee.avail_in)
        let produced = output.count - Int(stream.pointee.avail_out)
        switch code {
        case Z_OK: return (consumed, produced, .progressed)
        case Z_STREAM_END: return (consumed, produced, .memberEnded)
        case Z_BUF_ERROR: return (consumed, produced, .needsMoreInput)
        default:
            let message: String
            if let text = stream.pointee.msg {
                message = String(cString: text)
            } else {
                message = "zlib error \(code)"
            }
            return (consumed, produced, .failed(message: message))
        }
    }

    /// Prepares the inflater for the next gzip member of a multi-member file.
    ///
    /// The corresponding zlib call is `inflateReset`.
    func resetInflater() {
        inflateReset(stream)
    }

    /// Compresses `input` (all of it) and hands produced bytes to `sink`; with
    /// `finish`, also writes the gzip trailer.
    ///
    /// The corresponding zlib call is `deflate`.
    func deflate(
        input: UnsafeRawBufferPointer, finish: Bool, scratch: UnsafeMutableRawBufferPointer,
        sink: (UnsafeRawBufferPointer) throws(StreamingIOError) -> Void
    ) throws(StreamingIOError) {
        stream.pointee.next_in = UnsafeMutablePointer(
            mutating: input.baseAddress?.assumingMemoryBound(to: Bytef.self))
        stream.pointee.avail_in = UInt32(input.count)
        let flush = finish ? Z_FINISH : Z_NO_FLUSH
        while true {
            stream.pointee.next_out = scratch.baseAddress?.assumingMemoryBound(to: Bytef.self)
            stream.pointee.avail_out = UInt32(scratch.count)
            let code = CZlib.deflate(stream, flush)
            let produced = scratch.count - Int(stream.pointee.avail_out)
            if produced > 0 {
                try sink(UnsafeRawBufferPointer(rebasing: scratch[0..<produced]))
            }
            if code == Z_STREAM_END { return }
            if code != Z_OK && code != Z_BUF_ERROR {
                throw .writeFailed(path: "<gzip>", reason: "zlib deflate failed with code \(code)")
            }
            if !finish && stream.pointee.avail_in == 0 && stream.pointee.avail_out != 0 { return }
        }
    }
}
