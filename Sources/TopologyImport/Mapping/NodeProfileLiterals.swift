import StreamingIO

/// The JSON text of each node profile (figures shared by many nodes), from
/// `"kind"` to `"position": `, formatted once: a node then costs one copy
/// instead of nine formatted fields.
final class NodeProfileLiterals {
    private let text = ByteSink(memoryCapacity: 4096)
    private var ends: [Int] = []

    /// Formats the profiles `table` added since the last call. Not for use
    /// while another thread reads the literals.
    func extend(for table: TopologyTable) throws(StreamingIOError) {
        while ends.count < table.profiles.count {
            try table.encodeProfile(table.profiles[ends.count], into: text)
            ends.append(text.contents.count)
        }
    }

    /// The literal of profile `profile` (valid until the next `extend`).
    @inline(__always)
    subscript(profile: Int) -> UnsafeRawBufferPointer {
        let start = profile == 0 ? 0 : ends[profile - 1]
        return UnsafeRawBufferPointer(rebasing: text.contents[start..<ends[profile]])
    }
}
