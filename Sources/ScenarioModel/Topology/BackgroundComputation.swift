import Dispatch

/// A value computed on another thread while the caller carries on, so the
/// two cores of a small machine both work (validation next to encoding).
///
/// The value is written once before the group is left and read only after
/// waiting on the group, which orders the two accesses.
final class BackgroundComputation<Value: Sendable>: @unchecked Sendable {
    private let group = DispatchGroup()
    private var value: Value?
    private let fallback: @Sendable () -> Value

    /// Starts `body` on a global queue.
    init(_ body: @escaping @Sendable () -> Value) {
        fallback = body
        group.enter()
        DispatchQueue.global(qos: .userInitiated).async {
            self.value = body()
            self.group.leave()
        }
    }

    /// Waits for the value.
    func wait() -> Value {
        group.wait()
        return value ?? fallback()
    }
}
