// The `es_scenario_*` functions and `es_abi_version` (see Sources/EdgeSimABI/include/edgesim.h).

import Simulator

/// `uint32_t es_abi_version(void)`: the ABI version (`EdgeSimABI.version`).
@c(es_abi_version)
public func esABIVersion() -> UInt32 {
    EdgeSimABI.version
}

/// `es_scenario *es_scenario_load(const char *path, char *error, int64_t error_capacity)`:
/// reads, validates and compiles a scenario file (with its topology); NULL on
/// failure, with the message in `error`.
@c(es_scenario_load)
public func esScenarioLoad(
    _ path: UnsafePointer<CChar>?, _ errorBuffer: UnsafeMutablePointer<CChar>?, _ errorCapacity: Int64
) -> UnsafeMutableRawPointer? {
    guard let path = CStrings.string(path) else {
        CStrings.report("the scenario path is NULL", into: errorBuffer, capacity: errorCapacity)
        return nil
    }
    do {
        return Handles.make(try ScenarioHandle.load(path: path))
    } catch {
        CStrings.report(error.message, into: errorBuffer, capacity: errorCapacity)
        return nil
    }
}

/// `void es_scenario_release(es_scenario *scenario)`: releases the caller's
/// reference; environments created from it keep it alive. NULL is ignored.
@c(es_scenario_release)
public func esScenarioRelease(_ scenario: UnsafeMutableRawPointer?) {
    Handles.release(scenario, as: ScenarioHandle.self)
}

/// `int64_t es_scenario_describe(const es_scenario *scenario, char *buffer, int64_t capacity)`:
/// writes the scenario's description JSON (agents, slot count, observation
/// length and feature names, candidates, horizon, ...) and returns its full
/// length in bytes (call again with a larger buffer when it is >= capacity);
/// -1 for a NULL scenario.
@c(es_scenario_describe)
public func esScenarioDescribe(
    _ scenario: UnsafeRawPointer?, _ buffer: UnsafeMutablePointer<CChar>?, _ capacity: Int64
) -> Int64 {
    guard let handle = Handles.object(scenario, as: ScenarioHandle.self) else {
        return Int64(ABIResultCode.invalidArgument.rawValue)
    }
    return CStrings.copy(handle.descriptionJSON(), into: buffer, capacity: capacity)
}

/// `int32_t es_scenario_agent_count(const es_scenario *scenario)`: agents
/// (rows per environment); -1 for NULL.
@c(es_scenario_agent_count)
public func esScenarioAgentCount(_ scenario: UnsafeRawPointer?) -> Int32 {
    guard let handle = Handles.object(scenario, as: ScenarioHandle.self) else { return -1 }
    return Int32(clamping: handle.compiled.agentCount)
}

/// `int32_t es_scenario_slot_count(const es_scenario *scenario)`: candidate
/// slots per agent (the action space); -1 for NULL.
@c(es_scenario_slot_count)
public func esScenarioSlotCount(_ scenario: UnsafeRawPointer?) -> Int32 {
    guard let handle = Handles.object(scenario, as: ScenarioHandle.self) else { return -1 }
    return Int32(clamping: handle.compiled.slotCount)
}

/// `int32_t es_scenario_observation_length(const es_scenario *scenario)`:
/// values per agent observation; -1 for NULL.
@c(es_scenario_observation_length)
public func esScenarioObservationLength(_ scenario: UnsafeRawPointer?) -> Int32 {
    guard let handle = Handles.object(scenario, as: ScenarioHandle.self) else { return -1 }
    return Int32(clamping: ObservationLayout(slotCount: handle.compiled.slotCount).length)
}
