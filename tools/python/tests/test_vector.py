"""The batched Gymnasium VectorEnv: one native call for all environments, NEXT_STEP autoreset."""
from __future__ import annotations

import pickle

import numpy as np
import pytest
from gymnasium.vector import AutoresetMode

import edgesim
from edgesim import InvalidActionError


def masked_actions(masks: np.ndarray, generator: np.random.Generator) -> np.ndarray:
    return np.array([generator.choice(np.flatnonzero(row)) for row in masks], dtype=np.int64)


def test_rows_follow_single_environments_across_autoresets(scenarios):
    environments, agents = 3, 3
    vector = edgesim.vector_env(scenarios["synthetic"], environments, max_cycles=25)
    assert vector.num_envs == environments * agents
    assert vector.metadata["autoreset_mode"] == AutoresetMode.NEXT_STEP
    assert vector.single_observation_space.shape == (42,) and vector.single_action_space.n == 4
    singles = [edgesim.parallel_env(scenarios["synthetic"], max_cycles=25) for _ in range(environments)]
    observations, infos = vector.reset(seed=100)
    states = [single.reset(seed=100 + index) for index, single in enumerate(singles)]
    generator = np.random.default_rng(0)
    ended_before = np.zeros(environments, dtype=bool)
    resets = 0
    for step in range(80):
        for index, single in enumerate(singles):
            expected_observations = states[index][0]
            rows = slice(index * agents, (index + 1) * agents)
            expected = np.stack([expected_observations[agent] for agent in single.possible_agents])
            assert np.array_equal(observations[rows], expected)
            assert np.array_equal(infos["action_mask"][rows],
                                  np.stack([states[index][1][a]["action_mask"] for a in single.possible_agents]))
        actions = masked_actions(infos["action_mask"], generator)
        observations, rewards, terminations, truncations, infos = vector.step(actions)
        for index, single in enumerate(singles):
            rows = slice(index * agents, (index + 1) * agents)
            if ended_before[index]:
                # NEXT_STEP: this step reset the environment; rewards and flags are 0.
                states[index] = single.reset()
                resets += 1
                assert not rewards[rows].any() and not terminations[rows].any() and not truncations[rows].any()
                ended_before[index] = False
                continue
            result = single.step({agent: int(actions[index * agents + position])
                                  for position, agent in enumerate(single.possible_agents)})
            states[index] = (result[0], result[4])
            assert np.array_equal(rewards[rows], np.float32(list(result[1].values())))
            assert list(truncations[rows]) == list(result[3].values())
            ended_before[index] = truncations[rows].all() or terminations[rows].all()
    assert resets == environments * 3, "25 steps then a reset step: 3 autoresets each in 80 steps"


def test_threads_and_copies_do_not_change_results(scenarios):
    results = []
    for threads, copy in ((None, True), (2, True), (2, False)):
        vector = edgesim.vector_env(scenarios["synthetic"], 5, max_cycles=40, threads=threads, copy=copy)
        observations, infos = vector.reset(seed=[3, 1, 4, 1, 5])
        generator = np.random.default_rng(1)
        trace = []
        for _ in range(100):
            observations, rewards, terminations, truncations, infos = vector.step(
                masked_actions(infos["action_mask"], generator))
            trace.append((observations.tobytes(), rewards.tobytes(), terminations.tobytes(), truncations.tobytes()))
        results.append(trace)
    assert results[0] == results[1] == results[2]


def test_fresh_arrays_unless_copy_is_off(scenarios):
    vector = edgesim.vector_env(scenarios["sample"], 2)
    first, _ = vector.reset(seed=0)
    second = vector.step(np.zeros(vector.num_envs, dtype=np.int32))[0]
    assert not np.shares_memory(first, second)
    shared = edgesim.vector_env(scenarios["sample"], 2, copy=False)
    first, _ = shared.reset(seed=0)
    assert np.shares_memory(first, shared.step(np.zeros(shared.num_envs, dtype=np.int32))[0])


def test_vector_errors_and_pickling(scenarios):
    vector = edgesim.vector_env(scenarios["sample"], 2)
    with pytest.raises(edgesim.EpisodeStateError, match="reset"):
        vector.step(np.zeros(6, dtype=np.int32))
    vector.reset(seed=0)
    with pytest.raises(InvalidActionError, match="shape"):
        vector.step(np.zeros(5, dtype=np.int32))
    with pytest.raises(InvalidActionError, match=r"in \[0, 4\)"):
        vector.step(np.full(6, 4))
    with pytest.raises(InvalidActionError, match="integer"):
        vector.step(np.zeros(6, dtype=np.float32))
    with pytest.raises(ValueError, match="expected 2 seeds"):
        vector.reset(seed=[1, 2, 3])
    with pytest.raises(ValueError, match="num_envs"):
        edgesim.vector_env(scenarios["sample"], 0)
    copy = pickle.loads(pickle.dumps(vector))
    a, _ = copy.reset(seed=9)
    b, _ = vector.reset(seed=9)
    assert np.array_equal(a, b)
    vector.close()
    with pytest.raises(edgesim.EpisodeStateError, match="closed"):
        vector.reset()
