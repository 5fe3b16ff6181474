#!/usr/bin/env python3
"""Independent DQN per agent with PyTorch (optional extra: pip install './tools/python[torch]').

    python tools/python/examples/dqn_torch.py SCENARIO.scenario.json [--episodes 50] [--seed 0]

Every agent (controller node) has its own Q-network, target network and replay
buffer, and learns only from its own decisions: a transition runs from one of
its decisions to its next one (the observation it then decides on), with the
rewards it collected in between; episode ends close a transition. Actions are
epsilon-greedy over the action mask in ``infos[agent]["action_mask"]``, and
masked slots get -inf in the bootstrap target. Seeds: ``torch.manual_seed``,
numpy's generator and the environment's episode seeds all derive from ``--seed``.
"""
from __future__ import annotations

import argparse
from collections import deque

import numpy as np
import torch
from torch import nn

import edgesim
from edgesim.policies import BaselinePolicy


class QNetwork(nn.Module):
    def __init__(self, observation_length: int, slots: int, hidden: int = 128):
        super().__init__()
        self.layers = nn.Sequential(nn.Linear(observation_length, hidden), nn.ReLU(), nn.Linear(hidden, hidden),
                                    nn.ReLU(), nn.Linear(hidden, slots))

    def forward(self, observations: torch.Tensor) -> torch.Tensor:
        return self.layers(observations)


class AgentLearner:
    """One agent's DQN: online and target networks, replay buffer, optimiser."""

    def __init__(self, observation_length: int, slots: int, generator: np.random.Generator, *, gamma: float = 0.9,
                 learning_rate: float = 1e-3, buffer_size: int = 50_000, batch_size: int = 64,
                 target_period: int = 500):
        self.network = QNetwork(observation_length, slots)
        self.target = QNetwork(observation_length, slots)
        self.target.load_state_dict(self.network.state_dict())
        self.optimiser = torch.optim.Adam(self.network.parameters(), lr=learning_rate)
        self.buffer: deque = deque(maxlen=buffer_size)
        self.generator = generator
        self.gamma, self.batch_size, self.target_period = gamma, batch_size, target_period
        self.updates = 0
        self.pending = None  # (observation, action, reward so far) of the last decision

    def act(self, observation: np.ndarray, mask: np.ndarray, epsilon: float) -> int:
        allowed = np.flatnonzero(mask)
        if self.generator.random() < epsilon:
            return int(self.generator.choice(allowed))
        with torch.no_grad():
            values = self.network(torch.as_tensor(observation).unsqueeze(0))[0].numpy()
        return int(allowed[np.argmax(values[allowed])])

    def observe(self, reward: float) -> None:
        if self.pending is not None:
            self.pending[2] += reward

    def decide(self, observation: np.ndarray, mask: np.ndarray, action: int) -> None:
        """Closes the previous transition at this decision and opens a new one."""
        if self.pending is not None:
            previous, previous_action, reward = self.pending
            self.buffer.append((previous, previous_action, reward, observation, mask.astype(bool), False))
        self.pending = [observation, action, 0.0]

    def end_episode(self, observation: np.ndarray, mask: np.ndarray) -> None:
        if self.pending is not None:
            previous, previous_action, reward = self.pending
            self.buffer.append((previous, previous_action, reward, observation, mask.astype(bool), True))
        self.pending = None

    def learn(self) -> None:
        if len(self.buffer) < self.batch_size:
            return
        indices = self.generator.integers(0, len(self.buffer), self.batch_size)
        batch = [self.buffer[index] for index in indices]
        observations = torch.as_tensor(np.stack([item[0] for item in batch]))
        actions = torch.as_tensor([item[1] for item in batch])
        rewards = torch.as_tensor([item[2] for item in batch], dtype=torch.float32)
        following = torch.as_tensor(np.stack([item[3] for item in batch]))
        masks = torch.as_tensor(np.stack([item[4] for item in batch]))
        done = torch.as_tensor([item[5] for item in batch], dtype=torch.float32)
        with torch.no_grad():
            next_values = self.target(following).masked_fill(~masks, float("-inf")).max(dim=1).values
            targets = rewards + self.gamma * (1 - done) * next_values
        values = self.network(observations).gather(1, actions.unsqueeze(1)).squeeze(1)
        loss = nn.functional.smooth_l1_loss(values, targets)
        self.optimiser.zero_grad()
        loss.backward()
        self.optimiser.step()
        self.updates += 1
        if self.updates % self.target_period == 0:
            self.target.load_state_dict(self.network.state_dict())


def train(scenario: str, episodes: int = 50, seed: int = 0, max_cycles: int | None = 2000) -> dict:
    torch.manual_seed(seed)
    generator = np.random.default_rng(seed)
    env = edgesim.parallel_env(scenario, max_cycles=max_cycles)
    length, slots = env.scenario.observation_length, env.scenario.slot_count
    learners = {agent: AgentLearner(length, slots, generator) for agent in env.possible_agents}
    returns = []
    for episode in range(episodes):
        epsilon = max(0.05, 1.0 - episode / (0.6 * episodes))
        observations, infos = env.reset(seed=seed + episode)
        total = 0.0
        while env.agents:
            actions = {}
            for agent in env.agents:
                info = infos[agent]
                if info["has_decision"]:
                    actions[agent] = learners[agent].act(observations[agent], info["action_mask"], epsilon)
                    learners[agent].decide(observations[agent], info["action_mask"], actions[agent])
                else:
                    actions[agent] = 0
            observations, rewards, terminations, truncations, infos = env.step(actions)
            for agent, reward in rewards.items():
                learners[agent].observe(reward)
                learners[agent].learn()
            total += sum(rewards.values())
        for agent, learner in learners.items():
            learner.end_episode(observations[agent], infos[agent]["action_mask"])
        returns.append(total)
        print(f"episode {episode:3d} epsilon {epsilon:.2f} return {total:10.2f}")
    return {"returns": returns, "learners": learners, "env": env}


def evaluate(env, learners, seeds) -> float:
    total = 0.0
    for seed in seeds:
        observations, infos = env.reset(seed=seed)
        while env.agents:
            actions = {agent: learners[agent].act(observations[agent], infos[agent]["action_mask"], 0.0)
                       if infos[agent]["has_decision"] else 0 for agent in env.agents}
            observations, rewards, terminations, truncations, infos = env.step(actions)
            total += sum(rewards.values())
    return total / len(seeds)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("scenario")
    parser.add_argument("--episodes", type=int, default=50)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--max-cycles", type=int, default=2000)
    arguments = parser.parse_args()
    trained = train(arguments.scenario, arguments.episodes, arguments.seed, arguments.max_cycles)
    seeds = range(1000, 1005)
    print(f"DQN mean episode return on held-out seeds: {evaluate(trained['env'], trained['learners'], seeds):.2f}")
    env = trained["env"]
    for name in edgesim.policies.NAMES:
        result = edgesim.policies.evaluate(env, BaselinePolicy(name), episodes=len(seeds), seed=seeds[0])
        print(f"{name:16s} mean episode return {result['mean_episode_reward']:.2f}")


if __name__ == "__main__":
    main()
