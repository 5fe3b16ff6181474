import StreamingIO

/// Numbers in result CSV files: fixed point with up to 9 decimals (nanosecond
/// resolution for times), trailing zeros trimmed but one decimal kept
/// (`0.25`, `12.0`, `0.000001234`), written without allocating. Values of
/// 1e9 or more fall back to Swift's shortest round-trip form; non-finite
/// values are written as empty fields.
enum DecimalFormatting {
    static let decimals = 9
    private static let scale = 1e9

    static func write(_ value: Double, to output: OutputFile) throws(StreamingIOError) {
        guard value.isFinite else { return }
        let magnitude = Swift.abs(value)
        guard magnitude < 1e9 else {
            try output.write(value.description)
            return
        }
        var scaled = (magnitude * scale).rounded()
        if scaled >= 1e18 { scaled = 1e18 - 1 }
        let units = UInt64(scaled)
        let whole = units / 1_000_000_000
        var fraction = units % 1_000_000_000
        if value < 0 && units > 0 { try output.write(byte: UInt8(ascii: "-")) }
        try output.write(integer: Int64(whole))
        try output.write(byte: UInt8(ascii: "."))
        guard fraction > 0 else {
            try output.write(byte: UInt8(ascii: "0"))
            return
        }
        var digits = decimals
        while fraction % 10 == 0 {
            fraction /= 10
            digits -= 1
        }
        // Leading zeros of the fraction, then its significant digits.
        var divisor: UInt64 = 1
        for _ in 1..<digits { divisor *= 10 }
        while divisor > fraction {
            try output.write(byte: UInt8(ascii: "0"))
            divisor /= 10
        }
        try output.write(integer: Int64(fraction))
    }
}
