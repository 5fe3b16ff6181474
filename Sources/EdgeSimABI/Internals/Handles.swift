/// Converting between Swift objects and the opaque handles C callers hold.
///
/// A handle is a retained object (`Unmanaged.passRetained`), released by the
/// matching destroy function. NULL is checked everywhere; a pointer that is
/// not a live handle of the right kind cannot be detected (as with any C API).
enum Handles {
    static func make<T: AnyObject>(_ object: T) -> UnsafeMutableRawPointer {
        Unmanaged.passRetained(object).toOpaque()
    }

    @inline(__always)
    static func object<T: AnyObject>(_ pointer: UnsafeMutableRawPointer?, as type: T.Type) -> T? {
        guard let pointer else { return nil }
        return Unmanaged<T>.fromOpaque(pointer).takeUnretainedValue()
    }

    @inline(__always)
    static func object<T: AnyObject>(_ pointer: UnsafeRawPointer?, as type: T.Type) -> T? {
        guard let pointer else { return nil }
        return Unmanaged<T>.fromOpaque(pointer).takeUnretainedValue()
    }

    static func release<T: AnyObject>(_ pointer: UnsafeMutableRawPointer?, as type: T.Type) {
        guard let pointer else { return }
        Unmanaged<T>.fromOpaque(pointer).release()
    }

    /// The message `es_*_last_error` returns for a NULL handle.
    static let nullHandleMessage: StaticString = "the handle is NULL"

    static var nullHandleMessagePointer: UnsafePointer<CChar> {
        UnsafeRawPointer(nullHandleMessage.utf8Start).assumingMemoryBound(to: CChar.self)
    }

    /// Runs `body`, recording a failure in `error` and returning its code.
    @inline(__always)
    static func call(_ errorMessage: ErrorMessage, _ body: () throws(ABIError) -> Int32) -> Int32 {
        do {
            let result = try body()
            errorMessage.clear()
            return result
        } catch {
            errorMessage.set(error.message)
            return error.code.rawValue
        }
    }
}
