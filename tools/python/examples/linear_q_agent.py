#!/usr/bin/env python3
"""A small numpy agent for edgesim: linear Q-learning over per-slot features, shared by all agents.

    python tools/python/examples/linear_q_agent.py SCENARIO.scenario.json [--episodes 30] [--seed 0]

Each agent that must decide scores every allowed candidate slot with
``Q(s, k) = w · φ(s, k)``, where ``φ`` is the slot's block of the observation
(valid, queue occupancy, free cores, wait / transfer / execution / completion
estimates, is-cloud) plus a few of the agent's own features and a bias, and
picks the best (epsilon-greedy while training). The scenario's dense reward is
credited at the step that decides a task, so the target is the immediate reward
(a contextual bandit, discount 0): ``w += α (r − Q(s, k)) φ(s, k)``. One weight
vector is shared by all agents (parameter sharing). Everything is seeded:
the same scenario and seeds give the same weights and the same scores.

The CI test (tools/python/tests/test_learning.py) trains it on a fixed scenario and
checks that it beats the ``random`` and ``local`` baselines on held-out seeds.
"""
from __future__ import annotations

import argparse
import json

import numpy as np

import edgesim
from edgesim.policies import BaselinePolicy

GLOBAL_FEATURES = ("own_queue_occupancy", "own_free_cores", "task_local_execution", "task_input_size",
                   "task_deadline_slack")
SLOT_FEATURES = 8


class LinearQAgent:
    """Linear Q-values over (observation, slot) features; see the module docstring."""

    def __init__(self, env: edgesim.EdgeSimParallelEnv, learning_rate: float = 0.05, epsilon: float = 0.2,
                 seed: int = 0):
        names = env.feature_names
        self.global_positions = [names.index(name) for name in GLOBAL_FEATURES]
        self.slot_count = env.scenario.slot_count
        self.slot_start = names.index("slot0.valid")
        self.feature_count = SLOT_FEATURES + len(GLOBAL_FEATURES) + 2
        self.weights = np.zeros(self.feature_count)
        self.learning_rate = learning_rate
        self.epsilon = epsilon
        self.random = np.random.default_rng(seed)

    def features(self, observation: np.ndarray) -> np.ndarray:
        """``φ(s, k)`` for every slot: a ``[slots, features]`` matrix."""
        slots = observation[self.slot_start:self.slot_start + self.slot_count * SLOT_FEATURES]
        slots = slots.reshape(self.slot_count, SLOT_FEATURES).astype(np.float64)
        own = np.broadcast_to(observation[self.global_positions].astype(np.float64),
                              (self.slot_count, len(self.global_positions)))
        is_first = np.zeros((self.slot_count, 1))
        is_first[0] = 1  # slot 0 is the agent's own node when local execution is a candidate
        return np.hstack([slots, own, is_first, np.ones((self.slot_count, 1))])

    def act(self, observation: np.ndarray, mask: np.ndarray, explore: bool) -> tuple[int, np.ndarray]:
        features = self.features(observation)
        allowed = np.flatnonzero(mask)
        if explore and self.random.random() < self.epsilon:
            return int(self.random.choice(allowed)), features
        values = features[allowed] @ self.weights
        return int(allowed[int(np.argmax(values))]), features

    def learn(self, features: np.ndarray, reward: float) -> None:
        error = reward - features @ self.weights
        self.weights += self.learning_rate * error * features

    def actions(self, observations: dict, infos: dict, explore: bool) -> tuple[dict, dict]:
        """Actions for every live agent, and the features of each decision taken."""
        actions, decided = {}, {}
        for agent, observation in observations.items():
            info = infos[agent]
            if info["has_decision"]:
                action, features = self.act(observation, info["action_mask"], explore)
                actions[agent] = action
                decided[agent] = features[action]
            else:
                actions[agent] = 0
        return actions, decided


def train(env: edgesim.EdgeSimParallelEnv, agent: LinearQAgent, episodes: int, seed: int) -> list[float]:
    """Trains for ``episodes`` episodes seeded ``seed, seed + 1, ...``; returns each episode's reward."""
    totals = []
    for episode in range(episodes):
        observations, infos = env.reset(seed=seed + episode)
        total = 0.0
        while env.agents:
            actions, decided = agent.actions(observations, infos, explore=True)
            observations, rewards, terminations, truncations, infos = env.step(actions)
            for name, features in decided.items():
                agent.learn(features, rewards[name])
            total += sum(rewards.values())
        totals.append(total)
    return totals


def evaluate(env: edgesim.EdgeSimParallelEnv, choose, seeds) -> dict:
    """Mean reward per decision and per episode of ``choose(observations, infos) -> actions`` over ``seeds``."""
    total, decisions, completed = 0.0, 0, 0
    for seed in seeds:
        observations, infos = env.reset(seed=seed)
        while env.agents:
            decisions += sum(info["has_decision"] for info in infos.values())
            observations, rewards, terminations, truncations, infos = env.step(choose(observations, infos))
            total += sum(rewards.values())
        completed += env.summary()["completed"]
    return {"reward_per_decision": total / max(decisions, 1), "reward_per_episode": total / len(seeds),
            "completed_per_episode": completed / len(seeds)}


def compare(scenario, episodes: int = 30, seed: int = 0, evaluation_seeds=range(1000, 1005),
            max_cycles: int | None = None) -> dict:
    """Trains the agent and scores it and every baseline on the same held-out seeds."""
    env = edgesim.parallel_env(scenario, max_cycles=max_cycles)
    agent = LinearQAgent(env, seed=seed)
    train(env, agent, episodes, seed)
    scores = {"linear-q": evaluate(env, lambda observations, infos: agent.actions(observations, infos, False)[0],
                                   evaluation_seeds)}
    for name in edgesim.policies.NAMES:
        policy = BaselinePolicy(name)
        scores[name] = evaluate(env, lambda observations, infos: policy.actions(env), evaluation_seeds)
    return {"scores": scores, "weights": agent.weights.tolist()}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--episodes", type=int, default=30)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-cycles", type=int, default=None)
    arguments = parser.parse_args()
    result = compare(arguments.scenario, arguments.episodes, arguments.seed, max_cycles=arguments.max_cycles)
    for name, score in result["scores"].items():
        print(f"{name:16s} reward/decision {score['reward_per_decision']:8.4f}   "
              f"reward/episode {score['reward_per_episode']:10.2f}   "
              f"completed/episode {score['completed_per_episode']:.1f}")
    print(json.dumps({"weights": result["weights"]}))


if __name__ == "__main__":
    main()
