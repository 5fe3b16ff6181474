import Simulator

/// Checks caller buffers passed as parallel arrays of pointers and counts
/// (`es_env_bind`, `es_batch_bind`) and cuts them into one `StepBuffers` per
/// environment.
enum BoundBuffers {
    /// The shape every buffer is checked against.
    struct Shape {
        var environments: Int
        var agents: Int
        var slots: Int
        var observationLength: Int

        func expectedCount(_ buffer: ABIBuffer) -> Int {
            environments * agents * buffer.width(slotCount: slots, observationLength: observationLength)
        }
    }

    /// Validates `pointers[0 ..< bufferCount]` and `counts` against `shape`
    /// and returns per-environment buffers.
    ///
    /// - Throws: `ABIError.argument` for NULL arrays or buffers, a wrong
    ///   buffer count, a count that does not match the shape, or a
    ///   misaligned pointer.
    static func make(
        pointers: UnsafePointer<UnsafeMutableRawPointer?>?, counts: UnsafePointer<Int64>?, bufferCount: Int32,
        shape: Shape
    ) throws(ABIError) -> [StepBuffers] {
        guard let pointers, let counts else { throw .argument("the buffer pointer and count arrays must not be NULL") }
        guard Int(bufferCount) == ABIBuffer.allCases.count else {
            throw .argument("expected \(ABIBuffer.allCases.count) buffers, got \(bufferCount)")
        }
        var bases: [UnsafeMutableRawPointer] = []
        for buffer in ABIBuffer.allCases {
            let expected = shape.expectedCount(buffer)
            guard let base = pointers[buffer.rawValue] else { throw .argument("the \(buffer.name) buffer is NULL") }
            guard counts[buffer.rawValue] == Int64(expected) else {
                let found = counts[buffer.rawValue]
                throw .argument("the \(buffer.name) buffer holds \(found) values, expected \(expected)")
            }
            guard Int(bitPattern: base) % buffer.valueSize == 0 else {
                throw .argument("the \(buffer.name) buffer is not aligned to \(buffer.valueSize) bytes")
            }
            bases.append(base)
        }
        func slice<T>(_ buffer: ABIBuffer, _ type: T.Type, environment: Int) -> UnsafeMutableBufferPointer<T> {
            let width = shape.agents * buffer.width(slotCount: shape.slots, observationLength: shape.observationLength)
            let start = bases[buffer.rawValue].assumingMemoryBound(to: T.self) + environment * width
            return UnsafeMutableBufferPointer(start: start, count: width)
        }
        return (0..<shape.environments).map { environment in
            StepBuffers(
                actions: slice(.actions, Int32.self, environment: environment),
                observations: slice(.observations, Float.self, environment: environment),
                actionMasks: slice(.actionMasks, UInt8.self, environment: environment),
                rewards: slice(.rewards, Float.self, environment: environment),
                terminations: slice(.terminations, UInt8.self, environment: environment),
                truncations: slice(.truncations, UInt8.self, environment: environment),
                decisionMask: slice(.decisionMask, UInt8.self, environment: environment),
                invalidActions: slice(.invalidActions, UInt8.self, environment: environment))
        }
    }
}
