"""Behaviour of the ParallelEnv beyond PettingZoo's tests: pickling, errors, fresh arrays, many environments."""
from __future__ import annotations

import os
import pickle
import subprocess
import sys

import cloudpickle
import numpy as np
import pytest

import edgesim
from edgesim import EpisodeStateError, InvalidActionError, ScenarioError


def run(env, seed, steps):
    observations, infos = env.reset(seed=seed)
    record = [observations["rpi3_0"].tobytes()]
    for step in range(steps):
        if not env.agents:
            break
        actions = {agent: int(np.flatnonzero(infos[agent]["action_mask"])[-1]) for agent in env.agents}
        observations, rewards, _, _, infos = env.step(actions)
        record.append((observations["rpi3_0"].tobytes(), tuple(rewards.values())))
    return record


@pytest.mark.parametrize("dumps", [pickle.dumps, cloudpickle.dumps])
def test_pickle_round_trip_before_and_during_an_episode(scenarios, dumps):
    env = edgesim.parallel_env(scenarios["synthetic"], max_cycles=300, invalid_action="raise")
    fresh = pickle.loads(dumps(env))  # never reset: no native handle yet
    assert fresh._native is None and fresh.possible_agents == env.possible_agents
    expected = run(env, 4, 100)
    assert run(fresh, 4, 100) == expected
    # Mid-episode: the copy keeps the configuration, not the live episode; it restarts at reset.
    env.reset(seed=4)
    env.step({agent: 0 for agent in env.agents})
    copy = pickle.loads(dumps(env))
    assert copy.agents == [] and copy.max_cycles == 300 and copy.invalid_action == "raise"
    with pytest.raises(EpisodeStateError):
        copy.step({agent: 0 for agent in copy.possible_agents})
    assert run(copy, 4, 100) == expected
    assert len(dumps(env)) < 16_000, "the configuration and spaces, no simulator state"
    # The scenario and the policies pickle too.
    scenario = pickle.loads(pickle.dumps(env.scenario))
    assert scenario.agents == env.scenario.agents
    assert pickle.loads(pickle.dumps(edgesim.policies.BaselinePolicy("cloud"))).name == "cloud"


def test_invalid_actions_raise_clear_errors(scenarios):
    env = edgesim.parallel_env(scenarios["sample"])
    observations, infos = env.reset(seed=1)
    deciding = next(agent for agent in env.agents if infos[agent]["has_decision"])
    idle = next(agent for agent in env.agents if not infos[agent]["has_decision"])
    base = {agent: 0 for agent in env.agents}
    cases = [
        ({**base, deciding: 4}, r"action 4 of agent 'rpi3_0' is outside its action space Discrete\(4\)"),
        ({**base, deciding: -1}, "outside its action space"),
        ({**base, idle: 99}, "action 99 of agent 'rpi3_1'"),
        ({**base, deciding: 1.5}, "outside its action space"),
        ({**base, deciding: "2"}, "outside its action space"),
        ({**base, deciding: 2**40}, "integers in"),
        ({agent: 0 for agent in env.agents if agent != deciding}, "no action for agent 'rpi3_0', which must decide"),
        ({**base, "rpi3_9": 0}, r"actions for unknown or finished agents: \['rpi3_9'\]"),
    ]
    for actions, message in cases + [([0, 0, 0], "actions must be a dict")]:
        with pytest.raises(InvalidActionError, match=message):
            env.step(actions)
    # Nothing was applied: the episode continues where it was.
    assert env.time_seconds == 0.783
    observations, rewards, *_ = env.step({deciding: 1})  # idle agents may be left out
    assert env.time_seconds > 0.783 or rewards[deciding] != 0
    assert isinstance(InvalidActionError("x"), ValueError)


def test_masked_actions_are_penalised_or_raise(scenarios):
    # rpi3_0 has 4 real candidates; make a scenario where slots are padded: agents include edge nodes.
    env = edgesim.parallel_env(scenarios["sample"])
    observations, infos = env.reset(seed=1)
    deciding = next(agent for agent in env.agents if infos[agent]["has_decision"])
    idle = next(agent for agent in env.agents if not infos[agent]["has_decision"])
    # Idle agents' masks allow only slot 0, but their actions are ignored: no penalty.
    _, rewards, _, _, infos = env.step({deciding: 0, idle: 3})
    assert not any(info["invalid_action"] for info in infos.values())
    strict = edgesim.parallel_env(scenarios["sample"], invalid_action="raise")
    _, infos = strict.reset(seed=1)
    mask = infos[deciding]["action_mask"]
    assert mask.all(), "every slot is a real candidate here"
    with pytest.raises(ValueError, match="invalid_action must be one of"):
        edgesim.parallel_env(scenarios["sample"], invalid_action="ignore")


def test_padded_slots_are_masked_and_penalised(tmp_path, scenario_writer):
    write_scenario, SYNTHETIC_SETTINGS = scenario_writer
    path = write_scenario(tmp_path, "padded", workload=False, settings={
        **SYNTHETIC_SETTINGS, "agents": {"kinds": ["device", "edge"]}, "origins": {"kinds": ["device", "edge"]}})
    env = edgesim.parallel_env(path, max_cycles=400)
    strict = edgesim.parallel_env(path, max_cycles=400, invalid_action="raise")
    for current in (env, strict):
        current.reset(seed=1)
    padded = [index for index, candidates in enumerate(env.scenario.candidates)
              if len(candidates) < env.scenario.slot_count]
    assert padded, "edge agents have fewer candidates than the longest list"
    # Drive until a padded agent must decide, then choose its padding slot.
    observations, infos = env.reset(seed=1)
    strict.reset(seed=1)
    while True:
        padded_deciding = [env.possible_agents[index] for index in padded
                           if infos[env.possible_agents[index]]["has_decision"]]
        if padded_deciding:
            break
        observations, _, _, _, infos = env.step({agent: 0 for agent in env.agents})
        strict.step({agent: 0 for agent in strict.agents})
    agent = padded_deciding[0]
    slot = int(np.flatnonzero(infos[agent]["action_mask"] == 0)[0])
    actions = {name: 0 for name in env.agents}
    actions[agent] = slot
    with pytest.raises(InvalidActionError, match=f"action {slot} of agent '{agent}' is masked out"):
        strict.step(actions)
    _, rewards, _, _, infos = env.step(actions)
    assert infos[agent]["invalid_action"]
    assert rewards[agent] == -env.scenario.utility


def test_every_step_hands_out_fresh_arrays(scenarios):
    env = edgesim.parallel_env(scenarios["synthetic"])
    previous, previous_infos = env.reset(seed=3)
    for _ in range(20):
        actions = {agent: 0 for agent in env.agents}
        observations, _, _, _, infos = env.step(actions)
        for agent in env.possible_agents:
            assert not np.shares_memory(observations[agent], previous[agent])
            assert not np.shares_memory(infos[agent]["action_mask"], previous_infos[agent]["action_mask"])
            assert not np.shares_memory(observations[agent], env.native.observations)
        kept = observations["rpi3_0"].copy()
        previous, previous_infos = observations, infos
    env.step({agent: 0 for agent in env.agents})
    assert np.array_equal(previous["rpi3_0"], kept), "handed-out arrays are never overwritten"


def test_many_environments_in_one_process_are_independent(scenarios):
    shared = edgesim.Scenario(scenarios["synthetic"])
    environments = [edgesim.parallel_env(shared, max_cycles=120) for _ in range(40)]
    states = [env.reset(seed=index % 4) for index, env in enumerate(environments)]
    records = [[] for _ in environments]
    for _ in range(120):  # interleaved: every environment advances one step per round
        for index, env in enumerate(environments):
            observations, infos = states[index][:2]
            actions = {agent: int(np.flatnonzero(infos[agent]["action_mask"])[index % 2 - 1]) for agent in env.agents}
            result = env.step(actions)
            states[index] = (result[0], result[4])
            records[index].append((result[0]["rpi3_2"].tobytes(), tuple(result[1].values())))
    for index in range(4, 40):
        assert records[index] == records[index % 4], "same seed and actions, same episode, however interleaved"
    assert records[0] != records[1]
    alone = edgesim.parallel_env(scenarios["synthetic"], max_cycles=120)
    observations, infos = alone.reset(seed=0)
    solo = []
    for _ in range(120):
        actions = {agent: int(np.flatnonzero(infos[agent]["action_mask"])[-1]) for agent in alone.agents}
        observations, rewards, _, _, infos = alone.step(actions)
        solo.append((observations["rpi3_2"].tobytes(), tuple(rewards.values())))
    assert solo == records[0]


def test_errors_name_the_problem(scenarios, tmp_path):
    with pytest.raises(ScenarioError, match="nonexistent.scenario.json"):
        edgesim.parallel_env(tmp_path / "nonexistent.scenario.json")
    broken = tmp_path / "broken.scenario.json"
    broken.write_text('{"format": "edgesim-scenario", "version": 1, "name": "x", "topology": {"path": "none.json"}}')
    with pytest.raises(ScenarioError, match="none.json"):
        edgesim.parallel_env(broken)
    with pytest.raises(TypeError, match="unknown option 'horizon'"):
        edgesim.parallel_env(scenarios["sample"], horizon=3)
    with pytest.raises(ValueError, match="arrival_rate_scale must be a positive finite number"):
        edgesim.parallel_env(scenarios["sample"], arrival_rate_scale=0)
    with pytest.raises(ValueError, match="max_cycles must be a positive integer"):
        edgesim.parallel_env(scenarios["sample"], max_cycles=0)
    with pytest.raises(ValueError, match="render_mode"):
        edgesim.parallel_env(scenarios["sample"], render_mode="rgb_array")
    env = edgesim.parallel_env(scenarios["sample"])
    with pytest.raises(EpisodeStateError, match="call reset"):
        env.step({})
    env.reset(seed=1)
    while env.agents:
        env.step({agent: 0 for agent in env.agents})
    with pytest.raises(EpisodeStateError, match="episode is over"):
        env.step({agent: 0 for agent in env.possible_agents})
    with pytest.raises(ValueError, match="unknown policy 'fastest'"):
        edgesim.policies.BaselinePolicy("fastest")


def test_render_modes_and_summary(scenarios, capsys):
    env = edgesim.parallel_env(scenarios["sample"], render_mode="ansi")
    env.reset(seed=1)
    env.step({agent: 0 for agent in env.agents})
    line = env.render()
    assert isinstance(line, str) and line.startswith("sample t=") and "completed=" in line
    human = edgesim.parallel_env(scenarios["sample"], render_mode="human")
    human.reset(seed=1)
    assert human.render() is None
    human.step({agent: 0 for agent in human.agents})
    assert capsys.readouterr().out.count("sample t=") == 2
    assert edgesim.parallel_env(scenarios["sample"]).render() is None
    summary = env.summary()
    assert summary["tasks"] >= summary["completed"] >= 0 and summary["scenario"] == "sample"
    assert env.state().shape == env.state_space.shape


def test_the_library_is_found_or_the_error_says_how_to_get_it(tmp_path):
    assert edgesim.library_path().endswith(("libEdgeSimABI.so", "libEdgeSimABI.dylib"))
    script = "import edgesim; edgesim.Scenario('x')"
    environment = {**os.environ, "EDGESIM_LIBRARY": str(tmp_path / "missing.so")}
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, env=environment)
    assert result.returncode != 0
    assert f"EDGESIM_LIBRARY points at {tmp_path / 'missing.so'}, which is not a file" in result.stderr


def test_threads_step_different_environments_at_once(scenarios):
    """The native library has no global state and ctypes releases the GIL: threads may share a process."""
    import threading

    def episode(seed, results, index):
        env = edgesim.parallel_env(scenarios["synthetic"], max_cycles=400)
        observations, infos = env.reset(seed=seed)
        record = []
        while env.agents:
            actions = {agent: int(np.flatnonzero(infos[agent]["action_mask"])[-1]) for agent in env.agents}
            observations, rewards, _, _, infos = env.step(actions)
            record.append((observations["rpi3_1"].tobytes(), tuple(rewards.values())))
        results[index] = record

    expected = [None] * 4
    for index in range(4):
        episode(index % 2, expected, index)
    results = [None] * 4
    threads = [threading.Thread(target=episode, args=(index % 2, results, index)) for index in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == expected and results[0] != results[1]


def test_an_episode_without_decisions_ends_at_the_first_step(tmp_path):
    from pathlib import Path

    topology = Path(__file__).resolve().parents[3] / "topologies" / "sample-edge.topology.json"
    path = tmp_path / "empty.scenario.json"
    path.write_text('{"format": "edgesim-scenario", "version": 1, "name": "empty", '
                    f'"topology": {{"path": "{topology}"}}, "workload": {{"tasks": []}}}}')
    env = edgesim.parallel_env(path)
    observations, infos = env.reset(seed=1)
    assert set(observations) == set(env.possible_agents)
    assert not any(info["has_decision"] for info in infos.values())
    _, rewards, terminations, truncations, _ = env.step({})
    assert all(terminations.values()) and not any(truncations.values()) and set(rewards.values()) == {0.0}
    assert env.agents == []
