// The `es_batch_*` functions (see Sources/EdgeSimABI/include/edgesim.h).

/// `es_batch *es_batch_create(const es_scenario *scenario, int32_t count, const char *options_json,
/// char *error, int64_t error_capacity)`: `count` environments of `scenario`
/// stepped together (options as `es_env_create`, plus `threads`); NULL on
/// failure, with the message in `error`.
@c(es_batch_create)
public func esBatchCreate(
    _ scenario: UnsafeRawPointer?, _ count: Int32, _ optionsJSON: UnsafePointer<CChar>?,
    _ errorBuffer: UnsafeMutablePointer<CChar>?, _ errorCapacity: Int64
) -> UnsafeMutableRawPointer? {
    guard let scenario = Handles.object(scenario, as: ScenarioHandle.self) else {
        CStrings.report("the scenario handle is NULL", into: errorBuffer, capacity: errorCapacity)
        return nil
    }
    do {
        let options = try EnvironmentOptions.parse(optionsJSON)
        return Handles.make(try BatchHandle(scenario: scenario, count: Int(count), options: options))
    } catch {
        CStrings.report(error.message, into: errorBuffer, capacity: errorCapacity)
        return nil
    }
}

/// `void es_batch_destroy(es_batch *batch)`: frees the batch. NULL is ignored.
@c(es_batch_destroy)
public func esBatchDestroy(_ batch: UnsafeMutableRawPointer?) {
    Handles.release(batch, as: BatchHandle.self)
}

/// `const char *es_batch_last_error(const es_batch *batch)`: as `es_env_last_error`.
@c(es_batch_last_error)
public func esBatchLastError(_ batch: UnsafeRawPointer?) -> UnsafePointer<CChar>? {
    guard let handle = Handles.object(batch, as: BatchHandle.self) else { return Handles.nullHandleMessagePointer }
    return handle.error.pointer
}

/// `int32_t es_batch_size(const es_batch *batch)`: the number of environments (-1 for NULL).
@c(es_batch_size)
public func esBatchSize(_ batch: UnsafeRawPointer?) -> Int32 {
    Handles.object(batch, as: BatchHandle.self).map { Int32(clamping: $0.count) } ?? -1
}

/// `int32_t es_batch_bind(es_batch *batch, void *const *buffers, const int64_t *counts, int32_t buffer_count)`:
/// as `es_env_bind`, with `count · agents` rows per buffer (environment-major).
@c(es_batch_bind)
public func esBatchBind(
    _ batch: UnsafeMutableRawPointer?, _ buffers: UnsafePointer<UnsafeMutableRawPointer?>?,
    _ counts: UnsafePointer<Int64>?, _ bufferCount: Int32
) -> Int32 {
    guard let handle = Handles.object(batch, as: BatchHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in
        try handle.bind(pointers: buffers, counts: counts, bufferCount: bufferCount)
        return ABIResultCode.ok.rawValue
    }
}

/// `int32_t es_batch_reset(es_batch *batch, const uint64_t *seeds, const uint8_t *has_seed, int64_t count)`:
/// resets every environment: environment `i` with `seeds[i]` where
/// `has_seed` is NULL or `has_seed[i]` is non-zero, else with the next seed
/// of its sequence. `seeds` NULL resets all unseeded; otherwise `count` must
/// be the batch size. Returns 0 or a negative error code.
@c(es_batch_reset)
public func esBatchReset(
    _ batch: UnsafeMutableRawPointer?, _ seeds: UnsafePointer<UInt64>?, _ hasSeed: UnsafePointer<UInt8>?,
    _ count: Int64
) -> Int32 {
    guard let handle = Handles.object(batch, as: BatchHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in
        if seeds != nil && count != Int64(handle.count) {
            throw .argument("the seeds array holds \(count) values, expected \(handle.count)")
        }
        try handle.reset(seeds: seeds, hasSeed: hasSeed)
        return ABIResultCode.ok.rawValue
    }
}

/// `int32_t es_batch_step(es_batch *batch)`: steps every environment once,
/// autoresetting (Gymnasium's NEXT_STEP mode) those whose episode ended at
/// the previous call. Returns how many episodes ended at this step, or a
/// negative error code (the message names the environment).
@c(es_batch_step)
public func esBatchStep(_ batch: UnsafeMutableRawPointer?) -> Int32 {
    guard let handle = Handles.object(batch, as: BatchHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in Int32(clamping: try handle.step()) }
}
