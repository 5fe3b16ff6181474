/// The node id index: a dense array for ids of the form `<prefix><number>`
/// (`n0`...`n99999`, Topology Zoo's `0`...`753`), a `TextIndex` for all others.
///
/// An id takes the dense path when its prefix (everything before the final
/// run of digits) equals the prefix of the first such id and its number is
/// written canonically (no leading zeros) and below `limit`. The mapping from
/// number to id is then one-to-one, so a hit needs no byte comparison, and the
/// array (4 bytes per number) stays in cache where a hash table would miss.
/// Lookups give exactly the answers of the hash table alone.
final class NodeIdIndex {
    private let hashed: TextIndex
    @exclusivity(unchecked) private var dense: [Int32] = []
    @exclusivity(unchecked) private var prefix: [UInt8]?
    /// Numbers at or above this take the hash path (keeps the array bounded).
    @exclusivity(unchecked) private var limit = 1 << 20

    init(expectedCount: Int) {
        hashed = TextIndex(expectedCount: min(expectedCount, 1024))
        limit = max(1 << 20, expectedCount * 8)
    }

    /// Parses `<prefix><digits>`: the number when the prefix matches (or sets
    /// it, when `adopting` and none is set yet) and the digits are canonical.
    @inline(__always)
    private func number(_ bytes: UnsafeRawBufferPointer, adopting: Bool) -> Int? {
        let count = bytes.count
        var start = count
        while start > 0 && bytes[start - 1] &- 0x30 < 10 { start -= 1 }
        let digits = count - start
        guard digits > 0, digits <= 9, digits == 1 || bytes[start] != 0x30 else { return nil }
        if let prefix {
            guard prefix.count == start else { return nil }
            for index in 0..<start where prefix[index] != bytes[index] { return nil }
        } else {
            guard adopting else { return nil }
            prefix = Array(bytes[0..<start])
        }
        var value = 0
        for index in start..<count { value = value &* 10 &+ Int(bytes[index] &- 0x30) }
        return value < limit ? value : nil
    }

    /// The node with id `bytes`, if any.
    @inline(__always)
    func find(_ bytes: UnsafeRawBufferPointer, arena: TextArena) -> Int32? {
        if let value = number(bytes, adopting: false) {
            return value < dense.count && dense[value] >= 0 ? dense[value] : nil
        }
        return hashed.find(bytes, hash: TextIndex.hash(bytes), arena: arena)
    }

    /// Records node `element` with id `bytes` (stored as `reference`); the
    /// caller has checked the id is new.
    func insert(_ element: Int32, reference: TextRef, bytes: UnsafeRawBufferPointer, arena: TextArena) {
        if let value = number(bytes, adopting: true) {
            if value >= dense.count {
                let size = max(value + 1, dense.count * 2, 1024)
                dense.append(contentsOf: repeatElement(-1, count: min(size, limit) - dense.count))
            }
            dense[value] = element
            return
        }
        hashed.insert(element, reference: reference, bytes: bytes, hash: TextIndex.hash(bytes), arena: arena)
    }
}
