#!/usr/bin/env python3
"""Training edgesim agents with Ray RLlib (PPO, one policy shared by all agents).

    pip install './tools/python[rllib]'
    python tools/python/examples/rllib_config.py SCENARIO.scenario.json [--iterations 10] [--env-runners 2]

The environment is created inside each EnvRunner from a plain-dict ``env_config``
(``scenario``, ``max_cycles``, ``seed``), never pickled. RLlib seeds sub-environment
``i`` of runner ``w`` with ``seed + w + i`` on its first reset only, so runners'
seeds collide ((w=1, i=1) and (w=2, i=0) agree): ``MixedSeedEnv`` mixes the
seed it is given with the runner's ``worker_index`` and ``vector_index``
(``numpy.random.SeedSequence``), and later unseeded resets continue each
environment's own seed sequence (edgesim's convention), so every environment of
every runner replays a different, reproducible stream of episodes.
"""
from __future__ import annotations

import argparse

import numpy as np

import edgesim

ENVIRONMENT_NAME = "edgesim_offloading"


def mixed_seed(seed: int | None, worker_index: int, vector_index: int) -> int | None:
    """One seed from RLlib's seed and the environment's place (runner, vector index)."""
    if seed is None:
        return None
    return int(np.random.SeedSequence([seed, worker_index, vector_index]).generate_state(1, np.uint64)[0] >> 1)


def make_env(config):
    """The RLlib environment creator: ``config`` is the ``env_config`` dict (an ``EnvContext`` in runners)."""
    from ray.rllib.env.wrappers.pettingzoo_env import ParallelPettingZooEnv

    worker_index = getattr(config, "worker_index", 0)
    vector_index = getattr(config, "vector_index", 0)

    class MixedSeedEnv(ParallelPettingZooEnv):
        def reset(self, *, seed=None, options=None):
            return super().reset(seed=mixed_seed(seed, worker_index, vector_index), options=options)

    env = edgesim.parallel_env(config["scenario"], max_cycles=config.get("max_cycles"),
                               seed=mixed_seed(config.get("seed", 0), worker_index, vector_index))
    return MixedSeedEnv(env)


def build_config(scenario: str, *, max_cycles: int | None = 1000, num_env_runners: int = 2, seed: int = 0):
    """A PPO configuration with one policy shared by every agent (parameter sharing)."""
    from ray.rllib.algorithms.ppo import PPOConfig
    from ray.rllib.core.rl_module.multi_rl_module import MultiRLModuleSpec
    from ray.rllib.core.rl_module.rl_module import RLModuleSpec
    from ray.tune.registry import register_env

    register_env(ENVIRONMENT_NAME, make_env)
    return (
        PPOConfig()
        .environment(ENVIRONMENT_NAME, env_config={"scenario": scenario, "max_cycles": max_cycles, "seed": seed})
        .env_runners(num_env_runners=num_env_runners, num_envs_per_env_runner=1)
        .multi_agent(policies={"shared"}, policy_mapping_fn=lambda agent_id, *args, **kwargs: "shared")
        .rl_module(rl_module_spec=MultiRLModuleSpec(rl_module_specs={"shared": RLModuleSpec()}))
        .training(train_batch_size_per_learner=2000, minibatch_size=256, num_epochs=4, lr=3e-4)
        .debugging(seed=seed)
    )


def train(scenario: str, *, iterations: int = 10, max_cycles: int | None = 1000, num_env_runners: int = 2) -> dict:
    """Builds the algorithm, trains ``iterations`` iterations and returns the last result's headline figures."""
    import ray

    ray.init(ignore_reinit_error=True, include_dashboard=False)
    try:
        algorithm = build_config(scenario, max_cycles=max_cycles, num_env_runners=num_env_runners).build_algo()
        result = {}
        for _ in range(iterations):
            result = algorithm.train()
        algorithm.stop()
        runners = result.get("env_runners", {})
        return {"iterations": iterations, "episode_return_mean": runners.get("episode_return_mean")}
    finally:
        ray.shutdown()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--iterations", type=int, default=10)
    parser.add_argument("--max-cycles", type=int, default=1000)
    parser.add_argument("--env-runners", type=int, default=2)
    arguments = parser.parse_args()
    print(train(arguments.scenario, iterations=arguments.iterations, max_cycles=arguments.max_cycles,
                num_env_runners=arguments.env_runners))


if __name__ == "__main__":
    main()
