/// The state and byte-level work of a `JSONWriter`: one growable buffer, the
/// stack of open containers, and a small cache of encoded label maps.
struct JSONByteSink {
    private struct Frame {
        var isInline: Bool
        var count: Int
    }

    /// A label map encoded once, kept alive so its storage cannot be reused.
    private struct CachedMap {
        var identity: UInt
        var map: [String: String]
        var encoded: [UInt8]
    }

    private(set) var buffer: UnsafeMutablePointer<UInt8>
    private var capacity: Int
    var count = 0
    // The innermost open container lives in scalars (touched for every member);
    // the enclosing ones wait in `outerFrames`.
    private var depth = 0
    private var top = Frame(isInline: false, count: 0)
    private var outerFrames: [Frame] = []
    private var pendingKey = false
    private var sortScratch: [(key: String, value: String)] = []
    private var mapCache: [CachedMap] = []
    private var nextCacheSlot = 0
    // Bit patterns of cached doubles; a NaN pattern marks an empty slot (NaN is never cached).
    private var doubleCacheKeys = [UInt64](repeating: Double.nan.bitPattern, count: doubleCacheSlots)
    private var doubleCacheLengths = [UInt8](repeating: 0, count: doubleCacheSlots)
    private var doubleCacheBytes = [UInt8](repeating: 0, count: doubleCacheSlots * doubleCacheWidth)

    static let mapCacheSize = 32

    init(capacity: Int) {
        self.capacity = capacity
        buffer = .allocate(capacity: capacity)
        outerFrames.reserveCapacity(8)
    }

    /// Frees the buffer (called once, by the writer's deinit).
    mutating func release() {
        buffer.deallocate()
        capacity = 0
        count = 0
    }

    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: buffer, count: count) }

    // MARK: - Structure

    mutating func beginContainer(_ opening: UInt8, inline requestedInline: Bool) {
        beforeValue()
        appendByte(opening)
        // Inside an inline container everything stays inline.
        let isInline = requestedInline || (depth > 0 && top.isInline)
        if depth > 0 { outerFrames.append(top) }
        top = Frame(isInline: isInline, count: 0)
        depth += 1
    }

    mutating func endContainer(_ closing: UInt8) {
        guard depth > 0 else { return }
        depth -= 1
        if !top.isInline && top.count > 0 { newline(indent: depth) }
        appendByte(closing)
        if depth > 0, let outer = outerFrames.popLast() { top = outer }
    }

    mutating func key(_ name: String) {
        beforeMember()
        appendQuoted(name)
        reserve(2)
        buffer[count] = UInt8(ascii: ":")
        buffer[count + 1] = UInt8(ascii: " ")
        count += 2
        pendingKey = true
    }

    @inline(__always)
    mutating func beforeValue() {
        if pendingKey {
            pendingKey = false
            return
        }
        beforeMember()
    }

    @inline(__always)
    private mutating func beforeMember() {
        guard depth > 0 else { return }
        if top.isInline {
            if top.count > 0 {
                reserve(2)
                buffer[count] = UInt8(ascii: ",")
                buffer[count + 1] = UInt8(ascii: " ")
                count += 2
            }
        } else {
            if top.count > 0 { appendByte(UInt8(ascii: ",")) }
            newline(indent: depth)
        }
        top.count += 1
    }

    private mutating func newline(indent: Int) {
        let width = indent * 2
        reserve(width + 1)
        buffer[count] = UInt8(ascii: "\n")
        (buffer + count + 1).initialize(repeating: UInt8(ascii: " "), count: width)
        count += width + 1
    }

    // MARK: - Values

    mutating func appendInteger(_ value: Int64) {
        reserve(NumberFormatting.maximumIntegerLength)
        count += NumberFormatting.write(value, to: buffer + count)
    }

    mutating func appendDouble(_ value: Double) {
        guard value.isFinite else {
            appendASCII("null")
            return
        }
        reserve(NumberFormatting.maximumFastDoubleLength)
        if let length = NumberFormatting.writeFast(value, to: buffer + count) {
            count += length
            return
        }
        // Long doubles (a latency mode such as 0.5003060900501561) repeat across
        // elements: keep their `description` bytes in a small direct-mapped cache.
        let bits = value.bitPattern
        let slot = Int(truncatingIfNeeded: (bits ^ (bits >> 29) ^ (bits >> 47)) & UInt64(Self.doubleCacheSlots - 1))
        if doubleCacheKeys[slot] == bits {
            let length = Int(doubleCacheLengths[slot])
            doubleCacheBytes.withUnsafeBufferPointer { cached in
                appendRaw(
                    UnsafeBufferPointer(
                        rebasing: cached[(slot * Self.doubleCacheWidth)..<(slot * Self.doubleCacheWidth + length)]))
            }
            return
        }
        var text = value.description
        text.withUTF8 { utf8 in
            appendRaw(utf8)
            guard utf8.count <= Self.doubleCacheWidth else { return }
            doubleCacheKeys[slot] = bits
            doubleCacheLengths[slot] = UInt8(utf8.count)
            doubleCacheBytes.withUnsafeMutableBufferPointer { cached in
                for index in 0..<utf8.count { cached[slot * Self.doubleCacheWidth + index] = utf8[index] }
            }
        }
    }

    static let doubleCacheSlots = 64
    static let doubleCacheWidth = 32

    mutating func stringMap(_ map: [String: String]) {
        let identity = Self.storageIdentity(of: map)
        if let identity, let cached = mapCache.first(where: { $0.identity == identity }) {
            beforeValue()
            cached.encoded.withUnsafeBufferPointer { appendRaw($0) }
            return
        }
        sortScratch.removeAll(keepingCapacity: true)
        for entry in map {
            var index = sortScratch.count
            sortScratch.append(entry)
            while index > 0 && entry.key < sortScratch[index - 1].key {
                sortScratch[index] = sortScratch[index - 1]
                index -= 1
            }
            sortScratch[index] = entry
        }
        beginContainer(UInt8(ascii: "{"), inline: true)
        let start = count
        for entry in sortScratch {
            key(entry.key)
            beforeValue()
            appendQuoted(entry.value)
        }
        endContainer(UInt8(ascii: "}"))
        sortScratch.removeAll(keepingCapacity: true)
        guard let identity else { return }
        // The encoded object starts one byte before `start` (the brace).
        let encoded = Array(UnsafeBufferPointer(start: buffer + start - 1, count: count - start + 1))
        let entry = CachedMap(identity: identity, map: map, encoded: encoded)
        if mapCache.count < Self.mapCacheSize {
            mapCache.append(entry)
        } else {
            mapCache[nextCacheSlot] = entry
            nextCacheSlot = (nextCacheSlot + 1) % Self.mapCacheSize
        }
    }

    /// The address of a dictionary's storage object. `Dictionary` is a frozen
    /// struct holding exactly one reference to its (copy-on-write) storage on
    /// platforms without Objective-C bridging; equal addresses while the cache
    /// holds a copy mean the very same, unmodifiable contents. Elsewhere, or if
    /// the layout ever differs, no identity is used and nothing is cached.
    private static func storageIdentity(of map: [String: String]) -> UInt? {
        #if canImport(ObjectiveC)
        return nil
        #else
        guard MemoryLayout<[String: String]>.size == MemoryLayout<UInt>.size else { return nil }
        return withUnsafeBytes(of: map) { $0.load(as: UInt.self) }
        #endif
    }

    // MARK: - Bytes

    @inline(__always)
    mutating func reserve(_ extra: Int) {
        if capacity - count < extra { grow(minimum: count + extra) }
    }

    private mutating func grow(minimum: Int) {
        var newCapacity = Swift.max(capacity * 2, 64)
        while newCapacity < minimum { newCapacity *= 2 }
        let newBuffer = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        newBuffer.update(from: buffer, count: count)
        buffer.deallocate()
        buffer = newBuffer
        capacity = newCapacity
    }

    @inline(__always)
    mutating func appendByte(_ byte: UInt8) {
        reserve(1)
        buffer[count] = byte
        count += 1
    }

    mutating func appendASCII(_ text: String) {
        var text = text
        text.withUTF8 { appendRaw($0) }
    }

    @inline(__always)
    mutating func appendRaw(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let base = bytes.baseAddress, bytes.count > 0 else { return }
        reserve(bytes.count)
        (buffer + count).update(from: base, count: bytes.count)
        count += bytes.count
    }

    mutating func appendQuoted(_ text: String) {
        // Native and small strings expose their UTF-8 without a copy of the string.
        if let done: Void = text.utf8.withContiguousStorageIfAvailable({ appendQuoted(utf8: $0) }) {
            return done
        }
        var copy = text
        copy.withUTF8 { appendQuoted(utf8: $0) }
    }

    private mutating func appendQuoted(utf8: UnsafeBufferPointer<UInt8>) {
        // Worst case every byte becomes a 6-byte \u00XX escape.
        reserve(utf8.count * 6 + 2)
        buffer[count] = UInt8(ascii: "\"")
        count += 1
        var runStart = 0
        var index = 0
        while index < utf8.count {
            index = Self.nextEscape(in: utf8, from: index)
            guard index < utf8.count else { break }
            if index > runStart { appendRaw(UnsafeBufferPointer(rebasing: utf8[runStart..<index])) }
            appendEscape(utf8[index])
            index += 1
            runStart = index
        }
        if utf8.count > runStart { appendRaw(UnsafeBufferPointer(rebasing: utf8[runStart..<utf8.count])) }
        buffer[count] = UInt8(ascii: "\"")
        count += 1
    }

    /// The index of the first byte at or after `start` that JSON must escape
    /// (control, quote, backslash), or `bytes.count`; eight bytes at a time.
    @inline(__always)
    private static func nextEscape(in bytes: UnsafeBufferPointer<UInt8>, from start: Int) -> Int {
        guard let base = bytes.baseAddress else { return bytes.count }
        var index = start
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        while index + 8 <= bytes.count {
            let word = UnsafeRawPointer(base + index).loadUnaligned(as: UInt64.self)
            // A byte is flagged when it is < 0x20, == '"' or == '\\' (classic SWAR zero-byte tests).
            let control = (word &- ones &* 0x20) & ~word & highs
            let quote = word ^ (ones &* 0x22)
            let backslash = word ^ (ones &* 0x5C)
            let flags = control | ((quote &- ones) & ~quote & highs) | ((backslash &- ones) & ~backslash & highs)
            if flags != 0 { break }
            index += 8
        }
        while index < bytes.count {
            let byte = base[index]
            if byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") { return index }
            index += 1
        }
        return index
    }

    private mutating func appendEscape(_ byte: UInt8) {
        let escaped: UInt8
        switch byte {
        case UInt8(ascii: "\""): escaped = UInt8(ascii: "\"")
        case UInt8(ascii: "\\"): escaped = UInt8(ascii: "\\")
        case 0x0A: escaped = UInt8(ascii: "n")
        case 0x0D: escaped = UInt8(ascii: "r")
        case 0x09: escaped = UInt8(ascii: "t")
        default:
            let digits: StaticString = "0123456789abcdef"
            let hex = digits.utf8Start
            buffer[count] = 0x5C
            buffer[count + 1] = UInt8(ascii: "u")
            buffer[count + 2] = 0x30
            buffer[count + 3] = 0x30
            buffer[count + 4] = hex[Int(byte >> 4)]
            buffer[count + 5] = hex[Int(byte & 0xF)]
            count += 6
            return
        }
        buffer[count] = 0x5C
        buffer[count + 1] = escaped
        count += 2
    }
}
