#!/usr/bin/env python3
"""Measures the edgesim Python environments for tools/bench/python-env (see there).

    python measure_python_env.py SCENARIO [--steps 100000] [--batch-steps 2000] [--runs 3]

Figures are best of --runs, by CPU time of this process (the machine may be shared;
wall time is printed next to it). References measured in the same run:
- "dict floor": a pure-Python PettingZoo step for the same 10 agents that only copies
  preallocated arrays and builds the five dicts (no simulation): what any
  PettingZoo environment pays per step in Python;
- PeersimGym's published end-to-end speed, ~50 env steps/s (its authors' figure,
  37-57 env steps/s on 12-31 nodes; HTTP + JSON per step), as a constant.
"""
from __future__ import annotations

import argparse
import time

import numpy as np

import edgesim
from edgesim.policies import BaselinePolicy

PEERSIMGYM_ENV_STEPS_PER_SECOND = 50.0


def best_of(runs: int, measure) -> tuple[float, float, int]:
    """(cpu s, wall s, units) of the run with the least CPU time."""
    results = [measure() for _ in range(runs)]
    return min(results, key=lambda result: result[0])


def timed(body) -> tuple[float, float]:
    cpu, wall = time.process_time(), time.perf_counter()
    body()
    return time.process_time() - cpu, time.perf_counter() - wall


def parallel_env_steps(scenario, steps: int, policy: str | None = None):
    env = edgesim.parallel_env(scenario, max_cycles=5000)
    env.reset(seed=1)
    actions = dict.fromkeys(env.possible_agents, 0)
    baseline = BaselinePolicy(policy) if policy else None

    def body():
        step = env.step
        for _ in range(steps):
            if not env.agents:
                env.reset()
            step(baseline.actions(env) if baseline else actions)

    cpu, wall = timed(body)
    return cpu, wall, steps


def batched_steps(scenario, environments: int, steps: int, copy: bool, threads: int | None):
    vector = edgesim.vector_env(scenario, environments, max_cycles=5000, copy=copy, threads=threads)
    vector.reset(seed=1)
    actions = np.zeros(vector.num_envs, dtype=np.int32)

    def body():
        step = vector.step
        for _ in range(steps):
            step(actions)

    cpu, wall = timed(body)
    vector.close()
    return cpu, wall, steps


def dict_floor(agents: list[str], observation_length: int, slots: int, steps: int):
    """The Python part of a PettingZoo step for these agents, without any simulation."""
    observations = np.zeros((len(agents), observation_length), dtype=np.float32)
    masks = np.zeros((len(agents), slots), dtype=np.int8)
    rewards = np.zeros(len(agents), dtype=np.float32)
    decisions = np.zeros(len(agents), dtype=np.uint8)
    actions = dict.fromkeys(agents, 0)
    buffer = np.zeros(len(agents), dtype=np.int32)

    def step(chosen):
        values = [chosen[agent] for agent in agents]
        buffer[:] = values
        fresh, fresh_masks = observations.copy(), masks.copy()
        flags = decisions.tolist()
        return (dict(zip(agents, fresh)), dict(zip(agents, rewards.tolist())), dict.fromkeys(agents, False),
                dict.fromkeys(agents, False),
                {agent: {"action_mask": mask, "has_decision": flag == 1, "invalid_action": False}
                 for agent, mask, flag in zip(agents, fresh_masks, flags)})

    def body():
        for _ in range(steps):
            step(actions)

    cpu, wall = timed(body)
    return cpu, wall, steps


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("scenario")
    parser.add_argument("--steps", type=int, default=100_000)
    parser.add_argument("--batch-steps", type=int, default=10_000)
    parser.add_argument("--environments", type=int, default=64)
    parser.add_argument("--runs", type=int, default=3)
    arguments = parser.parse_args()
    scenario = edgesim.Scenario(arguments.scenario)
    agents = len(scenario.agents)
    print(f"scenario {scenario.name}: {agents} agents, {scenario.slot_count} slots, "
          f"observations of {scenario.observation_length} float32; library {edgesim.library_path()}")
    print(f"{'configuration':58s} {'env steps/s':>12s} {'agent-steps/s':>14s} {'cpu s':>7s} {'wall s':>7s}")
    rows = {}

    def report(name, result, agents_per_step):
        cpu, wall, steps = result
        rows[name] = steps * agents_per_step / cpu
        print(f"{name:58s} {steps / cpu:12,.0f} {steps * agents_per_step / cpu:14,.0f} {cpu:7.2f} {wall:7.2f}")

    report("ParallelEnv.step, 1 env (fixed actions)",
           best_of(arguments.runs, lambda: parallel_env_steps(scenario, arguments.steps)), agents)
    report("ParallelEnv.step + Swift earliest-finish actions",
           best_of(arguments.runs, lambda: parallel_env_steps(scenario, arguments.steps // 2, "earliest-finish")),
           agents)
    environments = arguments.environments
    for copy, threads in ((True, None), (False, None), (True, 2)):
        label = f"batched VectorEnv.step, {environments} envs, copy={copy}, threads={threads or 1}"
        result = best_of(arguments.runs, lambda: batched_steps(scenario, environments, arguments.batch_steps, copy,
                                                              threads))
        if threads:  # CPU time counts both threads: report by wall time
            result = (result[1], result[1], result[2])
        report(label, result, environments * agents)
    report("reference: dict floor (pure-Python PettingZoo step, no simulation)",
           best_of(arguments.runs, lambda: dict_floor(scenario.agents, scenario.observation_length,
                                                     scenario.slot_count, arguments.steps)), agents)
    parallel = rows["ParallelEnv.step, 1 env (fixed actions)"]
    batched = rows[f"batched VectorEnv.step, {environments} envs, copy=True, threads=1"]
    floor = rows["reference: dict floor (pure-Python PettingZoo step, no simulation)"]
    print()
    print(f"ParallelEnv.step: {parallel:,.0f} agent-steps/s (target >= 300,000); "
          f"{parallel / floor:.2f}x the speed of the dict floor alone")
    print(f"batched: {batched:,.0f} agent-steps/s (target >= 3,000,000)")
    print(f"vs PeersimGym (~{PEERSIMGYM_ENV_STEPS_PER_SECOND:.0f} env steps/s): ParallelEnv "
          f"{parallel / agents / PEERSIMGYM_ENV_STEPS_PER_SECOND:,.0f}x, batched "
          f"{batched / agents / PEERSIMGYM_ENV_STEPS_PER_SECOND:,.0f}x in env steps/s")


if __name__ == "__main__":
    main()
