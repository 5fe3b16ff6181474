"""Seeds drive everything: long trajectories repeat exactly; unseeded resets continue one sequence."""
from __future__ import annotations

import json
import subprocess

import numpy as np
import pytest

import edgesim


def trajectory(env, seed: int, steps: int, action_seed: int = 5) -> list:
    """Everything the environment hands out over ``steps`` steps (resetting when an episode ends)."""
    generator = np.random.default_rng(action_seed)
    observations, infos = env.reset(seed=seed)
    record = [(observations, infos)]
    for _ in range(steps):
        if not env.agents:
            observations, infos = env.reset()
            record.append(("reset", observations, infos))
            continue
        actions = {}
        for agent in env.agents:
            allowed = np.flatnonzero(infos[agent]["action_mask"])
            actions[agent] = int(generator.choice(allowed))
        observations, rewards, terminations, truncations, infos = env.step(actions)
        record.append((actions, observations, rewards, terminations, truncations, infos, env.time_seconds))
    return record


def assert_identical(first, second) -> None:
    assert type(first) is type(second)
    if isinstance(first, dict):
        assert list(first) == list(second)
        for key in first:
            assert_identical(first[key], second[key])
    elif isinstance(first, (list, tuple)):
        assert len(first) == len(second)
        for left, right in zip(first, second):
            assert_identical(left, right)
    elif isinstance(first, np.ndarray):
        assert first.dtype == second.dtype and first.shape == second.shape
        assert first.tobytes() == second.tobytes()
    else:
        assert first == second


def test_two_environments_with_one_seed_agree_for_10k_steps(scenarios):
    first = edgesim.parallel_env(scenarios["long"])
    second = edgesim.parallel_env(scenarios["long"])
    record = trajectory(first, seed=17, steps=10_000)
    assert_identical(record, trajectory(second, seed=17, steps=10_000))
    assert len(record) == 10_001
    assert all(entry[0] != "reset" for entry in record[1:]), "one episode covers the 10k steps"
    rewards = [sum(entry[2].values()) for entry in record[1:]]
    assert np.isfinite(rewards).all() and min(rewards) != max(rewards)
    # Another seed, another episode.
    other = trajectory(edgesim.parallel_env(scenarios["long"]), seed=18, steps=50)
    assert any(not np.array_equal(a[1]["rpi3_0"], b[1]["rpi3_0"]) for a, b in zip(record[1:51], other[1:51]))


def test_unseeded_resets_continue_one_sequence(scenarios):
    env = edgesim.parallel_env(scenarios["sample"], max_cycles=5)
    env.reset()
    assert env.episode_seed == 1, "the first unseeded reset uses the scenario's seed"
    env.reset(seed=42)
    assert env.episode_seed == 42
    sequence = []
    for _ in range(4):
        env.reset()
        sequence.append(env.episode_seed)
    assert len(set(sequence)) == 4 and 42 not in sequence
    again = edgesim.parallel_env(scenarios["sample"], max_cycles=5)
    again.reset(seed=42)
    assert [again.reset() and again.episode_seed for _ in range(4)] == sequence
    # The episodes themselves repeat, including across the unseeded resets.
    assert_identical(trajectory(env, seed=42, steps=30), trajectory(again, seed=42, steps=30))
    # The constructor's seed replaces the scenario's for the first unseeded reset.
    seeded = edgesim.parallel_env(scenarios["sample"], seed=9)
    seeded.reset()
    assert seeded.episode_seed == 9


@pytest.mark.parametrize("bad", [-1, 2**64, 1.5, "7", True])
def test_bad_seeds_are_rejected(scenarios, bad):
    env = edgesim.parallel_env(scenarios["sample"])
    with pytest.raises(ValueError, match="seed"):
        env.reset(seed=bad)


@pytest.mark.parametrize("policy", edgesim.policies.NAMES)
def test_a_baseline_through_python_reproduces_edgesim_replay(scenarios, edgesim_binary, tmp_path, policy):
    seed = 23
    result = subprocess.run(
        [str(edgesim_binary), "replay", str(scenarios["sample"]), "--policy", policy, "--seed", str(seed),
         "-o", str(tmp_path / "results"), "--no-task-records", "--summary-json", "-"],
        capture_output=True, text=True, check=True)
    expected = json.loads(result.stdout)
    env = edgesim.parallel_env(scenarios["sample"])
    baseline = edgesim.policies.BaselinePolicy(policy)
    env.reset(seed=seed)
    while env.agents:
        env.step(baseline.actions(env))
    summary = env.summary()
    assert summary.pop("policy") == "external"
    assert expected.pop("policy") == policy
    assert summary == expected
