// The `es_env_*` functions (see Sources/EdgeSimABI/include/edgesim.h).

import Simulator

/// `es_env *es_env_create(const es_scenario *scenario, const char *options_json, char *error,
/// int64_t error_capacity)`: a stepping environment of `scenario` (see
/// `EnvironmentOptions` for the options; NULL or "" for defaults); NULL on
/// failure, with the message in `error`.
@c(es_env_create)
public func esEnvCreate(
    _ scenario: UnsafeRawPointer?, _ optionsJSON: UnsafePointer<CChar>?, _ errorBuffer: UnsafeMutablePointer<CChar>?,
    _ errorCapacity: Int64
) -> UnsafeMutableRawPointer? {
    guard let scenario = Handles.object(scenario, as: ScenarioHandle.self) else {
        CStrings.report("the scenario handle is NULL", into: errorBuffer, capacity: errorCapacity)
        return nil
    }
    do {
        let options = try EnvironmentOptions.parse(optionsJSON)
        return Handles.make(try EnvironmentHandle(scenario: scenario, options: options))
    } catch {
        CStrings.report(error.message, into: errorBuffer, capacity: errorCapacity)
        return nil
    }
}

/// `void es_env_destroy(es_env *env)`: frees the environment. NULL is ignored.
@c(es_env_destroy)
public func esEnvDestroy(_ environment: UnsafeMutableRawPointer?) {
    Handles.release(environment, as: EnvironmentHandle.self)
}

/// `const char *es_env_last_error(const es_env *env)`: the message of the
/// last failed call on `env` ("" after a success); valid until the next call.
@c(es_env_last_error)
public func esEnvLastError(_ environment: UnsafeRawPointer?) -> UnsafePointer<CChar>? {
    guard let handle = Handles.object(environment, as: EnvironmentHandle.self) else {
        return Handles.nullHandleMessagePointer
    }
    return handle.error.pointer
}

/// `int32_t es_env_bind(es_env *env, void *const *buffers, const int64_t *counts, int32_t buffer_count)`:
/// binds caller-owned buffers, in `ABIBuffer` order with their value counts
/// (`ES_BUFFER_COUNT` of them); they must stay alive and unmoved while bound.
@c(es_env_bind)
public func esEnvBind(
    _ environment: UnsafeMutableRawPointer?, _ buffers: UnsafePointer<UnsafeMutableRawPointer?>?,
    _ counts: UnsafePointer<Int64>?, _ bufferCount: Int32
) -> Int32 {
    guard let handle = Handles.object(environment, as: EnvironmentHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in
        try handle.bind(pointers: buffers, counts: counts, bufferCount: bufferCount)
        return ABIResultCode.ok.rawValue
    }
}

/// `int32_t es_env_reset(es_env *env, uint64_t seed, int32_t has_seed)`:
/// starts an episode with `seed` (when `has_seed` is non-zero) or the next
/// seed of the environment's sequence, runs to the first decision and fills
/// the bound buffers. Returns the status (0 running, 1 terminated, 2
/// truncated) or a negative error code.
@c(es_env_reset)
public func esEnvReset(_ environment: UnsafeMutableRawPointer?, _ seed: UInt64, _ hasSeed: Int32) -> Int32 {
    guard let handle = Handles.object(environment, as: EnvironmentHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in
        try handle.reset(seed: hasSeed != 0 ? seed : nil).rawValue
    }
}

/// `int32_t es_env_step(es_env *env)`: applies the bound actions, runs to
/// the next decision and fills the bound buffers. Returns the status or a
/// negative error code. Actions outside an agent's candidates are not errors:
/// they are flagged in `invalid_actions` and penalised (FORMAT.md, "Rewards").
@c(es_env_step)
public func esEnvStep(_ environment: UnsafeMutableRawPointer?) -> Int32 {
    guard let handle = Handles.object(environment, as: EnvironmentHandle.self) else {
        return ABIResultCode.invalidArgument.rawValue
    }
    return Handles.call(handle.error) { () throws(ABIError) in try handle.step().rawValue }
}

/// `double es_env_time_seconds(const es_env *env)`: simulated time (NaN for NULL).
@c(es_env_time_seconds)
public func esEnvTimeSeconds(_ environment: UnsafeRawPointer?) -> Double {
    Handles.object(environment, as: EnvironmentHandle.self)?.environment.timeSeconds ?? .nan
}

/// `int64_t es_env_step_count(const es_env *env)`: steps since the last reset (-1 for NULL).
@c(es_env_step_count)
public func esEnvStepCount(_ environment: UnsafeRawPointer?) -> Int64 {
    Handles.object(environment, as: EnvironmentHandle.self).map { Int64($0.environment.stepCount) } ?? -1
}

/// `uint64_t es_env_episode_seed(const es_env *env)`: the current episode's seed (0 for NULL).
@c(es_env_episode_seed)
public func esEnvEpisodeSeed(_ environment: UnsafeRawPointer?) -> UInt64 {
    Handles.object(environment, as: EnvironmentHandle.self)?.environment.episodeSeed ?? 0
}

/// `int64_t es_env_summary_json(const es_env *env, char *buffer, int64_t capacity)`:
/// the episode's results so far as `edgesim replay`'s summary.json object
/// (final once the episode is over); returns its full length (retry with a
/// larger buffer when >= capacity), or -1 for NULL.
@c(es_env_summary_json)
public func esEnvSummaryJSON(
    _ environment: UnsafeRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> Int64 {
    guard let handle = Handles.object(environment, as: EnvironmentHandle.self) else {
        return Int64(ABIResultCode.invalidArgument.rawValue)
    }
    let summary = ReplayResultsWriter.summaryJSON(
        handle.environment.result(), scenarioName: handle.scenario.compiled.scenario.name)
    return CStrings.copy(summary, into: buffer, capacity: capacity)
}
