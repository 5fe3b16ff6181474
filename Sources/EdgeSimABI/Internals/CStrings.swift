/// Copying between C strings and Swift at the boundary, never trusting a length.
enum CStrings {
    /// The UTF-8 text of a NUL-terminated C string, or nil for NULL.
    static func string(_ pointer: UnsafePointer<CChar>?) -> String? {
        guard let pointer else { return nil }
        return String(cString: pointer)
    }

    /// The bytes of a NUL-terminated C string (empty for NULL).
    static func bytes(_ pointer: UnsafePointer<CChar>?) -> [UInt8] {
        guard let pointer else { return [] }
        var bytes: [UInt8] = []
        var position = 0
        while pointer[position] != 0 {
            bytes.append(UInt8(bitPattern: pointer[position]))
            position += 1
        }
        return bytes
    }

    /// Copies `bytes` into `buffer` (at most `capacity - 1` bytes, then a
    /// NUL) and returns the full length, so callers can retry with a larger
    /// buffer. A NULL buffer or a capacity of 0 only reports the length.
    static func copy(_ bytes: [UInt8], into buffer: UnsafeMutablePointer<CChar>?, capacity: Int64) -> Int64 {
        guard let buffer, capacity > 0 else { return Int64(bytes.count) }
        let count = min(bytes.count, Int(capacity) - 1)
        for index in 0..<count { buffer[index] = CChar(bitPattern: bytes[index]) }
        buffer[count] = 0
        return Int64(bytes.count)
    }

    /// Copies a message into an error buffer (see `copy(_:into:capacity:)`).
    static func report(_ message: String, into buffer: UnsafeMutablePointer<CChar>?, capacity: Int64) {
        _ = copy(Array(message.utf8), into: buffer, capacity: capacity)
    }
}

/// The last error message of a handle, kept NUL-terminated in memory the
/// handle owns, so `es_*_last_error` can hand out a pointer that stays
/// valid until the next call on the handle.
final class ErrorMessage {
    private var storage: UnsafeMutablePointer<CChar>
    private var capacity: Int

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
        storage[0] = 0
    }

    deinit {
        storage.deallocate()
    }

    /// The message as a C string ("" when the last call succeeded).
    var pointer: UnsafePointer<CChar> { UnsafePointer(storage) }

    /// Records `message` (replacing the previous one; NUL bytes become '?').
    func set(_ message: String) {
        let bytes = Array(message.utf8)
        if bytes.count + 1 > capacity {
            storage.deallocate()
            capacity = bytes.count + 1
            storage = .allocate(capacity: capacity)
        }
        for (index, byte) in bytes.enumerated() {
            storage[index] = CChar(bitPattern: byte == 0 ? UInt8(ascii: "?") : byte)
        }
        storage[bytes.count] = 0
    }

    /// Forgets the message.
    @inline(__always)
    func clear() {
        storage[0] = 0
    }
}
