// The `es_policy_*` functions (see Sources/EdgeSimABI/include/edgesim.h).

/// `es_policy *es_policy_create(const char *name, char *error, int64_t error_capacity)`:
/// a baseline policy (`local`, `random`, `round-robin`, `least-queue`,
/// `earliest-finish`, `cloud`); NULL for an unknown name, with the message in `error`.
@c(es_policy_create)
public func esPolicyCreate(
    _ name: UnsafePointer<CChar>?, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ errorCapacity: Int64
) -> UnsafeMutableRawPointer? {
    guard let name = CStrings.string(name) else {
        CStrings.report("the policy name is NULL", into: errorBuffer, capacity: errorCapacity)
        return nil
    }
    do {
        return Handles.make(try PolicyHandle(name: name))
    } catch {
        CStrings.report(error.message, into: errorBuffer, capacity: errorCapacity)
        return nil
    }
}

/// `void es_policy_destroy(es_policy *policy)`: frees the policy. NULL is ignored.
@c(es_policy_destroy)
public func esPolicyDestroy(_ policy: UnsafeMutableRawPointer?) {
    Handles.release(policy, as: PolicyHandle.self)
}

/// `const char *es_policy_last_error(const es_policy *policy)`: as `es_env_last_error`.
@c(es_policy_last_error)
public func esPolicyLastError(_ policy: UnsafeRawPointer?) -> UnsafePointer<CChar>? {
    guard let handle = Handles.object(policy, as: PolicyHandle.self) else { return Handles.nullHandleMessagePointer }
    return handle.error.pointer
}

/// `int32_t es_policy_actions(es_policy *policy, const es_env *env, int32_t *actions, int64_t count)`:
/// writes the policy's slot for every agent of `env` that must decide now (0
/// for the others) into `actions` (`count` = agents). The policy resets with
/// the episode's seed at each new episode, as `edgesim replay` does. Returns
/// 0 or a negative error code.
@c(es_policy_actions)
public func esPolicyActions(
    _ policy: UnsafeMutableRawPointer?, _ environment: UnsafeRawPointer?, _ actions: UnsafeMutablePointer<Int32>?,
    _ count: Int64
) -> Int32 {
    guard let handle = Handles.object(policy, as: PolicyHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in
        guard let environment = Handles.object(environment, as: EnvironmentHandle.self) else {
            throw .argument("the environment handle is NULL")
        }
        guard let actions else { throw .argument("the actions buffer is NULL") }
        guard count == Int64(environment.environment.agentCount) else {
            throw .argument("the actions buffer holds \(count) values, expected \(environment.environment.agentCount)")
        }
        guard Int(bitPattern: actions) % MemoryLayout<Int32>.alignment == 0 else {
            throw .argument("the actions buffer is not aligned to 4 bytes")
        }
        try handle.actions(
            for: environment.environment, into: UnsafeMutableBufferPointer(start: actions, count: Int(count)))
        return ABIResultCode.ok.rawValue
    }
}
