/*
 * edgesim.h: the C ABI of edgesim's stepping simulator (libEdgeSimABI.so).
 *
 * Build:  swift build -c release --product EdgeSimABI [-Xswiftc -static-stdlib]
 * Link:   cc app.c -Iinclude -L.build/release -lEdgeSimABI
 *
 * Every function works on opaque handles; there is no global state, so any
 * number of scenarios, environments, batches and policies live in one
 * process. A handle is used by one thread at a time; different handles are
 * independent. Nothing traps on bad arguments: NULL handles and buffers,
 * wrong sizes, misaligned buffers, bad options and calls in the wrong state
 * return a negative ES_ERROR_* code and leave a message readable with the
 * handle's *_last_error function. Functions that create a handle return NULL
 * on failure and write the message into the caller's error buffer
 * (NUL-terminated, truncated to error_capacity - 1 bytes).
 *
 * Shapes: A agents (es_scenario_agent_count), K candidate slots per agent
 * (es_scenario_slot_count, the action space), D observation values per agent
 * (es_scenario_observation_length = 10 + 8 K, float32 in [0, 1]; FORMAT.md,
 * "Stepping API", names every feature).
 *
 * Buffers are owned by the caller and bound once (es_env_bind / es_batch_bind)
 * as two arrays of ES_BUFFER_COUNT entries, in ES_BUFFER_* order: the buffer
 * pointers and their value counts (E environments, E = 1 for es_env; rows
 * are environment-major):
 *
 *   ES_BUFFER_ACTIONS          int32_t [E*A]    read: one slot per agent
 *   ES_BUFFER_OBSERVATIONS     float   [E*A*D]  written
 *   ES_BUFFER_ACTION_MASKS     uint8_t [E*A*K]  written: 1 = allowed slot
 *   ES_BUFFER_REWARDS          float   [E*A]    written: rewards of the last call
 *   ES_BUFFER_TERMINATIONS     uint8_t [E*A]    written: 1 = the episode drained
 *   ES_BUFFER_TRUNCATIONS      uint8_t [E*A]    written: 1 = horizon or step limit reached
 *   ES_BUFFER_DECISION_MASK    uint8_t [E*A]    written: 1 = the agent must decide now
 *   ES_BUFFER_INVALID_ACTIONS  uint8_t [E*A]    written: 1 = its last action was invalid
 *
 * Reset and step return the episode status (ES_STATUS_*) or an error code.
 * Seeds: a reset with a seed uses it and restarts the environment's seed
 * sequence from it; a reset without one continues the sequence (the first
 * unseeded reset uses the options' "seed", default the scenario's seed).
 *
 * Options (JSON object, every key optional; NULL or "" for defaults):
 *   "horizonSeconds" (number|null), "arrivalRateScale" (number > 0),
 *   "observationTimeScaleSeconds", "observationByteScale" (numbers > 0),
 *   "maxSteps" (integer >= 1|null: truncate episodes after so many steps),
 *   "seed" (integer >= 0), "observesIdleAgents" (bool, default true),
 *   "threads" (integer >= 1, batches only: threads stepping the environments).
 */
#ifndef EDGESIM_H
#define EDGESIM_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ES_ABI_VERSION 1

/* Episode status (>= 0) and error codes (< 0). */
#define ES_STATUS_RUNNING 0
#define ES_STATUS_TERMINATED 1
#define ES_STATUS_TRUNCATED 2
#define ES_OK 0
#define ES_ERROR_INVALID_ARGUMENT (-1)
#define ES_ERROR_INVALID_STATE (-2)
#define ES_ERROR_SCENARIO (-3)
#define ES_ERROR_IO (-4)

/* Buffer positions in the bind arrays. */
#define ES_BUFFER_ACTIONS 0
#define ES_BUFFER_OBSERVATIONS 1
#define ES_BUFFER_ACTION_MASKS 2
#define ES_BUFFER_REWARDS 3
#define ES_BUFFER_TERMINATIONS 4
#define ES_BUFFER_TRUNCATIONS 5
#define ES_BUFFER_DECISION_MASK 6
#define ES_BUFFER_INVALID_ACTIONS 7
#define ES_BUFFER_COUNT 8

typedef struct es_scenario es_scenario;
typedef struct es_env es_env;
typedef struct es_batch es_batch;
typedef struct es_policy es_policy;

/* The ABI version (ES_ABI_VERSION of the library). */
uint32_t es_abi_version(void);

/* Scenarios: read, validated and compiled once; environments keep them alive. */
es_scenario *es_scenario_load(const char *path, char *error, int64_t error_capacity);
void es_scenario_release(es_scenario *scenario);
/* Description JSON (name, agents, slotCount, observationLength, featureNames, candidates,
 * horizonSeconds, decisionEpoch, rewardKind, utility, seed, policies); returns its full
 * length (retry with a larger buffer when >= capacity), -1 for NULL. */
int64_t es_scenario_describe(const es_scenario *scenario, char *buffer, int64_t capacity);
int32_t es_scenario_agent_count(const es_scenario *scenario);
int32_t es_scenario_slot_count(const es_scenario *scenario);
int32_t es_scenario_observation_length(const es_scenario *scenario);

/* One stepping environment. */
es_env *es_env_create(const es_scenario *scenario, const char *options_json, char *error, int64_t error_capacity);
void es_env_destroy(es_env *env);
const char *es_env_last_error(const es_env *env);
int32_t es_env_bind(es_env *env, void *const *buffers, const int64_t *counts, int32_t buffer_count);
int32_t es_env_reset(es_env *env, uint64_t seed, int32_t has_seed);
int32_t es_env_step(es_env *env);
double es_env_time_seconds(const es_env *env);
int64_t es_env_step_count(const es_env *env);
uint64_t es_env_episode_seed(const es_env *env);
/* The episode's results so far as edgesim replay's summary.json; returns the full length. */
int64_t es_env_summary_json(const es_env *env, char *buffer, int64_t capacity);

/* A batch of environments stepped in one call, with Gymnasium NEXT_STEP autoreset:
 * an environment whose episode ended at one call is reset at the next (actions ignored,
 * rewards and flags 0). count is 1...65536. es_batch_step returns how many episodes ended at this call. */
es_batch *es_batch_create(const es_scenario *scenario, int32_t count, const char *options_json, char *error,
                          int64_t error_capacity);
void es_batch_destroy(es_batch *batch);
const char *es_batch_last_error(const es_batch *batch);
int32_t es_batch_size(const es_batch *batch);
int32_t es_batch_bind(es_batch *batch, void *const *buffers, const int64_t *counts, int32_t buffer_count);
int32_t es_batch_reset(es_batch *batch, const uint64_t *seeds, const uint8_t *has_seed, int64_t count);
int32_t es_batch_step(es_batch *batch);

/* The Swift baselines: local, random, round-robin, least-queue, earliest-finish, cloud.
 * es_policy_actions writes a slot per agent of env (0 for agents without a decision);
 * the policy resets with the episode's seed at each new episode, as edgesim replay does. */
es_policy *es_policy_create(const char *name, char *error, int64_t error_capacity);
void es_policy_destroy(es_policy *policy);
const char *es_policy_last_error(const es_policy *policy);
int32_t es_policy_actions(es_policy *policy, const es_env *env, int32_t *actions, int64_t count);

#ifdef __cplusplus
}
#endif

#endif /* EDGESIM_H */
