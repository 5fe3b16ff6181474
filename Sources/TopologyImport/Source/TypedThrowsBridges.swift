/// Bridges for standard-library closures that rethrow untyped errors, so
/// importer code keeps `throws(TopologyImportError)` end to end.
extension Array where Element == UInt8 {
    /// `withUnsafeBytes` with a typed error.
    @inline(__always)
    func withBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(TopologyImportError) -> Result
    ) throws(TopologyImportError) -> Result {
        let outcome: Swift.Result<Result, TopologyImportError> = withUnsafeBytes { bytes in
            do throws(TopologyImportError) {
                return .success(try body(bytes))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}

extension String {
    /// The UTF-8 bytes of the string, with a typed error.
    func withBytes<Result>(
        _ body: (UnsafeRawBufferPointer) throws(TopologyImportError) -> Result
    ) throws(TopologyImportError) -> Result {
        var copy = self
        let outcome: Swift.Result<Result, TopologyImportError> = copy.withUTF8 { utf8 in
            do throws(TopologyImportError) {
                return .success(try body(UnsafeRawBufferPointer(utf8)))
            } catch {
                return .failure(error)
            }
        }
        return try outcome.get()
    }
}
