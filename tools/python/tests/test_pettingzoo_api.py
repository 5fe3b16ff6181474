"""PettingZoo's own tests on the edgesim environments."""
from __future__ import annotations

import functools
import types
import warnings

import numpy as np
import pytest
from pettingzoo.test import api_test, max_cycles_test, parallel_api_test, parallel_seed_test, render_test, seed_test
from pettingzoo.test.state_test import state_test
from pettingzoo.utils.conversions import parallel_to_aec

import edgesim


@pytest.mark.parametrize("name", ["sample", "interval", "synthetic"])
def test_parallel_api_test(scenarios, name):
    parallel_api_test(edgesim.parallel_env(scenarios[name]), num_cycles=1000)


@pytest.mark.parametrize("name", ["sample", "interval"])
def test_api_test_of_the_aec_conversion(scenarios, name):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        api_test(parallel_to_aec(edgesim.parallel_env(scenarios[name])), num_cycles=1000)
    messages = [str(warning.message) for warning in caught]
    # No warning about the spaces or the observations (bounds, dtypes, NaN, masks).
    for fragment in ("Box", "dtype", "NaN", "inf", "action_mask", "not a numpy array"):
        assert not [message for message in messages if fragment in message], messages


def test_parallel_seed_test(scenarios):
    parallel_seed_test(functools.partial(edgesim.parallel_env, scenarios["sample"]), num_cycles=500)


def test_aec_seed_test(scenarios):
    seed_test(functools.partial(edgesim.env, scenarios["interval"]), num_cycles=50)


def test_max_cycles_test_truncates_at_exactly_max_cycles(scenarios):
    module = types.SimpleNamespace(
        parallel_env=functools.partial(edgesim.parallel_env, scenarios["synthetic"]),
        env=functools.partial(edgesim.env, scenarios["synthetic"]))
    max_cycles_test(module)


@pytest.mark.parametrize("max_cycles", [1, 7, 150])
def test_truncation_at_the_step_limit_and_at_the_horizon(scenarios, max_cycles):
    env = edgesim.parallel_env(scenarios["synthetic"], max_cycles=max_cycles)
    env.reset(seed=1)
    steps = 0
    while env.agents:
        _, _, terminations, truncations, _ = env.step({agent: 0 for agent in env.agents})
        steps += 1
    assert steps == max_cycles
    assert all(truncations.values()) and not any(terminations.values())
    # The horizon truncates too: interval epochs every 0.5 s up to 60 s.
    env = edgesim.parallel_env(scenarios["interval"])
    env.reset(seed=1)
    while env.agents:
        _, _, terminations, truncations, _ = env.step({agent: 0 for agent in env.agents})
    assert all(truncations.values()) and not any(terminations.values())
    assert env.time_seconds == 60
    # A drained workload without horizon terminates.
    env = edgesim.parallel_env(scenarios["sample"])
    env.reset(seed=1)
    while env.agents:
        _, _, terminations, truncations, _ = env.step({agent: 0 for agent in env.agents})
    assert all(terminations.values()) and not any(truncations.values())


def test_render_test(scenarios):
    render_test(functools.partial(edgesim.env, scenarios["sample"]))


def test_state_test(scenarios):
    state_test(parallel_to_aec(edgesim.parallel_env(scenarios["sample"])),
               edgesim.parallel_env(scenarios["sample"]))


def test_spaces_are_stable_bounded_and_match_the_data(scenarios):
    env = edgesim.parallel_env(scenarios["synthetic"])
    for agent in env.possible_agents:
        assert env.observation_space(agent) is env.observation_space(agent)
        assert env.action_space(agent) is env.action_space(agent)
        space = env.observation_space(agent)
        assert space.dtype == np.float32 and np.isfinite(space.low).all() and np.isfinite(space.high).all()
        assert space.shape == (10 + 8 * env.action_space(agent).n,)
    observations, infos = env.reset(seed=2)
    for _ in range(200):
        for agent, observation in observations.items():
            assert observation.dtype == np.float32
            assert env.observation_space(agent).contains(observation)
            mask = infos[agent]["action_mask"]
            assert mask.dtype == np.int8 and mask.any()
            assert mask[0] == 1 or infos[agent]["has_decision"]
        actions = {agent: env.action_space(agent).sample(infos[agent]["action_mask"]) for agent in env.agents}
        observations, _, _, _, infos = env.step(actions)
    assert env.possible_agents == ["rpi3_0", "rpi3_1", "rpi3_2"]
    assert len(env.feature_names) == env.observation_space("rpi3_0").shape[0]


# PettingZoo warns that Dict observations are not Box/Discrete and not numpy arrays: expected here.
@pytest.mark.filterwarnings("ignore::UserWarning")
def test_masks_inside_dict_observations(scenarios):
    make = functools.partial(edgesim.parallel_env, scenarios["sample"], mask_in_observation=True,
                             invalid_action="raise")
    parallel_api_test(make(), num_cycles=1000)  # samples with the masks: a masked action would raise
    api_test(parallel_to_aec(make()), num_cycles=200)
    env = make()
    observations, infos = env.reset(seed=3)
    for agent, observation in observations.items():
        assert set(observation) == {"observation", "action_mask"}
        assert env.observation_space(agent).contains(observation)
        assert np.array_equal(observation["action_mask"], infos[agent]["action_mask"])
